/**
 * The author's structure view: every decision point and ending, every option as a labelled arrow,
 * with what is wrong flagged in colour and in words. The drawing is for the eye (and the mouse:
 * clicking a point jumps the game there); the list beside it says the same for screen readers and
 * keyboards, with a button per point.
 */
import type { PointFlag, Structure, StructurePoint } from '../../authoring/structure-graph.ts';
import { BOX, LABEL_CHARS, type StructureLayout } from '../../authoring/structure-layout.ts';
import { centreInFrame, h } from '../dom.ts';
import { cut, svgElement, wrapTitle } from '../svg.ts';

export interface StructureViewState {
  structure: Structure;
  layout: StructureLayout;
  /** Option ids that lead to each point a player can reach; undefined when the scenario cannot be played yet. */
  routes: Map<string, string[]> | undefined;
  /** Where the game is now, outlined. */
  current?: string;
}

export interface StructureViewActions {
  jump: (point: string, options: string[]) => void;
}

export const FLAG_WORDS: Record<PointFlag, string> = {
  unreachable: 'cannot be reached from the start',
  'dead-end': 'dead end: no ending can be reached from here',
  'never-reached': 'no player ever reaches this ending (the conditions on the way never allow it)',
  stuck: 'a player can be stuck here with no option offered',
};

const SHORT_FLAG: Record<PointFlag, string> = {
  unreachable: 'Unreachable',
  'dead-end': 'Dead end',
  'never-reached': 'Never reached',
  stuck: 'Player can be stuck',
};

export function structureView(state: StructureViewState, actions: StructureViewActions): HTMLElement {
  const flagged = state.structure.points.filter((p) => p.flags.length > 0);
  const missing = state.structure.arrows.filter((a) => a.flags.includes('missing-target'));
  const problems = [
    flagged.length ? `${flagged.length} ${flagged.length === 1 ? 'point is' : 'points are'} flagged` : '',
    missing.length
      ? `${missing.length} ${missing.length === 1 ? 'option leads' : 'options lead'} to a point that does not exist`
      : '',
  ].filter(Boolean);
  const summary =
    problems.length === 0
      ? 'Every point can be reached from the start, and an ending can be reached from every point.'
      : `${problems.join(' and ')}: see the marks in the drawing and the list below it.`;
  const scroll = h(
    'div',
    {
      class: 'structure-scroll',
      tabindex: '0',
      role: 'group',
      'aria-label': 'Structure drawing (scrolls); the list below says the same',
    },
    drawing(state, actions),
  );
  // A drawing wider than the screen opens on what matters: the first flagged point, else where the game is, else the start.
  centreInFrame(
    scroll,
    () =>
      scroll.querySelector('.box.unreachable, .box.dead-end, .box.stuck, .box.missing, .box.never-reached') ??
      scroll.querySelector('.box.current') ??
      scroll.querySelector('.box.start'),
  );
  return h(
    'section',
    { class: 'structure-view', 'aria-labelledby': 'structure-title' },
    h('h3', { id: 'structure-title' }, 'Structure'),
    h('p', {}, summary),
    legend(),
    scroll,
    pointList(state, actions),
  );
}

function legend(): HTMLElement {
  const item = (className: string, text: string) =>
    h('li', {}, h('span', { class: `swatch ${className}`, 'aria-hidden': 'true' }), text);
  return h(
    'ul',
    { class: 'structure-legend', 'aria-label': 'Key to the drawing' },
    item('start', 'start'),
    item('decision', 'decision point'),
    item('ending', 'ending'),
    item('unreachable', 'cannot be reached'),
    item('dead-end', 'dead end or player stuck'),
    item('missing', 'option leads to a point that does not exist'),
  );
}

function pointList(state: StructureViewState, actions: StructureViewActions): HTMLElement {
  const { structure, routes } = state;
  const arrowsFrom = (id: string) => structure.arrows.filter((a) => a.from === id);
  return h(
    'ol',
    { class: 'structure-list', 'aria-label': 'Decision points and endings' },
    structure.points.map((point) => {
      const route = routes?.get(point.id);
      const arrows = arrowsFrom(point.id);
      return h(
        'li',
        { class: `structure-item ${classesOf(point)}` },
        h(
          'span',
          { class: 'structure-item-title' },
          `${point.kind === 'ending' ? 'Ending' : 'Decision point'}${point.start ? ' (start)' : ''}: ${point.title}`,
          h('span', { class: 'fine-print' }, ` (${point.id})`),
        ),
        point.flags.length > 0
          ? h('span', { class: 'structure-flags' }, ` — ${point.flags.map((f) => FLAG_WORDS[f]).join('; ')}`)
          : null,
        arrows.length > 0
          ? h(
              'ul',
              { class: 'structure-options' },
              arrows.map((a) =>
                h(
                  'li',
                  { class: a.flags.length ? 'flagged' : '' },
                  `“${a.label}” → ${titleOf(structure, a.to)}`,
                  a.flags.includes('missing-target') ? ` — there is no decision point or ending “${a.to}”` : null,
                  a.flags.includes('never-offered') ? ' — never offered: its conditions never hold' : null,
                ),
              ),
            )
          : null,
        route !== undefined && point.id !== state.current
          ? h(
              'button',
              { type: 'button', class: 'link-button', onclick: () => actions.jump(point.id, route) },
              `Jump the game to “${point.title}”`,
            )
          : null,
        point.id === state.current ? h('span', { class: 'fine-print' }, ' (the game is here)') : null,
      );
    }),
  );
}

const titleOf = (structure: Structure, id: string) => {
  const point = structure.points.find((p) => p.id === id);
  return point ? `${point.kind === 'ending' ? 'ending' : 'decision point'} “${point.title}”` : `“${id}” (missing)`;
};

const classesOf = (point: StructurePoint) =>
  [point.kind, point.start ? 'start' : '', ...point.flags].filter(Boolean).join(' ');

function drawing(state: StructureViewState, actions: StructureViewActions): SVGSVGElement {
  const { layout, structure } = state;
  const points = new Map(structure.points.map((p) => [p.id, p]));
  const svg = svgElement('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: String(layout.width),
    height: String(layout.height),
    class: 'structure-drawing',
    'aria-hidden': 'true',
  });
  const defs = svgElement('defs', {});
  const marker = svgElement('marker', {
    id: 'structure-arrowhead',
    viewBox: '0 0 10 10',
    refX: '9',
    refY: '5',
    markerWidth: '8',
    markerHeight: '8',
    orient: 'auto-start-reverse',
  });
  marker.appendChild(svgElement('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }));
  defs.appendChild(marker);
  svg.appendChild(defs);

  for (const placed of layout.arrows) {
    const arrow = structure.arrows[placed.arrow]!;
    const d = placed.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    svg.appendChild(
      svgElement('path', { d, class: `arrow ${arrow.flags.join(' ')}`, 'marker-end': 'url(#structure-arrowhead)' }),
    );
    const label = svgElement('g', {
      class: `arrow-label ${arrow.flags.join(' ')}`,
      transform: `translate(${placed.label.x},${placed.label.y})`,
    });
    label.appendChild(
      svgElement('rect', {
        x: String(-placed.label.width / 2),
        y: '-10',
        width: String(placed.label.width),
        height: '20',
        rx: '4',
      }),
    );
    label.appendChild(text(cut(arrow.label, LABEL_CHARS), { x: '0', y: '4', 'text-anchor': 'middle' }));
    svg.appendChild(label);
  }
  for (const box of layout.boxes) {
    const point = points.get(box.id);
    const classes = point ? classesOf(point) : 'missing';
    const group = svgElement('g', {
      class: `box ${classes}${box.id === state.current ? ' current' : ''}`,
      transform: `translate(${box.x},${box.y})`,
    });
    group.appendChild(
      svgElement('rect', {
        width: String(box.width),
        height: String(box.height),
        rx: box.kind === 'ending' ? '26' : '8',
      }),
    );
    const title = point ? point.title : `“${box.id}” does not exist`;
    const note = point
      ? point.flags[0]
        ? `⚠ ${SHORT_FLAG[point.flags[0]]}`
        : point.start
          ? 'Start'
          : point.kind === 'ending'
            ? 'Ending'
            : ''
      : '⚠ Missing';
    // Title lines and the note, centred together in the box.
    const lines = wrapTitle(title, 26);
    const blockHeight = lines.length * 17 + (note ? 15 : 0);
    const top = (box.height - blockHeight) / 2 + 12;
    lines.forEach((line, i) =>
      group.appendChild(
        text(line, { x: String(BOX.width / 2), y: String(top + i * 17), 'text-anchor': 'middle', class: 'box-title' }),
      ),
    );
    if (note)
      group.appendChild(
        text(note, {
          x: String(BOX.width / 2),
          y: String(top + lines.length * 17 + 1),
          'text-anchor': 'middle',
          class: 'box-note',
        }),
      );
    const route = state.routes?.get(box.id);
    if (route !== undefined && box.id !== state.current) {
      group.classList.add('jumpable');
      group.addEventListener('click', () => actions.jump(box.id, route));
    }
    svg.appendChild(group);
  }
  return svg;
}

function text(content: string, attributes: Record<string, string>): SVGTextElement {
  const node = svgElement('text', attributes);
  node.textContent = content;
  return node;
}
