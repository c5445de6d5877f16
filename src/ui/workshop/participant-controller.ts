/**
 * A participant's side of a room: the join form until the server knows them, then the room. The
 * token the server hands out is kept per room code, so a reload or a dropped connection joins
 * again as the same person, with their vote kept.
 */
import type { ScenarioIndex } from '../../engine/view.ts';
import { normaliseRoomCode, PROTOCOL_VERSION, type ParticipantView } from '../../workshop/protocol.ts';
import { h } from '../dom.ts';
import { RoomConnection, type LinkState } from './connection.ts';
import { forgetParticipantPass, keepParticipantPass, participantPass, type ParticipantPass } from './credentials.ts';
import { announcement, phaseKey } from './parts/phase.ts';
import { linkState } from './parts/link-state.ts';
import { VoteClock } from './parts/timer.ts';
import {
  announce,
  scenarioIndex,
  showScreen,
  showTopbar,
  sourceOpener,
  type Controller,
  type WorkshopPage,
} from './page.ts';
import { isRoomCode } from './routes.ts';
import { joinScreen, type JoinDraft } from './screens/join.ts';
import { participantScreen, type Ballot } from './screens/participant.ts';

export class ParticipantController implements Controller {
  private connection: RoomConnection | undefined;
  private view: ParticipantView | undefined;
  private index: ScenarioIndex | undefined;
  private link: LinkState = 'connecting';
  private ballot: Ballot = { reason: '', sending: false };
  private announced = '';
  private problem: string | undefined;
  /** The nickname typed (kept when a join fails) and the field the problem is about. */
  private draft: JoinDraft = {};
  private shown: 'form' | 'room' | undefined;
  private readonly clock: VoteClock;

  constructor(
    private readonly page: WorkshopPage,
    private readonly code: string,
  ) {
    this.clock = new VoteClock(page.content);
    const pass = code ? participantPass(code) : undefined;
    if (pass) this.draft = { nickname: pass.nickname };
    if (pass && !pass.token) this.showForm(true); // a join typed on the form a moment ago, under way
    if (pass) this.connect(pass);
    else this.showForm();
  }

  dispose(): void {
    this.clock.stop();
    this.connection?.close();
  }

  private showForm(busy = false, typedCode = this.code): void {
    showTopbar(this.page);
    showScreen(
      this.page,
      joinScreen(typedCode, this.problem, busy, { join: (code, nickname) => this.join(code, nickname) }, this.draft),
      { arrived: this.shown !== 'form' },
    );
    this.shown = 'form';
    // The field to put right takes focus (its description is the problem, so a screen reader reads it out).
    const field = this.problem && this.draft.problemField ? `#join-${this.draft.problemField}` : undefined;
    const input = field ? this.page.content.querySelector<HTMLInputElement>(field) : null;
    if (input) {
      input.focus();
      input.select();
    }
  }

  private join(typedCode: string, typedName: string): void {
    const code = normaliseRoomCode(typedCode);
    const nickname = typedName.trim();
    this.draft = { nickname: typedName };
    if (!isRoomCode(code)) {
      this.problem = `“${typedCode.trim()}” is not a room code: a code has 6 letters and digits, such as K7M2QX. Check the code on the screen at the front.`;
      this.draft.problemField = 'code';
      return this.showForm(false, typedCode);
    }
    if (!nickname) {
      this.problem = 'Type a nickname, so the facilitator can tell votes apart.';
      this.draft.problemField = 'nickname';
      return this.showForm(false, typedCode);
    }
    // Someone who joins again from the form under the same nickname is the same participant: keep
    // their token so they are not counted twice. A different nickname on this browser is someone else.
    const earlier = participantPass(code);
    const token = earlier && earlier.nickname.trim().toLowerCase() === nickname.toLowerCase() ? earlier.token : '';
    if (code !== this.code) {
      // The room's own address, so a reload comes back to it; the new controller finds the pass.
      keepParticipantPass(code, { token, nickname });
      this.page.navigate({ screen: 'join', code });
      return;
    }
    this.problem = undefined;
    this.showForm(true);
    this.connect({ token, nickname });
  }

  private connect(pass: ParticipantPass): void {
    let current = pass;
    this.connection = new RoomConnection(
      () => ({
        v: PROTOCOL_VERSION,
        role: 'participant',
        code: this.code,
        nickname: current.nickname,
        ...(current.token ? { token: current.token } : {}),
      }),
      {
        joined: (ack) => {
          if (ack.token) current = { ...current, token: ack.token };
          keepParticipantPass(this.code, current);
        },
        view: (view) => this.onView(view as ParticipantView),
        tally: () => undefined,
        link: (state) => {
          this.link = state;
          if (this.shown === 'room') this.topbar();
        },
        refused: (error) => {
          if (error.code === 'unknown-room' || error.code === 'invalid-message' || error.code === 'removed')
            forgetParticipantPass(this.code);
          this.connection = undefined;
          this.draft = {
            nickname: current.nickname,
            ...(error.code === 'unknown-room' ? { problemField: 'code' } : {}),
          };
          this.problem =
            error.code === 'unknown-room'
              ? `There is no session with the code ${this.code} (or it has ended). Check the code on the screen at the front; your nickname is kept.`
              : error.code === 'removed'
                ? 'The facilitator removed you from this session.'
                : error.code === 'room-locked'
                  ? 'The facilitator has locked this session: nobody new can join. Ask them to unlock it.'
                  : `Could not join: ${error.message}.`;
          this.showForm();
        },
      },
    );
  }

  private onView(view: ParticipantView): void {
    if (this.view && this.view.vote.round !== view.vote.round) this.ballot = { reason: '', sending: false };
    this.view = view;
    this.clock.sync(view.serverTime);
    if (!this.index) {
      void scenarioIndex(this.page, view.scenario.id).then((index) => {
        this.index = index;
      });
    }
    this.render();
    const key = phaseKey(view);
    if (key !== this.announced) {
      this.announced = key;
      announce(this.page, announcement(view));
    }
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    this.topbar();
    const screen = participantScreen(view, this.ballot, {
      select: (option) => {
        this.ballot.selected = option;
        this.render();
      },
      reason: (text) => (this.ballot.reason = text),
      vote: () => void this.vote(),
      showSource: sourceOpener(this.page, () => this.index),
    });
    showScreen(this.page, screen, { arrived: this.shown !== 'room' });
    this.shown = 'room';
    this.clock.tick();
  }

  private topbar(): void {
    const view = this.view;
    showTopbar(
      this.page,
      view ? h('p', { class: 'topbar-title' }, view.scenario.title) : null,
      view ? h('p', { class: 'who' }, view.me.nickname, ' · room ', view.code) : null,
      linkState(this.link),
    );
  }

  private async vote(): Promise<void> {
    const option = this.ballot.selected ?? this.view?.myVote?.option;
    if (!option || !this.connection || this.ballot.sending) return;
    this.ballot.sending = true;
    this.render();
    const ack = await this.connection.vote(option, this.ballot.reason.trim() || undefined);
    this.ballot.sending = false;
    if (ack.ok) {
      this.ballot = { reason: '', sending: false };
      if (this.view) this.view = { ...this.view, myVote: ack.vote };
      announce(this.page, 'Your vote is in.');
    } else {
      this.ballot.problem = ack.error.message;
    }
    this.render();
    // The thumb is on the send button, often at the bottom edge of a phone's screen: bring the
    // confirmation (or the problem), which sits just below the button, into view beside it.
    this.page.content
      .querySelector(ack.ok ? '#my-vote' : '.ballot .form-problem')
      ?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  }
}
