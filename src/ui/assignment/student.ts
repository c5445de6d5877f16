/**
 * The game's page as an assignment (`/?assignment=CODE`): the student gives a nickname once (no
 * account), then plays the ordinary game at their own pace. The game's PlayEvents become recorded
 * events (ids only), queued in this browser and sent by AssignmentSender; a reload or a later visit
 * continues from the place kept here. Optionally each choice asks for a reason, in a panel that
 * never blocks the game.
 */
import { io } from 'socket.io-client';
import {
  ASSIGNMENT_NAMESPACE,
  ASSIGNMENT_PROTOCOL_VERSION,
  type StudentJoinAck,
} from '../../workshop/assignment-protocol.ts';
import { LIMITS, normaliseRoomCode } from '../../workshop/protocol.ts';
import { h, replaceChildren } from '../dom.ts';
import type { PlayEvent, PlayListener } from '../play-events.ts';
import { readIdentity, writeIdentity, type Identity } from './local-record.ts';
import { AssignmentSender, type SendState } from './sender.ts';

export interface AssignmentPlay {
  scenarioId: string;
  listener: PlayListener;
  resumeFrom: (scenario: string) => string[] | undefined;
}

/** Asks for a nickname (first visit only), then hands the App what it needs to play the assignment. */
export async function prepareAssignment(rawCode: string, content: HTMLElement): Promise<AssignmentPlay> {
  const code = normaliseRoomCode(rawCode);
  const identity = readIdentity(code) ?? (await askNickname(code, content));
  const status = statusLine(identity);
  const sender = new AssignmentSender(code, identity.token, identity.nickname, status.update);
  const reasons = identity.askReasons
    ? reasonPanel((text, decision, option) => sender.record({ type: 'reason', decision, option, text }))
    : undefined;

  const listener = (event: PlayEvent) => {
    if (event.scenario !== identity.scenarioId) return;
    switch (event.kind) {
      case 'chose':
        sender.record({ type: 'chose', decision: event.decision.id, option: event.option.id });
        reasons?.ask(event.decision.id, event.option.id, event.option.label);
        break;
      case 'ended':
        sender.record({ type: 'ended', ending: event.ending.id });
        break;
      case 'opened-source':
        sender.record({ type: 'opened-source', source: event.source.id });
        break;
      case 'moved':
        // Only a real change of place: the same place again (a redraw, a resume) records nothing.
        if (JSON.stringify(event.path) !== JSON.stringify(sender.path))
          sender.record({ type: 'moved', path: event.path });
        break;
    }
  };
  return {
    scenarioId: identity.scenarioId,
    listener,
    resumeFrom: (scenario) => (scenario === identity.scenarioId ? (sender.path ?? []) : undefined),
  };
}

function askNickname(code: string, content: HTMLElement): Promise<Identity> {
  return new Promise((resolve) => {
    let problem = '';
    const draw = (busy: boolean) => {
      const input = h('input', {
        id: 'assignment-nickname',
        name: 'nickname',
        required: true,
        maxlength: LIMITS.nickname,
        autocomplete: 'nickname',
      });
      const form = h(
        'form',
        {
          class: 'assignment-join',
          onsubmit: (event: Event) => {
            event.preventDefault();
            void join(input.value);
          },
        },
        h('label', { for: 'assignment-nickname' }, 'Your nickname (your teacher sees only this)'),
        input,
        problem ? h('p', { class: 'form-problem', role: 'alert' }, problem) : null,
        h(
          'button',
          { type: 'submit', class: 'primary-button', disabled: busy },
          busy ? 'Starting…' : 'Start the assignment',
        ),
      );
      replaceChildren(
        content,
        h(
          'article',
          { class: 'screen assignment-screen' },
          h('h2', {}, 'Assignment ', code),
          h(
            'p',
            { class: 'lead' },
            'Play the scenario at your own pace. Your choices and the sources you open are sent to your teacher under your nickname; nothing else about you is.',
          ),
          form,
        ),
      );
      input.focus();
    };
    const join = async (nickname: string) => {
      draw(true);
      const socket = io(ASSIGNMENT_NAMESPACE, { reconnection: false, timeout: 8000 });
      let ack: StudentJoinAck;
      try {
        ack = await socket.timeout(8000).emitWithAck('student', { v: ASSIGNMENT_PROTOCOL_VERSION, code, nickname });
      } catch {
        ack = {
          ok: false,
          error: { code: 'server-error', message: 'the server did not answer; check the network and try again' },
        };
      } finally {
        socket.disconnect();
      }
      if (!ack.ok) {
        problem = `That did not work: ${ack.error.message}.`;
        return draw(false);
      }
      const identity: Identity = {
        token: ack.token,
        nickname: nickname.trim(),
        scenarioId: ack.assignment.scenarioId,
        askReasons: ack.assignment.askReasons,
        title:
          ack.assignment.scenarioTitle +
          (ack.assignment.deadline ? ` (due ${ack.assignment.deadline.slice(0, 16).replace('T', ' ')} UTC)` : ''),
      };
      writeIdentity(code, identity);
      resolve(identity);
    };
    draw(false);
  });
}

/** A line at the foot of the page: whose assignment this is and whether everything has reached the teacher. */
function statusLine(identity: Identity) {
  const text = h('span', {});
  const line = h('p', { class: 'assignment-status', role: 'status', 'data-pending': '0' }, text);
  document.body.append(line);
  return {
    update: (state: SendState) => {
      line.dataset.pending = String(state.pending);
      line.dataset.online = String(state.online);
      text.textContent = state.refused
        ? `Not sent: ${state.refused}`
        : `${identity.nickname} · ${identity.title} · ` +
          (state.pending === 0
            ? 'everything sent to your teacher'
            : `${state.pending} step${state.pending === 1 ? '' : 's'} kept here, sent when ${state.online ? 'the server answers' : 'the network is back'}`);
    },
  };
}

/** The optional "why?" after each choice: a panel beside the game, sent as its own event, skippable. */
function reasonPanel(send: (text: string, decision: string, option: string) => void) {
  const panel = h('aside', { class: 'assignment-reason', 'aria-label': 'Your reason' });
  panel.hidden = true;
  document.body.append(panel);
  return {
    ask(decision: string, option: string, label: string) {
      const input = h('input', { id: 'assignment-reason-text', maxlength: LIMITS.reason, autocomplete: 'off' });
      const close = () => ((panel.hidden = true), panel.replaceChildren());
      replaceChildren(
        panel,
        h(
          'form',
          {
            onsubmit: (event: Event) => {
              event.preventDefault();
              if (input.value.trim()) send(input.value.trim(), decision, option);
              close();
            },
          },
          h('label', { for: 'assignment-reason-text' }, `Why “${label}”? (optional)`),
          input,
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'submit' }, 'Send reason'),
            h('button', { type: 'button', onclick: close }, 'Skip'),
          ),
        ),
      );
      panel.hidden = false;
    },
  };
}
