/**
 * Everything a scenario can do, found by walking (decision point, world state) configurations:
 * reachable configurations, endings, path counts, shortest and longest paths, and the places
 * where a player could get stuck. Paths are counted by dynamic programming over the
 * configuration graph, never by enumerating them.
 */
import type { Condition, Scenario } from '../scenario/schema.ts';
import { bindEffects, type BoundEffect } from './world.ts';
import { NumberIndex } from './number-index.ts';
import { worldCodes, type CodedCondition, type CodedEffect } from './world-codes.ts';

export interface EndingReach {
  ending: string;
  /** Distinct sequences of choices that end here. */
  paths: bigint;
  shortest: number;
  /** Undefined when a loop makes paths to this ending unbounded. */
  longest: number | undefined;
}

export interface Analysis {
  configurations: number;
  /** Total distinct paths from the start to any ending; undefined when a reachable loop makes them unbounded. */
  paths: bigint | undefined;
  endings: EndingReach[];
  unreachableEndings: string[];
  /** Configurations where no option is offered: the player would be stuck. */
  stuck: Array<{ decision: string; world: Record<string, number> }>;
  /** Reachable configurations from which no ending can be reached. */
  trapped: Array<{ decision: string; world: Record<string, number> }>;
  /** Options that no reachable world state ever offers. */
  neverOffered: Array<{ decision: string; option: string }>;
  hasLoop: boolean;
}

interface CompiledOption {
  /** Position among all options of the scenario. */
  index: number;
  next: number;
  when: CodedCondition[];
  effects: CodedEffect[];
}

const MAX_CONFIGURATIONS = 2_000_000;
/** Shared by the many options without conditions or effects. */
const NONE: never[] = [];

export function analyzeScenario(scenario: Scenario): Analysis {
  const nodeIds = [...scenario.decisions.map((d) => d.id), ...scenario.endings.map((e) => e.id)];
  const nodeIndex = new Map(nodeIds.map((id, index) => [id, index]));
  const nodeCount = nodeIds.length;
  const decisionCount = scenario.decisions.length;
  const variableIndex = new Map(scenario.variables.map((v, i) => [v.id, i]));
  let optionCount = 0;
  const allEffects: CodedEffect[] = [];
  const options: CompiledOption[][] = scenario.decisions.map((decision) =>
    decision.options.map((option) => {
      const effects = option.effects?.length
        ? compileEffects(bindEffects(scenario, option.effects), variableIndex)
        : NONE;
      allEffects.push(...effects);
      return {
        index: optionCount++,
        next: nodeIndex.get(option.next)!,
        when: option.when ? compileConditions(option.when, variableIndex) : NONE,
        effects,
      };
    }),
  );
  const worlds = worldCodes(scenario.variables, allEffects, nodeCount);
  const named = (code: number) =>
    Object.fromEntries(worlds.values(code).map((value, i) => [scenario.variables[i]!.id, value]));

  // Discover configurations breadth first. Configuration c is (configNode[c], configWorld[c]);
  // its successors, one per offered option, are edgeTarget[edgeStart[c] .. edgeStart[c + 1]).
  const configNode: number[] = [nodeIndex.get(scenario.start)!];
  const configWorld: number[] = [worlds.initial];
  const seen = new NumberIndex();
  seen.set(worlds.initial * nodeCount + configNode[0]!, 0);
  const edgeStart: number[] = [0];
  const edgeTarget: number[] = [];
  const offered = new Uint8Array(optionCount);
  const stuck: Analysis['stuck'] = [];
  for (let c = 0; c < configNode.length; c++) {
    if (configNode.length > MAX_CONFIGURATIONS)
      throw new Error(`More than ${MAX_CONFIGURATIONS} configurations: the world state is too large to analyse`);
    const node = configNode[c]!;
    const world = configWorld[c]!;
    if (node < decisionCount) {
      for (const option of options[node]!) {
        if (!worlds.holds(option.when, world)) continue;
        offered[option.index] = 1;
        const nextWorld = option.effects.length === 0 ? world : worlds.apply(world, option.effects);
        const key = nextWorld * nodeCount + option.next;
        let index = seen.get(key);
        if (index < 0) {
          index = configNode.length;
          seen.set(key, index);
          configNode.push(option.next);
          configWorld.push(nextWorld);
        }
        edgeTarget.push(index);
      }
      if (edgeTarget.length === edgeStart[c]) stuck.push({ decision: nodeIds[node]!, world: named(world) });
    }
    edgeStart.push(edgeTarget.length);
  }
  const count = configNode.length;
  const isEnding = (c: number) => configNode[c]! >= decisionCount;

  const incoming = new Uint32Array(count);
  for (const next of edgeTarget) incoming[next]!++;
  const order = topologicalOrder(edgeStart, edgeTarget, incoming);
  const hasLoop = order === undefined;

  // Shortest: breadth-first levels (configs were discovered in BFS order, so levels are exact).
  const depth = new Int32Array(count).fill(-1);
  depth[0] = 0;
  for (let c = 0; c < count; c++) {
    for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++)
      if (depth[edgeTarget[e]!] === -1) depth[edgeTarget[e]!] = depth[c]! + 1;
  }

  // Which configurations can still reach an ending (reverse reachability).
  const reverseStart = new Uint32Array(count + 1);
  for (let c = 0; c < count; c++) reverseStart[c + 1] = reverseStart[c]! + incoming[c]!;
  const reverseSource = new Uint32Array(edgeTarget.length);
  const filled = reverseStart.slice(0, count);
  for (let c = 0; c < count; c++)
    for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) reverseSource[filled[edgeTarget[e]!]!++] = c;
  const finishes = new Uint8Array(count);
  const queue: number[] = [];
  const markFinishing = (c: number) => {
    finishes[c] = 1;
    queue.push(c);
  };
  for (let c = 0; c < count; c++) if (isEnding(c)) markFinishing(c);
  while (queue.length > 0) {
    const c = queue.pop()!;
    for (let e = reverseStart[c]!; e < reverseStart[c + 1]!; e++)
      if (!finishes[reverseSource[e]!]) markFinishing(reverseSource[e]!);
  }
  const trapped: Analysis['trapped'] = [];
  for (let c = 0; c < count; c++) {
    if (!finishes[c] && edgeStart[c + 1]! > edgeStart[c]!)
      trapped.push({ decision: nodeIds[configNode[c]!]!, world: named(configWorld[c]!) });
  }

  // Paths and longest paths: dynamic programming in topological order (only without loops).
  const longest = new Int32Array(count).fill(-1);
  const pathsInto = order ? countPaths(order, edgeStart, edgeTarget) : () => 0n;
  if (order) {
    longest[0] = 0;
    for (const c of order) {
      const length = longest[c]! + 1;
      for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++)
        if (longest[edgeTarget[e]!]! < length) longest[edgeTarget[e]!] = length;
    }
  }

  const byEnding = new Map<string, EndingReach>();
  for (let c = 0; c < count; c++) {
    if (!isEnding(c)) continue;
    const ending = nodeIds[configNode[c]!]!;
    const reach = byEnding.get(ending) ?? { ending, paths: 0n, shortest: Infinity, longest: hasLoop ? undefined : 0 };
    reach.paths += pathsInto(c);
    reach.shortest = Math.min(reach.shortest, depth[c]!);
    if (reach.longest !== undefined) reach.longest = Math.max(reach.longest, longest[c]!);
    byEnding.set(ending, reach);
  }
  const endings = scenario.endings.map((e) => byEnding.get(e.id)).filter((e): e is EndingReach => e !== undefined);

  const neverOffered: Analysis['neverOffered'] = [];
  const reachedDecisions = new Uint8Array(nodeCount);
  for (const node of configNode) reachedDecisions[node] = 1;
  scenario.decisions.forEach((decision, d) => {
    if (!reachedDecisions[d]) return;
    decision.options.forEach((option, o) => {
      if (!offered[options[d]![o]!.index]) neverOffered.push({ decision: decision.id, option: option.id });
    });
  });

  return {
    configurations: count,
    paths: hasLoop ? undefined : endings.reduce((sum, e) => sum + e.paths, 0n),
    endings,
    unreachableEndings: scenario.endings.filter((e) => !byEnding.has(e.id)).map((e) => e.id),
    stuck,
    trapped,
    neverOffered,
    hasLoop,
  };
}

function compileConditions(when: readonly Condition[] | undefined, variables: Map<string, number>): CodedCondition[] {
  return (when ?? []).map((c) => ({
    variable: variables.get(c.variable)!,
    atLeast: c.atLeast ?? -Infinity,
    atMost: c.atMost ?? Infinity,
  }));
}

function compileEffects(effects: BoundEffect[], variables: Map<string, number>): CodedEffect[] {
  return effects.map((e) => ({
    variable: variables.get(e.variable)!,
    set: e.set,
    add: e.add ?? 0,
    min: e.min,
    max: e.max,
  }));
}

/**
 * Paths from the start into each configuration. Counted in floating point first, which is exact
 * while every count stays a safe integer (counts only grow along the order, so the final ones
 * bound every sum on the way); only scenarios with more paths than that pay for BigInt.
 */
function countPaths(
  order: readonly number[],
  edgeStart: readonly number[],
  edgeTarget: readonly number[],
): (c: number) => bigint {
  const floats = new Float64Array(edgeStart.length - 1);
  floats[0] = 1;
  for (const c of order) for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) floats[edgeTarget[e]!]! += floats[c]!;
  if (floats.every((n) => n <= Number.MAX_SAFE_INTEGER)) return (c) => BigInt(floats[c]!);
  const exact = new Array<bigint>(floats.length).fill(0n);
  exact[0] = 1n;
  for (const c of order) for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) exact[edgeTarget[e]!]! += exact[c]!;
  return (c) => exact[c]!;
}

/** Kahn's algorithm over the edge lists; undefined when the graph has a cycle. */
function topologicalOrder(
  edgeStart: readonly number[],
  edgeTarget: readonly number[],
  incomingCounts: Uint32Array,
): number[] | undefined {
  const incoming = incomingCounts.slice();
  const ready: number[] = [];
  incoming.forEach((n, c) => n === 0 && ready.push(c));
  const order: number[] = [];
  while (ready.length > 0) {
    const c = ready.pop()!;
    order.push(c);
    for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++)
      if (--incoming[edgeTarget[e]!]! === 0) ready.push(edgeTarget[e]!);
  }
  return order.length === incoming.length ? order : undefined;
}
