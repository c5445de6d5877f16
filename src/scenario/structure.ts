/**
 * Checks of the scenario's shape as a graph of decision points and endings, ignoring world state:
 * what cannot be reached from the start, and where no ending can be reached.
 * Endings that cannot be reached are found by the engine's analysis, which also sees world state.
 */
import type { Scenario } from './schema.ts';
import { targetsOf } from './texts.ts';
import type { Reporter } from './validate.ts';

export function checkStructure(scenario: Scenario, report: Reporter): void {
  // Decision points and endings share one namespace; each id is one node. The walks below run over
  // node numbers in typed arrays: with strings in maps and sets they cost a large scenario more
  // than all its other reference checks.
  const nodeOf = new Map<string, number>();
  const node = (id: string) => {
    let n = nodeOf.get(id);
    if (n === undefined) nodeOf.set(id, (n = nodeOf.size));
    return n;
  };
  const decisionNodes = scenario.decisions.map((decision) => node(decision.id));
  const endingNodes = scenario.endings.map((ending) => node(ending.id));

  // With routes, an option may lead to several places: each is a possible edge (the analysis,
  // which sees conditions, finds the ones no path takes). A target that is no node is a broken
  // reference, reported on its own. A repeated decision id (also reported on its own) keeps the
  // edges of its last decision point forward, and of all of them backward, as it always did.
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const forwardOf = new Int32Array(nodeOf.size).fill(-1);
  const firstEdge: number[] = [];
  const addEdge = (from: number, target: string) => {
    const to = nodeOf.get(target);
    if (to === undefined) return;
    edgeFrom.push(from);
    edgeTo.push(to);
  };
  // A plain loop: a callback per decision point would be made again for each of thousands.
  const decisions = scenario.decisions;
  for (let d = 0; d < decisions.length; d++) {
    firstEdge.push(edgeTo.length);
    const from = decisionNodes[d]!;
    forwardOf[from] = d;
    for (const option of decisions[d]!.options) {
      if (typeof option.next === 'string') addEdge(from, option.next);
      else for (const target of targetsOf(option)) addEdge(from, target);
    }
  }
  firstEdge.push(edgeTo.length);

  const nodes = nodeOf.size;
  const start = nodeOf.get(scenario.start);
  // An unknown start is reported as a broken reference; calling every decision point unreachable
  // because of it would bury that one error under many.
  const reached =
    start !== undefined && forwardOf[start]! >= 0
      ? walk([start], nodes, (n, visit) => {
          const d = forwardOf[n]!;
          if (d >= 0) for (let e = firstEdge[d]!; e < firstEdge[d + 1]!; e++) visit(edgeTo[e]!);
        })
      : new Uint8Array(nodes).fill(1);
  const backwardStart = new Int32Array(nodes + 1);
  for (const to of edgeTo) backwardStart[to + 1]!++;
  for (let n = 0; n < nodes; n++) backwardStart[n + 1]! += backwardStart[n]!;
  const backward = new Int32Array(edgeTo.length);
  const filled = backwardStart.slice(0, nodes);
  edgeTo.forEach((to, e) => (backward[filled[to]!++] = edgeFrom[e]!));
  const canFinish = walk(endingNodes, nodes, (n, visit) => {
    for (let e = backwardStart[n]!; e < backwardStart[n + 1]!; e++) visit(backward[e]!);
  });

  scenario.decisions.forEach((decision, d) => {
    if (!reached[decisionNodes[d]!]) {
      report.error(
        ['decisions', d, 'id'],
        `decision point "${decision.id}" cannot be reached from the start ("${scenario.start}")`,
      );
    } else if (!canFinish[decisionNodes[d]!]) {
      report.error(
        ['decisions', d, 'id'],
        `no ending can be reached from decision point "${decision.id}": it is a dead end or a loop with no way out`,
      );
    }
  });
}

function walk(
  from: readonly number[],
  nodes: number,
  edges: (node: number, visit: (next: number) => void) => void,
): Uint8Array {
  const seen = new Uint8Array(nodes);
  const queue: number[] = [];
  const visit = (next: number) => {
    if (seen[next]) return;
    seen[next] = 1;
    queue.push(next);
  };
  from.forEach(visit);
  while (queue.length > 0) edges(queue.pop()!, visit);
  return seen;
}
