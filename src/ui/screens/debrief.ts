/** The ending and the debrief: the path as a timeline, endings found, untaken options, questions. */
import type { GameView } from '../../engine/view.ts';
import { h } from '../dom.ts';
import { evidenceBadge, evidenceMeaning } from '../evidence.ts';
import { citationBlock, type ShowSource } from '../parts/citation.ts';
import { meterList } from '../parts/meters.ts';
import { pathList, type PathActions } from '../parts/path-list.ts';
import { Glossary } from '../parts/glossary.ts';
import type { GlossaryTerm } from '../../engine/glossary.ts';

type EndingView = Extract<GameView, { kind: 'ending' }>;

export interface DebriefActions extends PathActions {
  showSource: ShowSource;
  download: () => void;
  print: () => void;
  openMap: () => void;
  openCompare: () => void;
  playAgain: () => void;
  /** The scenario's glossary: its terms are explained where they first occur. */
  glossary?: readonly GlossaryTerm[];
}

export function debriefScreen(
  view: EndingView,
  found: { endings: number; total: number; playthroughs: number },
  actions: DebriefActions,
): HTMLElement {
  // The result and the way on come first; what a student may want to look into folds below them.
  return h(
    'article',
    { class: 'screen debrief-screen', 'aria-labelledby': 'screen-title' },
    h('p', { class: 'eyebrow' }, 'Ending'),
    h('h2', { id: 'screen-title' }, view.title),
    view.evidence
      ? h('p', { class: 'evidence-line' }, evidenceBadge(view.evidence), ' ', evidenceMeaning(view.evidence))
      : null,
    h('p', { class: 'outcome-text' }, new Glossary(actions.glossary).text(view.text)),
    h('p', { class: 'discovered' }, h('strong', {}, `${found.endings} of ${found.total} endings discovered`)),
    h(
      'div',
      { class: 'actions ending-actions' },
      h('button', { type: 'button', class: 'primary-button', onclick: actions.playAgain }, 'Play again'),
      h('button', { type: 'button', onclick: actions.openMap }, 'Branch map'),
      found.playthroughs >= 2 ? h('button', { type: 'button', onclick: actions.openCompare }, 'Compare paths') : null,
      h('button', { type: 'button', onclick: actions.download }, 'Download summary'),
      h('button', { type: 'button', onclick: actions.print }, 'Print'),
    ),
    view.citations.length > 0
      ? fold(
          'citations',
          `What the source says (${view.citations.length})`,
          view.citations.map((c) => citationBlock(c, actions.showSource)),
        )
      : null,
    view.questions.length > 0
      ? fold(
          'questions',
          `For discussion (${view.questions.length})`,
          h(
            'ul',
            {},
            view.questions.map((q) => h('li', {}, q)),
          ),
        )
      : null,
    fold('final-state', 'Final state', meterList(view.meters, 'Final state', { showChange: false })),
    h(
      'section',
      { class: 'timeline', 'aria-labelledby': 'timeline-title' },
      h('h3', { id: 'timeline-title' }, 'Your path'),
      pathList(view.path, actions, { showUntaken: true }),
    ),
  );
}

/** A part of the ending that opens on request. */
const fold = (kind: string, summary: string, ...content: Array<HTMLElement | HTMLElement[] | null>) =>
  h('details', { class: `ending-fold ${kind}` }, h('summary', {}, summary), content);
