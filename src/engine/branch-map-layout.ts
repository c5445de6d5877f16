/**
 * Positions for a branch map: decision points and endings in layers by their distance from the
 * start, so the map reads top to bottom in the order a player meets them.
 */
import type { Scenario } from '../scenario/schema.ts';
import { targetsOf } from '../scenario/texts.ts';

export interface MapNode {
  id: string;
  title: string;
  kind: 'decision' | 'ending';
  layer: number;
  /** Position within its layer, 0-based. */
  slot: number;
}

export interface MapEdge {
  from: string;
  to: string;
  option: string;
  label: string;
}

export interface BranchLayout {
  nodes: MapNode[];
  edges: MapEdge[];
  layers: number;
  widest: number;
}

export function branchLayout(scenario: Scenario): BranchLayout {
  const decisions = new Map(scenario.decisions.map((d) => [d.id, d]));
  const layerOf = new Map<string, number>([[scenario.start, 0]]);
  const order = [scenario.start];
  for (let i = 0; i < order.length; i++) {
    const decision = decisions.get(order[i]!);
    for (const next of (decision?.options ?? []).flatMap(targetsOf)) {
      if (!layerOf.has(next)) {
        layerOf.set(next, layerOf.get(order[i]!)! + 1);
        order.push(next);
      }
    }
  }
  // Endings go below every decision point, on one row, so they read as outcomes.
  const lastDecisionLayer = Math.max(0, ...order.filter((id) => decisions.has(id)).map((id) => layerOf.get(id)!));
  const slots = new Map<number, number>();
  const nodes: MapNode[] = [];
  const place = (id: string, title: string, kind: MapNode['kind'], layer: number) => {
    const slot = slots.get(layer) ?? 0;
    slots.set(layer, slot + 1);
    nodes.push({ id, title, kind, layer, slot });
  };
  for (const id of order) if (decisions.has(id)) place(id, decisions.get(id)!.title, 'decision', layerOf.get(id)!);
  for (const ending of scenario.endings) place(ending.id, ending.title, 'ending', lastDecisionLayer + 1);
  const edges = scenario.decisions.flatMap((d) =>
    d.options.flatMap((o) => targetsOf(o).map((to) => ({ from: d.id, to, option: o.id, label: o.label }))),
  );
  return { nodes, edges, layers: lastDecisionLayer + 2, widest: Math.max(...slots.values()) };
}
