/** The decisions the room has taken, with each override and its reason; the facilitator can go back to any of them. */
import type { TakenStep } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';

export function takenPath(taken: TakenStep[], rewind?: (step: number) => void): HTMLElement {
  if (taken.length === 0) return h('p', { class: 'fine-print' }, 'No decision taken yet.');
  return h(
    'ol',
    { class: 'taken-path' },
    taken.map((step) =>
      h(
        'li',
        { class: 'taken-step' },
        h('p', {}, h('strong', {}, step.decisionTitle), ': ', step.optionLabel),
        step.override
          ? h(
              'p',
              { class: 'override-note' },
              'Facilitator’s choice',
              step.override.majority ? ' against the majority' : ' (no majority)',
              ': ',
              h('q', {}, step.override.reason),
            )
          : h('p', { class: 'fine-print' }, 'The room’s majority'),
        rewind
          ? h(
              'button',
              { type: 'button', class: 'link-button', 'data-rewind': step.step, onclick: () => rewind(step.step) },
              `Go back to “${step.decisionTitle}”`,
            )
          : null,
      ),
    ),
  );
}
