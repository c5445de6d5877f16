/**
 * A participant's phone: the decision with its options and sources, a vote with an optional
 * one-line reason, and the result once the facilitator reveals it. Everything people typed
 * (nicknames, reasons) goes in as text.
 */
import type { GameView } from '../../../engine/view.ts';
import { LIMITS, type ParticipantView } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';
import { evidenceBadge, evidenceMeaning } from '../../evidence.ts';
import { citationBlock, type ShowSource } from '../../parts/citation.ts';
import { decisionIntro } from '../parts/decision-intro.ts';
import { endingBlock } from '../parts/ending-block.ts';
import { statusLine } from '../parts/phase.ts';
import { voteTimer } from '../parts/timer.ts';
import { roomResults } from '../parts/room-results.ts';
import { debriefBlock } from '../parts/debrief-block.ts';
import { outcomeBlock } from '../parts/outcome-block.ts';

type DecisionView = Extract<GameView, { kind: 'decision' }>;

export interface Ballot {
  /** The option picked on this phone, before or after sending. */
  selected?: string;
  reason: string;
  sending: boolean;
  /** Why the last vote was not taken. */
  problem?: string;
}

export interface ParticipantActions {
  select: (option: string) => void;
  reason: (text: string) => void;
  vote: () => void;
  showSource: ShowSource;
}

export function participantScreen(view: ParticipantView, ballot: Ballot, actions: ParticipantActions): HTMLElement {
  const game = view.game;
  return h(
    'article',
    { class: 'screen participant-screen', 'aria-labelledby': 'screen-title' },
    h('div', { class: 'status-row' }, statusLine(view), voteTimer(view.vote)),
    view.status === 'ended' && game.kind === 'decision'
      ? [
          h('h2', { id: 'screen-title' }, 'The session has ended'),
          h('p', {}, 'Thank you for taking part. Your facilitator has the record of the room’s votes.'),
        ]
      : view.showing === 'outcome'
        ? outcomeBlock(view, actions.showSource)
        : view.showing === 'debrief' && view.debrief
          ? debriefBlock(view.debrief, undefined)
          : game.kind === 'ending'
            ? endingBlock(game, actions.showSource)
            : decisionParts(view, game, ballot, actions),
  );
}

/** Once the results are out they come first, under the question; the situation and the ballot follow. */
function decisionParts(
  view: ParticipantView,
  game: DecisionView,
  ballot: Ballot,
  actions: ParticipantActions,
): Array<HTMLElement | null> {
  const [eyebrow, title, ...situation] = decisionIntro(game, actions.showSource);
  const form = ballotForm(view, game, ballot, actions);
  const outcome = roomResults(view.vote, game);
  return outcome ? [eyebrow!, title!, outcome, form, ...situation] : [eyebrow!, title!, ...situation, form];
}

function ballotForm(
  view: ParticipantView,
  game: DecisionView,
  ballot: Ballot,
  actions: ParticipantActions,
): HTMLElement {
  const open = view.status === 'running' && view.vote.phase === 'open';
  const mine = view.myVote;
  const selected = ballot.selected ?? mine?.option;
  const myLabel = mine ? game.options.find((o) => o.id === mine.option)?.label : undefined;
  const form = h(
    'form',
    { class: 'ballot', 'aria-labelledby': 'ballot-legend' },
    h(
      'fieldset',
      { class: 'ballot-options' },
      h('legend', { id: 'ballot-legend' }, open ? 'Your vote' : 'The options'),
      game.options.map((option) =>
        h(
          'div',
          { class: 'ballot-option' },
          h(
            'label',
            { class: 'ballot-choice', for: `vote-${option.id}` },
            h('input', {
              type: 'radio',
              name: 'option',
              id: `vote-${option.id}`,
              value: option.id,
              checked: selected === option.id,
              disabled: !open,
              onchange: () => actions.select(option.id),
            }),
            h('span', { class: 'option-number', 'aria-hidden': 'true' }, String(option.number)),
            h('span', { class: 'option-label' }, option.label),
          ),
          h(
            'div',
            { class: 'option-basis' },
            evidenceBadge(option.evidence),
            h('span', { class: 'visually-hidden' }, evidenceMeaning(option.evidence)),
          ),
          h(
            'details',
            { class: 'option-sources' },
            h('summary', {}, `Sources for option ${option.number}`),
            option.citations.map((c) => citationBlock(c, actions.showSource)),
          ),
        ),
      ),
    ),
    open
      ? [
          h('label', { class: 'field-label', for: 'vote-reason' }, 'Why? (optional, one line)'),
          h('input', {
            type: 'text',
            id: 'vote-reason',
            class: 'text-field',
            maxlength: LIMITS.reason,
            autocomplete: 'off',
            value: ballot.reason,
            oninput: (event: Event) => actions.reason((event.target as HTMLInputElement).value),
          }),
          h(
            'div',
            { class: 'actions' },
            h(
              'button',
              {
                type: 'submit',
                class: 'primary-button',
                id: 'send-vote',
                disabled: !selected,
                'aria-disabled': ballot.sending ? 'true' : undefined,
              },
              ballot.sending ? 'Sending…' : mine ? 'Change my vote' : 'Send my vote',
            ),
          ),
        ]
      : h('p', { class: 'fine-print' }, waitingText(view)),
    ballot.problem
      ? h('p', { class: 'form-problem', role: 'alert' }, `Your vote was not taken: ${ballot.problem}`)
      : null,
    mine && myLabel
      ? h(
          'p',
          { class: 'my-vote', id: 'my-vote' },
          'Your vote: ',
          h('strong', {}, myLabel),
          mine.reason ? [' — ', h('q', {}, mine.reason)] : null,
        )
      : null,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (open && selected) actions.vote();
  });
  return form;
}

function waitingText(view: ParticipantView): string {
  if (view.status === 'paused') return 'The session is paused: voting goes on when your facilitator resumes it.';
  if (view.vote.phase === 'idle')
    return 'Read the options and their sources: the vote opens when your facilitator says so.';
  return 'Voting is closed.';
}
