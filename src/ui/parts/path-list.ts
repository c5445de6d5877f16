/** The choices made so far, each with a way back to that point and the options not taken. */
import type { StepView } from '../../engine/view.ts';
import { h } from '../dom.ts';
import { evidenceBadge } from '../evidence.ts';

export interface PathActions {
  rewindTo: (step: number) => void;
  tryInstead: (step: number, option: string) => void;
}

export function pathList(
  steps: StepView[],
  actions: PathActions,
  { showUntaken }: { showUntaken: boolean },
): HTMLElement {
  return h(
    'ol',
    { class: 'path-list' },
    steps.map((step, i) =>
      h(
        'li',
        { class: 'path-step' },
        h('p', { class: 'path-where' }, h('strong', {}, step.decisionTitle), ` · ${step.actorName}`),
        h('p', { class: 'path-choice' }, 'Chose: ', step.optionLabel, ' ', evidenceBadge(step.evidence)),
        showUntaken && step.untaken.length > 0
          ? h(
              'ul',
              { class: 'untaken', 'aria-label': 'Options not taken' },
              step.untaken.map((option) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    { type: 'button', class: 'link-button', onclick: () => actions.tryInstead(i, option.id) },
                    `Try instead: ${option.label}`,
                  ),
                ),
              ),
            )
          : null,
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => actions.rewindTo(i) },
          `Go back to “${step.decisionTitle}”`,
        ),
      ),
    ),
  );
}
