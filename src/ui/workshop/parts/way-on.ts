/**
 * The facilitator's one next step at the moments between votes: after an outcome, on to the next
 * decision (or the ending); at the ending, the debrief or the end of the session; in the debrief,
 * its pages and the end. Not folded away: each is the main thing to do at that moment.
 */
import type { GameView } from '../../../engine/view.ts';
import type { ControlIntent, DebriefView } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';
import { DEBRIEF_TITLES } from './debrief-block.ts';

type Control = (intent: ControlIntent) => void;

const box = (...children: Array<HTMLElement | null>) =>
  h('section', { class: 'way-on vote-controls', 'aria-label': 'The way on' }, h('div', { class: 'actions' }, children));

const primary = (id: string, label: string, onclick: () => void) =>
  h('button', { type: 'button', id, class: 'primary-button', onclick }, label);

const plain = (id: string, label: string, onclick: () => void) => h('button', { type: 'button', id, onclick }, label);

export function wayOnAfterOutcome(game: GameView, control: Control): HTMLElement {
  return box(
    game.kind === 'decision'
      ? primary('next-decision', `Next decision: ${game.title}`, () => control({ type: 'next' }))
      : primary('next-decision', `Show the ending: ${game.title}`, () => control({ type: 'next' })),
  );
}

export function wayOnAtEnding(control: Control): HTMLElement {
  return box(
    primary('start-debrief', 'Start the debrief', () => control({ type: 'debrief', page: 0 })),
    plain('end-session', 'End the session', () => control({ type: 'end' })),
  );
}

export function wayOnInDebrief(debrief: DebriefView, control: Control): HTMLElement {
  const next = debrief.parts[debrief.page + 1];
  return box(
    debrief.page > 0 ? plain('debrief-back', 'Back', () => control({ type: 'debrief', page: debrief.page - 1 })) : null,
    next
      ? primary('debrief-next', `Next: ${DEBRIEF_TITLES[next]}`, () =>
          control({ type: 'debrief', page: debrief.page + 1 }),
        )
      : null,
    (next ? plain : primary)('end-session', 'End the session', () => control({ type: 'end' })),
  );
}
