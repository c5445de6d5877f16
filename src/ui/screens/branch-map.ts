/**
 * The branch map: the whole scenario with what the student has explored marked. The drawing is
 * for the eye; the list beside it carries the same facts for screen readers and keyboards.
 */
import type { BranchLayout, MapEdge, MapNode } from '../../engine/branch-map-layout.ts';
import { centreInFrame, h } from '../dom.ts';
import { svgElement, wrapTitle } from '../svg.ts';

export interface BranchMapState {
  layout: BranchLayout;
  current: string;
  explored: Set<string>;
  /** Decision points the student can jump to, with the choices that lead there. */
  reachable: Map<string, string[]>;
}

export interface BranchMapActions {
  goTo: (options: string[]) => void;
  back: () => void;
}

const NODE_W = 180;
const NODE_H = 56;
const GAP_X = 28;
const GAP_Y = 70;

export function branchMapScreen(state: BranchMapState, actions: BranchMapActions): HTMLElement {
  const { layout } = state;
  const statusOf = (node: MapNode) =>
    node.id === state.current ? 'current' : state.explored.has(node.id) ? 'explored' : 'unexplored';
  const endingsFound = layout.nodes.filter((n) => n.kind === 'ending' && state.explored.has(n.id)).length;
  const endingsTotal = layout.nodes.filter((n) => n.kind === 'ending').length;
  const list = h(
    'ol',
    { class: 'branch-list' },
    layout.nodes.map((node) => {
      const status = statusOf(node);
      return h(
        'li',
        { class: `branch-item ${status}`, 'data-node': node.id },
        h('span', {}, `${node.kind === 'ending' ? 'Ending' : 'Decision'}: ${node.title} — ${status}`),
        node.id === state.current ? null : nodeAction(node, state, actions),
      );
    }),
  );
  // Focusable, so keyboard users can scroll a drawing wider than the screen.
  const scroll = h(
    'div',
    {
      class: 'branch-map-scroll',
      tabindex: '0',
      role: 'group',
      'aria-label': 'Branch map drawing (scrolls); the list below says the same',
    },
    // A box in the drawing does what its line in the list does (go there, or say why it is locked),
    // so the boxes are as clickable as they look; keyboards and screen readers use the list.
    branchMapDrawing(layout, statusOf, {
      onNode: (id) => {
        const button = list.querySelector<HTMLButtonElement>(`[data-node="${CSS.escape(id)}"] button`);
        button?.focus();
        button?.click();
      },
    }),
  );
  // A drawing wider than a phone would open on its empty left edge: bring the current point into view.
  centreInFrame(scroll, () => scroll.querySelector('.node.current'));
  return h(
    'article',
    { class: 'screen map-screen', 'aria-labelledby': 'screen-title' },
    h('h2', { id: 'screen-title' }, 'Branch map'),
    h(
      'p',
      {},
      `${endingsFound} of ${endingsTotal} endings discovered. Explored points are filled; your current point is outlined.`,
    ),
    scroll,
    list,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'primary-button', onclick: actions.back }, 'Back to the game'),
    ),
  );
}

let lockCount = 0;

/**
 * What a point in the list offers: a reached point is a button that goes there; a locked one is a
 * button that unfolds why (touch and keyboard alike, no hover).
 */
function nodeAction(node: MapNode, state: BranchMapState, actions: BranchMapActions): HTMLElement[] {
  const route = state.reachable.get(node.id);
  if (route)
    return [
      h(
        'button',
        { type: 'button', class: 'link-button', onclick: () => actions.goTo(route) },
        `Go to “${node.title}”`,
      ),
    ];
  const id = `locked-${++lockCount}`;
  const why = h(
    'p',
    { class: 'locked-why', id, hidden: true },
    state.explored.has(node.id)
      ? 'You reached this in a game you finished, but by choices that no longer lead here. Play again to reach it.'
      : `None of the choices you have made so far leads here. Play again and choose differently earlier on to reach this ${node.kind === 'ending' ? 'ending' : 'point'}.`,
  );
  const button = h(
    'button',
    { type: 'button', class: 'link-button', 'aria-expanded': 'false', 'aria-controls': id },
    `Why is “${node.title}” locked?`,
  );
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    why.hidden = !open;
  });
  return [button, why];
}

/**
 * The drawing alone (the workshop's debrief and the teacher's report draw a path with it): boxes classed
 * by `statusOf`, edges classed `edge` plus what `edgeClass` adds, clicks on boxes to `onNode`.
 */
export function branchMapDrawing(
  layout: BranchLayout,
  statusOf: (node: MapNode) => string,
  { onNode, edgeClass }: { onNode?: (id: string) => void; edgeClass?: (edge: MapEdge) => string | undefined } = {},
): SVGSVGElement {
  const width = layout.widest * (NODE_W + GAP_X) + GAP_X;
  const height = layout.layers * (NODE_H + GAP_Y) + GAP_Y / 2;
  const perLayer = new Map<number, number>();
  for (const n of layout.nodes) perLayer.set(n.layer, (perLayer.get(n.layer) ?? 0) + 1);
  const position = new Map(
    layout.nodes.map((n) => {
      const count = perLayer.get(n.layer)!;
      const rowWidth = count * (NODE_W + GAP_X) - GAP_X;
      return [
        n.id,
        { x: (width - rowWidth) / 2 + n.slot * (NODE_W + GAP_X), y: GAP_Y / 2 + n.layer * (NODE_H + GAP_Y) },
      ];
    }),
  );
  const svg = svgElement('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width: String(width),
    height: String(height),
    'aria-hidden': 'true',
    class: 'branch-map',
  });
  // Marked edges (a student's path) go last, so no other line is drawn over them.
  const marked = (edge: MapEdge) => (edgeClass?.(edge) ? 1 : 0);
  for (const edge of edgeClass ? [...layout.edges].sort((a, b) => marked(a) - marked(b)) : layout.edges) {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (!from || !to) continue;
    svg.appendChild(
      svgElement('path', {
        class: `edge ${edgeClass?.(edge) ?? ''}`.trim(),
        d: `M${from.x + NODE_W / 2},${from.y + NODE_H} C${from.x + NODE_W / 2},${from.y + NODE_H + GAP_Y / 2} ${to.x + NODE_W / 2},${to.y - GAP_Y / 2} ${to.x + NODE_W / 2},${to.y}`,
      }),
    );
  }
  for (const node of layout.nodes) {
    const { x, y } = position.get(node.id)!;
    const group = svgElement('g', { class: `node ${node.kind} ${statusOf(node)}`, transform: `translate(${x},${y})` });
    group.appendChild(
      svgElement('rect', { width: String(NODE_W), height: String(NODE_H), rx: node.kind === 'ending' ? '28' : '8' }),
    );
    wrapTitle(node.title, 24)
      .slice(0, 2)
      .forEach((line, i, lines) => {
        const text = svgElement('text', {
          x: String(NODE_W / 2),
          y: String(NODE_H / 2 + (i - (lines.length - 1) / 2) * 17 + 5),
          'text-anchor': 'middle',
        });
        text.textContent = line;
        group.appendChild(text);
      });
    if (onNode) group.addEventListener('click', () => onNode(node.id));
    svg.appendChild(group);
  }
  return svg;
}
