/** The top of a decision as every workshop screen shows it: who decides, the question, the situation and its sources. */
import type { GameView } from '../../../engine/view.ts';
import { h } from '../../dom.ts';
import { citationBlock, type ShowSource } from '../../parts/citation.ts';

type DecisionView = Extract<GameView, { kind: 'decision' }>;

export function decisionIntro(view: DecisionView, showSource: ShowSource, { openSources = false } = {}): HTMLElement[] {
  const parts: Array<HTMLElement | null> = [
    h(
      'p',
      { class: 'eyebrow' },
      `Decision ${view.path.length + 1} · `,
      h('span', { class: 'actor-name' }, view.actor.name),
      ' decides',
    ),
    h('h2', { id: 'screen-title' }, view.title),
    h('p', { class: 'situation' }, view.situation),
    view.citations.length > 0
      ? h(
          'details',
          { class: 'situation-sources', open: openSources },
          h('summary', {}, `Check the situation in the source (${view.citations.length})`),
          view.citations.map((c) => citationBlock(c, showSource)),
        )
      : null,
  ];
  return parts.filter((element): element is HTMLElement => element !== null);
}
