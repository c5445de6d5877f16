/** What the last choice led to: the outcome, its evidence, and each change to the world with its source. */
import type { MeterView, StepView } from '../../engine/view.ts';
import { h } from '../dom.ts';
import { evidenceBadge, evidenceMeaning } from '../evidence.ts';
import { citationList, type ShowSource } from '../parts/citation.ts';
import { meterList } from '../parts/meters.ts';
import { Glossary } from '../parts/glossary.ts';
import type { GlossaryTerm } from '../../engine/glossary.ts';

export interface OutcomeActions {
  next: () => void;
  showSource: ShowSource;
  /** The scenario's glossary: its terms are explained where they first occur. */
  glossary?: readonly GlossaryTerm[];
}

export function outcomeScreen(
  step: StepView,
  meters: MeterView[],
  nextLabel: string,
  actions: OutcomeActions,
): HTMLElement {
  return h(
    'article',
    { class: 'screen outcome-screen', 'aria-labelledby': 'screen-title' },
    h('p', { class: 'eyebrow' }, `${step.actorName} chose`),
    h('h2', { id: 'screen-title' }, step.optionLabel),
    h('p', { class: 'evidence-line' }, evidenceBadge(step.evidence), ' ', evidenceMeaning(step.evidence)),
    h('p', { class: 'outcome-text' }, new Glossary(actions.glossary).text(step.outcome)),
    // The way on comes before the details, so it is never below the fold.
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary-button', id: 'continue-button', onclick: actions.next }, nextLabel),
    ),
    // The meters are the one place each change shows, with its reason; no separate list repeats them.
    meterList(meters),
    step.changes.length > 0
      ? h(
          'p',
          { class: 'fine-print' },
          'The meters are the scenario’s simplified model of the situation; the sources below are what this branch rests on.',
        )
      : null,
    citationList(step.citations, actions.showSource),
  );
}
