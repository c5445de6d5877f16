/**
 * Positions for the author's structure view, found by dagre (a layered graph layout: ranks from
 * the start, crossings reduced, room made for each arrow's label) rather than placed by hand.
 *
 * The players' branch map (layout.ts) keeps its own simple rows: it ships in the players' first
 * chunk, where dagre's 17 KB (gzipped) would be paid by every student for a drawing without
 * labels, and it must place points that authors' views need not (every ending on one last row).
 * Here the drawing is for authors only, loaded on demand, and its labelled arrows, missing targets
 * and unreachable points need a real layout.
 */
import dagre from '@dagrejs/dagre';
import type { Structure } from './structure-graph.ts';

export interface PlacedBox {
  /** A point's id, or for a missing target the id the option names. */
  id: string;
  kind: 'decision' | 'ending' | 'missing';
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedArrow {
  /** Index into structure.arrows. */
  arrow: number;
  points: Array<{ x: number; y: number }>;
  /** Centre of the label. */
  label: { x: number; y: number; width: number };
}

export interface StructureLayout {
  width: number;
  height: number;
  boxes: PlacedBox[];
  arrows: PlacedArrow[];
}

export const BOX = { width: 200, height: 64 };
/** Labels longer than this are cut short in the drawing; the list beside it has them whole. */
export const LABEL_CHARS = 26;
const LABEL_CHAR_WIDTH = 7;
const LABEL_HEIGHT = 20;

const pointNode = (id: string) => `p:${id}`;
const missingNode = (id: string) => `m:${id}`;

export function layoutStructure(structure: Structure): StructureLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 28, edgesep: 14, ranksep: 44, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  const kinds = new Map<string, PlacedBox['kind']>();
  for (const point of structure.points) {
    graph.setNode(pointNode(point.id), { width: BOX.width, height: BOX.height });
    kinds.set(pointNode(point.id), point.kind);
  }
  const known = new Set(structure.points.map((p) => p.id));
  structure.arrows.forEach((arrow, index) => {
    const to = known.has(arrow.to) ? pointNode(arrow.to) : missingNode(arrow.to);
    if (!graph.hasNode(to)) {
      graph.setNode(to, { width: BOX.width, height: BOX.height });
      kinds.set(to, 'missing');
    }
    const labelWidth = Math.min(arrow.label.length, LABEL_CHARS) * LABEL_CHAR_WIDTH + 12;
    graph.setEdge(pointNode(arrow.from), to, { width: labelWidth, height: LABEL_HEIGHT, labelpos: 'c' }, String(index));
  });
  dagre.layout(graph);

  const boxes: PlacedBox[] = graph.nodes().map((node) => {
    const placed = graph.node(node) as { x: number; y: number; width: number; height: number };
    return {
      id: node.slice(2),
      kind: kinds.get(node)!,
      x: placed.x - placed.width / 2,
      y: placed.y - placed.height / 2,
      width: placed.width,
      height: placed.height,
    };
  });
  const arrows: PlacedArrow[] = graph.edges().map((edge) => {
    const placed = graph.edge(edge) as { points: Array<{ x: number; y: number }>; x: number; y: number; width: number };
    return {
      arrow: Number(edge.name),
      points: placed.points,
      label: { x: placed.x, y: placed.y, width: placed.width },
    };
  });
  arrows.sort((a, b) => a.arrow - b.arrow);
  const size = graph.graph() as { width: number; height: number };
  return { width: Math.ceil(size.width), height: Math.ceil(size.height), boxes, arrows };
}
