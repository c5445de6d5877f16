/** The decisions the room has taken, with each override and its reason; the facilitator can go back to any of them. */
import type { TakenStep } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';
import { confirmButton } from '../../parts/confirm.ts';

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
        rewind ? rewindControl(step, rewind) : null,
      ),
    ),
  );
}

/** Going back moves every screen in the room, so it asks first. */
function rewindControl(step: TakenStep, rewind: (step: number) => void): HTMLElement[] {
  const [button, dialog] = confirmButton(
    `Go back to “${step.decisionTitle}”`,
    {
      title: `Take the whole room back to “${step.decisionTitle}”?`,
      text: 'Every screen goes back to this decision, and the room votes on it again. The decisions after it stay in the record.',
      yes: 'Go back',
      no: 'Stay here',
    },
    () => rewind(step.step),
  );
  button!.classList.add('link-button');
  button!.dataset.rewind = String(step.step);
  return [button!, dialog!];
}
