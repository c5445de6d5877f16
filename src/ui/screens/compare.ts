/** Two finished playthroughs side by side, step by step. */
import { pointsAlong } from '../../engine/rules.ts';
import type { Playthrough } from '../../engine/progress.ts';
import type { ScenarioIndex } from '../../engine/view.ts';
import { h, replaceChildren } from '../dom.ts';
import { evidenceBadge } from '../evidence.ts';

export function compareScreen(index: ScenarioIndex, playthroughs: Playthrough[], back: () => void): HTMLElement {
  const name = (p: Playthrough, i: number) => `${i + 1}. ${index.ending(p.ending)?.title ?? p.ending}`;
  const select = (id: string, initial: number) =>
    h(
      'select',
      { id },
      playthroughs.map((p, i) => h('option', { value: String(i), selected: i === initial }, name(p, i))),
    );
  const left = select('compare-left', Math.max(0, playthroughs.length - 2));
  const right = select('compare-right', playthroughs.length - 1);
  const table = h('div', { class: 'compare-columns' });
  const render = () =>
    replaceChildren(
      table,
      column(index, playthroughs[Number(left.value)]!),
      column(index, playthroughs[Number(right.value)]!),
    );
  left.addEventListener('change', render);
  right.addEventListener('change', render);
  render();
  return h(
    'article',
    { class: 'screen compare-screen', 'aria-labelledby': 'screen-title' },
    h('h2', { id: 'screen-title' }, 'Compare two paths'),
    h(
      'div',
      { class: 'compare-pickers' },
      h('label', { for: 'compare-left' }, 'First path '),
      left,
      h('label', { for: 'compare-right' }, 'Second path '),
      right,
    ),
    table,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary-button', onclick: back }, 'Back')),
  );
}

function column(index: ScenarioIndex, playthrough: Playthrough): HTMLElement {
  const points = pointsAlong(index.rules, playthrough.options);
  const steps = playthrough.options.map((optionId, i) => {
    const decision = index.decision(points[i] ?? '');
    const option = decision?.options.find((o) => o.id === optionId);
    return h(
      'li',
      {},
      h('strong', {}, decision?.title ?? '?'),
      h('br', {}),
      option?.label ?? optionId,
      ' ',
      option ? evidenceBadge(option.evidence) : null,
    );
  });
  return h(
    'section',
    { class: 'compare-column' },
    h('h3', {}, index.ending(playthrough.ending)?.title ?? playthrough.ending),
    h('ol', {}, steps),
  );
}
