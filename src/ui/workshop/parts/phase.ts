/** What the room is doing, in words: the status line on every screen and what screen readers hear when it changes. */
import type { RoomView } from '../../../workshop/protocol.ts';
import { own } from '../../../lib/own.ts';
import { h } from '../../dom.ts';

/** `offline`: the room votes with hands, so there is no vote to open, only hands to count. */
export function phaseText(view: RoomView, mode: 'online' | 'offline' = 'online'): string {
  if (view.status === 'ended') return 'The session has ended';
  if (view.status === 'paused') return 'Paused';
  if (view.showing === 'outcome') return 'What the room’s choice caused';
  if (view.showing === 'debrief') return 'Debrief';
  if (view.game.kind === 'ending') return 'The room has reached an ending';
  switch (view.vote.phase) {
    case 'idle':
      return mode === 'offline' ? 'Count the hands for each option' : 'Waiting for the vote to open';
    case 'open':
      return 'Voting is open';
    case 'closed':
      return 'Voting has closed';
    case 'revealed':
      return 'Results';
  }
}

/** A key that changes exactly when something worth announcing happens. */
export const phaseKey = (view: RoomView) =>
  [view.status, view.step, view.game.kind, view.vote.round, view.vote.phase, view.showing, view.debrief?.page].join(
    '|',
  );

export function announcement(view: RoomView, mode: 'online' | 'offline' = 'online'): string {
  const phase = phaseText(view, mode);
  if (view.status !== 'running') return `${phase}.`;
  const last = view.game.path.at(-1);
  if (view.showing === 'outcome' && last) {
    const override = view.taken.at(-1)?.override;
    return `${last.actorName} chose “${last.optionLabel}”${override ? `: the facilitator overrode the room, because “${override.reason}”` : ''}. ${last.outcome}`;
  }
  if (view.showing === 'debrief' && view.debrief)
    return `Debrief, part ${view.debrief.page + 1} of ${view.debrief.parts.length}.`;
  if (view.game.kind === 'ending') return `${phase}: ${view.game.title}.`;
  const game = view.game;
  const results = view.vote.results;
  if (view.vote.phase === 'revealed' && results) {
    const top = results.majority ? game.options.find((o) => o.id === results.majority)?.label : undefined;
    return top
      ? `Results: “${top}” has most votes, ${own(results.counts, results.majority!) ?? 0} of ${results.total}.`
      : `Results: no majority, ${results.total} votes.`;
  }
  if (view.vote.phase === 'open') return `Voting is open: ${game.title}.`;
  if (view.vote.phase === 'closed') return 'Voting has closed.';
  return `${game.title}. ${phase}.`;
}

export function statusLine(view: RoomView, mode: 'online' | 'offline' = 'online'): HTMLElement {
  return h(
    'p',
    { class: `room-status phase-${view.status === 'running' ? view.vote.phase : view.status}` },
    h('span', { class: 'status-dot', 'aria-hidden': 'true' }),
    phaseText(view, mode),
  );
}
