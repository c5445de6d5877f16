/**
 * Two finished playthroughs side by side: each named by its choices, the point where they split
 * marked in both, and both paths' final meters next to each other. Columns stack on a phone.
 */
import { pointsAlong } from '../../engine/rules.ts';
import type { Playthrough } from '../../engine/progress.ts';
import type { ScenarioIndex } from '../../engine/view.ts';
import { applyEffects, bindEffects, initialWorld, type World } from '../../engine/world.ts';
import { h, replaceChildren } from '../dom.ts';
import { evidenceBadge } from '../evidence.ts';
import { cut } from '../svg.ts';

export function compareScreen(index: ScenarioIndex, playthroughs: Playthrough[], back: () => void): HTMLElement {
  // A shared or typed link can open this screen before any playthrough is finished.
  if (playthroughs.length === 0)
    return h(
      'article',
      { class: 'screen compare-screen', 'aria-labelledby': 'screen-title' },
      h('h2', { id: 'screen-title' }, 'Compare two paths'),
      h('p', {}, 'No playthrough has been finished yet in this browser. Play to an ending, then compare your paths.'),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary-button', onclick: back }, 'Back')),
    );
  const name = (p: Playthrough, i: number) =>
    cut(`${i + 1}. ${endingTitle(index, p)}: ${choiceLabels(index, p).join(' → ')}`, 90);
  const select = (id: string, initial: number) =>
    h(
      'select',
      { id },
      playthroughs.map((p, i) => h('option', { value: String(i), selected: i === initial }, name(p, i))),
    );
  const left = select('compare-left', Math.max(0, playthroughs.length - 2));
  const right = select('compare-right', playthroughs.length - 1);
  const table = h('div', { class: 'compare-columns' });
  const meters = h('div', { class: 'compare-meters' });
  const render = () => {
    const a = playthroughs[Number(left.value)]!;
    const b = playthroughs[Number(right.value)]!;
    const split = splitAt(a.options, b.options);
    replaceChildren(table, column(index, a, split, 'First path'), column(index, b, split, 'Second path'));
    replaceChildren(meters, finalMeters(index, a, b));
  };
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
    meters,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary-button', onclick: back }, 'Back')),
  );
}

/** The index of the first choice where the two paths differ (the shorter's length when one continues the other). */
export function splitAt(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const endingTitle = (index: ScenarioIndex, p: Playthrough) => index.ending(p.ending)?.title ?? p.ending;

function choiceLabels(index: ScenarioIndex, p: Playthrough): string[] {
  const points = pointsAlong(index.rules, p.options);
  return p.options.map((id, i) => index.decision(points[i] ?? '')?.options.find((o) => o.id === id)?.label ?? id);
}

/** The world at the end of a path, by the same effects the machine applies along the points it passes. */
function finalWorld(index: ScenarioIndex, options: readonly string[]): World {
  const points = pointsAlong(index.rules, options);
  let world = initialWorld(index.scenario);
  options.forEach((id, i) => {
    const option = index.decision(points[i] ?? '')?.options.find((o) => o.id === id);
    if (option && i < points.length - 1) world = applyEffects(world, bindEffects(index.scenario, option.effects));
  });
  return world;
}

function column(index: ScenarioIndex, playthrough: Playthrough, split: number, which: string): HTMLElement {
  const points = pointsAlong(index.rules, playthrough.options);
  const steps = playthrough.options.map((optionId, i) => {
    const decision = index.decision(points[i] ?? '');
    const option = decision?.options.find((o) => o.id === optionId);
    return h(
      'li',
      { class: i < split ? 'compare-same' : i === split ? 'compare-split' : undefined },
      i === split ? h('p', { class: 'split-mark' }, 'The paths split here') : null,
      h('strong', {}, decision?.title ?? '?'),
      h('br', {}),
      option?.label ?? optionId,
      ' ',
      option ? evidenceBadge(option.evidence) : null,
      i < split ? h('span', { class: 'visually-hidden' }, ' (the same on both paths)') : null,
    );
  });
  return h(
    'section',
    { class: 'compare-column', 'aria-label': `${which}: ${endingTitle(index, playthrough)}` },
    h('h3', {}, endingTitle(index, playthrough)),
    h('ol', {}, steps),
  );
}

function finalMeters(index: ScenarioIndex, a: Playthrough, b: Playthrough): HTMLElement | null {
  const shown = index.scenario.variables.filter((v) => !v.hidden);
  if (shown.length === 0) return null;
  const [worldA, worldB] = [finalWorld(index, a.options), finalWorld(index, b.options)];
  return h(
    'table',
    { class: 'compare-meter-table' },
    h('caption', {}, 'Final state of both paths'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Meter'),
        h('th', { scope: 'col' }, `First: ${endingTitle(index, a)}`),
        h('th', { scope: 'col' }, `Second: ${endingTitle(index, b)}`),
      ),
    ),
    h(
      'tbody',
      {},
      shown.map((v) =>
        h(
          'tr',
          { class: worldA[v.id] !== worldB[v.id] ? 'compare-differs' : undefined },
          h('th', { scope: 'row' }, v.label),
          h('td', {}, `${worldA[v.id] ?? v.initial}/${v.max}`),
          h('td', {}, `${worldB[v.id] ?? v.initial}/${v.max}`),
        ),
      ),
    ),
  );
}
