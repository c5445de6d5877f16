/**
 * What the room's last choice caused, shown on every screen before the next decision: who chose
 * what (and, when the facilitator overrode the vote, that and why), the outcome text for the
 * room's path, the meters with each change and its reason, and the sources the outcome rests on.
 */
import type { RoomView, TakenStep } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';
import { evidenceBadge, evidenceMeaning } from '../../evidence.ts';
import { citationList, type ShowSource } from '../../parts/citation.ts';
import { meterList } from '../../parts/meters.ts';

/** `movedOnly`: only the meters the choice moved (the projector, where the stage shows them all). */
export function outcomeBlock(
  view: RoomView,
  showSource: ShowSource,
  { sources = true, movedOnly = false } = {},
): HTMLElement[] {
  const step = view.game.path.at(-1);
  if (!step) return [];
  const taken = view.taken.at(-1);
  // A change without a reason of its own falls back to the outcome text, which is right above it.
  const meters = view.game.meters
    .filter((m) => !movedOnly || m.change !== 0)
    .map(({ reason, ...meter }) => (reason && reason !== step.outcome ? { ...meter, reason } : meter));
  const parts: Array<HTMLElement | null> = [
    h(
      'p',
      { class: 'eyebrow' },
      `Decision ${view.game.path.length} · ${step.decisionTitle} · `,
      step.actorName,
      ' chose',
    ),
    h('h2', { id: 'screen-title' }, step.optionLabel),
    taken ? overrideNotice(taken, step.untaken) : null,
    h('p', { class: 'evidence-line' }, evidenceBadge(step.evidence), ' ', evidenceMeaning(step.evidence)),
    h('p', { class: 'outcome-text room-outcome' }, step.outcome),
    meterList(meters, 'What changed'),
    sources ? citationList(step.citations, showSource) : null,
  ];
  return parts.filter((part): part is HTMLElement => part !== null);
}

/** Said wherever the outcome shows: the room did not choose this, the facilitator did, for this reason. */
export function overrideNotice(taken: TakenStep, others: Array<{ id: string; label: string }>): HTMLElement | null {
  const override = taken.override;
  if (!override) return null;
  const majority = override.majority ? others.find((o) => o.id === override.majority)?.label : undefined;
  return h(
    'p',
    { class: 'override-notice', role: 'note' },
    h('strong', {}, 'The facilitator overrode the room'),
    majority ? [' (most votes: “', majority, '”)'] : ' (the vote had no majority)',
    '. Their reason: ',
    h('q', { class: 'override-reason' }, override.reason),
  );
}
