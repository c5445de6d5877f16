/**
 * "How to read the labels": one screen that says what each evidence label means on an option and
 * on a quote, since the same four words answer two different questions there.
 */
import { h } from '../dom.ts';
import {
  CHOICE_QUESTION,
  EVIDENCE_KINDS,
  evidenceBadge,
  evidenceMeaning,
  QUOTE_QUESTION,
  quoteMeaning,
} from '../evidence.ts';

export function labelsScreen(back: () => void): HTMLElement {
  return h(
    'article',
    { class: 'screen labels-screen', 'aria-labelledby': 'screen-title' },
    h('h2', { id: 'screen-title' }, 'How to read the labels'),
    h(
      'p',
      {},
      'Every choice and every quote has a label. The label on a choice answers ',
      h('strong', {}, `“${CHOICE_QUESTION}”`),
      ' The label on a quote answers ',
      h('strong', {}, `“${QUOTE_QUESTION}”`),
      ' So a choice the game imagines (Hypothetical) can rest on a quote that reports a fact (Reported).',
    ),
    h(
      'table',
      { class: 'labels-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Label'),
          h('th', { scope: 'col' }, `On a choice: ${CHOICE_QUESTION.toLowerCase()}`),
          h('th', { scope: 'col' }, `On a quote: ${QUOTE_QUESTION.toLowerCase()}`),
        ),
      ),
      h(
        'tbody',
        {},
        EVIDENCE_KINDS.map((kind) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, evidenceBadge(kind)),
            h('td', {}, evidenceMeaning(kind)),
            h('td', {}, quoteMeaning(kind)),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary-button', onclick: back }, 'Back to the game'),
    ),
  );
}
