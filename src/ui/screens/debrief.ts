/** The ending and the debrief: the path as a timeline, endings found, untaken options, questions. */
import type { GameView } from '../../engine/view.ts';
import { h } from '../dom.ts';
import { evidenceBadge, evidenceMeaning } from '../evidence.ts';
import { citationList, type ShowSource } from '../parts/citation.ts';
import { meterList } from '../parts/meters.ts';
import { pathList, type PathActions } from '../parts/path-list.ts';

type EndingView = Extract<GameView, { kind: 'ending' }>;

export interface DebriefActions extends PathActions {
  showSource: ShowSource;
  download: () => void;
  print: () => void;
  openMap: () => void;
  openCompare: () => void;
  playAgain: () => void;
}

export function debriefScreen(
  view: EndingView,
  found: { endings: number; total: number; playthroughs: number },
  actions: DebriefActions,
): HTMLElement {
  return h(
    'article',
    { class: 'screen debrief-screen', 'aria-labelledby': 'screen-title' },
    h('p', { class: 'eyebrow' }, 'Ending'),
    h('h2', { id: 'screen-title' }, view.title),
    view.evidence
      ? h('p', { class: 'evidence-line' }, evidenceBadge(view.evidence), ' ', evidenceMeaning(view.evidence))
      : null,
    h('p', { class: 'outcome-text' }, view.text),
    citationList(view.citations, actions.showSource),
    h('p', { class: 'discovered' }, h('strong', {}, `${found.endings} of ${found.total} endings discovered`)),
    h(
      'section',
      { class: 'questions', 'aria-labelledby': 'questions-title' },
      h('h3', { id: 'questions-title' }, 'For discussion'),
      h(
        'ul',
        {},
        view.questions.map((q) => h('li', {}, q)),
      ),
    ),
    meterList(view.meters, 'Final state', { showChange: false }),
    h(
      'section',
      { class: 'timeline', 'aria-labelledby': 'timeline-title' },
      h('h3', { id: 'timeline-title' }, 'Your path'),
      pathList(view.path, actions, { showUntaken: true }),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary-button', onclick: actions.playAgain }, 'Play again'),
      h('button', { type: 'button', onclick: actions.openMap }, 'Branch map'),
      found.playthroughs >= 2 ? h('button', { type: 'button', onclick: actions.openCompare }, 'Compare paths') : null,
      h('button', { type: 'button', onclick: actions.download }, 'Download summary'),
      h('button', { type: 'button', onclick: actions.print }, 'Print'),
    ),
  );
}
