/** A decision point: who decides, the situation, and the options with their evidence and sources. */
import type { GameView, OptionView } from '../../engine/view.ts';
import { h, replaceChildren } from '../dom.ts';
import { evidenceMeaning, evidenceName, explainedBadge, QUOTE_QUESTION } from '../evidence.ts';
import { citationBlock, type ShowSource } from '../parts/citation.ts';
import { meterList } from '../parts/meters.ts';
import { pathList, type PathActions } from '../parts/path-list.ts';
import { foldingText, foldToFit } from '../parts/fold-to-fit.ts';
import { Glossary } from '../parts/glossary.ts';
import type { GlossaryTerm } from '../../engine/glossary.ts';

type DecisionView = Extract<GameView, { kind: 'decision' }>;

export interface DecisionActions extends PathActions {
  choose: (option: string) => void;
  showSource: ShowSource;
  /** The address of "How to read the labels". */
  labelsHref?: string;
  /** The scenario's glossary: its terms are explained where they first occur. */
  glossary?: readonly GlossaryTerm[];
}

export function decisionScreen(view: DecisionView, actions: DecisionActions): HTMLElement {
  const preview = h('div', { class: 'option-preview', 'aria-hidden': 'true' });
  const showPreview = (option: OptionView) => {
    replaceChildren(
      preview,
      h('p', { class: 'small-heading' }, `Option ${option.number}: what it rests on`),
      h('p', { class: 'evidence-meaning' }, evidenceMeaning(option.evidence)),
      option.citations.map((c) => citationBlock(c, actions.showSource)),
    );
    // The preview repeats each option's sources for the eye; keyboards and screen readers use the
    // option's own "Sources for option N", so nothing inside the hidden preview takes focus.
    for (const button of preview.querySelectorAll('button')) button.tabIndex = -1;
  };

  // Hover previews wait a moment, so a pointer passing over other options on its way to the
  // preview's "Show in source" does not swap the preview away.
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  const options = view.options.map((option) => {
    const describedBy = `option-${option.id}-basis`;
    const button = h(
      'button',
      { type: 'button', class: 'option-button', 'data-option': option.id, 'aria-describedby': describedBy },
      h('span', { class: 'option-number', 'aria-hidden': 'true' }, String(option.number)),
      h('span', { class: 'option-label' }, option.label),
    );
    button.addEventListener('click', () => actions.choose(option.id));
    button.addEventListener('focus', () => showPreview(option));
    button.addEventListener('mouseenter', () => {
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(() => showPreview(option), 300);
    });
    button.addEventListener('mouseleave', () => clearTimeout(hoverTimer));
    const label = explainedBadge(option.evidence, `option-${option.id}-label-help`, actions.labelsHref);
    return h(
      'li',
      { class: 'option' },
      button,
      // The evidence label and the way to the sources share one line, so every option fits on a laptop's screen.
      h(
        'div',
        { class: 'option-meta' },
        h(
          'div',
          { class: 'option-basis' },
          label.toggle,
          h(
            'span',
            { class: 'visually-hidden', id: describedBy },
            `${evidenceName(option.evidence)}: ${evidenceMeaning(option.evidence)} Source: `,
            option.citations.map((c) => `“${c.quote}” `),
          ),
        ),
        h(
          'details',
          { class: 'option-sources' },
          h('summary', {}, `Sources for option ${option.number}`),
          h('p', { class: 'quote-question' }, `The label on each quote says: ${QUOTE_QUESTION.toLowerCase()}`),
          option.citations.map((c) => citationBlock(c, actions.showSource)),
        ),
        label.explanation,
      ),
    );
  });
  if (view.options[0]) showPreview(view.options[0]);
  const situation = foldingText(
    new Glossary(actions.glossary).text(view.situation),
    'situation',
    'Read the whole situation',
  );

  const article = h(
    'article',
    { class: 'screen decision-screen', 'aria-labelledby': 'screen-title' },
    h(
      'p',
      { class: 'eyebrow' },
      `Decision ${view.path.length + 1} · `,
      h('span', { class: 'actor-name' }, view.actor.name),
      ' decides',
    ),
    h('h2', { id: 'screen-title' }, view.title),
    situation,
    view.citations.length > 0
      ? h(
          'details',
          { class: 'situation-sources' },
          h('summary', {}, `Check the situation in the source (${view.citations.length})`),
          view.citations.map((c) => citationBlock(c, actions.showSource)),
        )
      : null,
    h(
      'h3',
      { class: 'options-heading', id: 'options-heading' },
      'What do you decide?',
      h('span', { class: 'key-hint' }, ` Press 1–${view.options.length} or choose below.`),
    ),
    h('ol', { class: 'options', 'aria-labelledby': 'options-heading' }, options),
    actions.labelsHref
      ? h('p', { class: 'labels-link' }, h('a', { href: actions.labelsHref }, 'How to read the labels'))
      : null,
    preview,
    meterList(view.meters),
    view.path.length > 0
      ? h(
          'details',
          { class: 'path-so-far' },
          h('summary', {}, `Your path so far (${view.path.length})`),
          pathList(view.path, actions, { showUntaken: false }),
        )
      : null,
  );
  // On a short screen the situation folds so that the options show with it (every option on a
  // laptop, the first on a phone); it measures the page, so it runs once the screen is in it.
  foldToFit(article, situation, '.option-basis');
  return article;
}
