/** The ending the room reached: what happened, its sources and the questions for discussion. */
import type { GameView } from '../../../engine/view.ts';
import { h } from '../../dom.ts';
import { evidenceBadge, evidenceMeaning } from '../../evidence.ts';
import { citationList, type ShowSource } from '../../parts/citation.ts';

type EndingView = Extract<GameView, { kind: 'ending' }>;

export function endingBlock(view: EndingView, showSource: ShowSource): HTMLElement[] {
  const parts: Array<HTMLElement | null> = [
    h('p', { class: 'eyebrow' }, 'Ending'),
    h('h2', { id: 'screen-title' }, view.title),
    view.evidence
      ? h('p', { class: 'evidence-line' }, evidenceBadge(view.evidence), ' ', evidenceMeaning(view.evidence))
      : null,
    h('p', { class: 'outcome-text' }, view.text),
    citationList(view.citations, showSource),
    view.questions.length > 0
      ? h(
          'section',
          { class: 'questions', 'aria-labelledby': 'questions-title' },
          h('h3', { id: 'questions-title' }, 'For discussion'),
          h(
            'ul',
            {},
            view.questions.map((q) => h('li', {}, q)),
          ),
        )
      : null,
  ];
  return parts.filter((element): element is HTMLElement => element !== null);
}
