/**
 * Everything a scenario can do, found by walking (decision point, world state) configurations:
 * reachable configurations, endings, path counts, shortest and longest paths, and the places
 * where a player could get stuck. Paths are counted by dynamic programming over the
 * configuration graph, never by enumerating them.
 */
import type { Condition, Scenario } from '../scenario/schema.ts';
import { bindEffects, initialWorld, type BoundEffect } from './world.ts';

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
  decision: string;
  option: string;
  next: number;
  when: Array<{ variable: number; atLeast: number; atMost: number }>;
  effects: Array<{ variable: number; set: number | undefined; add: number; min: number; max: number }>;
}

const MAX_CONFIGURATIONS = 2_000_000;

export function analyzeScenario(scenario: Scenario): Analysis {
  const nodeIds = [...scenario.decisions.map((d) => d.id), ...scenario.endings.map((e) => e.id)];
  const nodeIndex = new Map(nodeIds.map((id, index) => [id, index]));
  const decisionCount = scenario.decisions.length;
  const variableIndex = new Map(scenario.variables.map((v, i) => [v.id, i]));
  const options: CompiledOption[][] = scenario.decisions.map((decision) =>
    decision.options.map((option) => ({
      decision: decision.id,
      option: option.id,
      next: nodeIndex.get(option.next)!,
      when: compileConditions(option.when, variableIndex),
      effects: compileEffects(bindEffects(scenario, option.effects), variableIndex),
    })),
  );

  // Discover configurations breadth first; edges[c] lists successor configurations, one per offered option.
  const start = [nodeIndex.get(scenario.start)!, ...Object.values(initialWorld(scenario))];
  const configs: number[][] = [start];
  const seen = new Map<string, number>([[start.join(','), 0]]);
  const edges: number[][] = [];
  const offered = new Set<string>();
  const stuck: Analysis['stuck'] = [];
  for (let c = 0; c < configs.length; c++) {
    if (configs.length > MAX_CONFIGURATIONS) throw new Error(`More than ${MAX_CONFIGURATIONS} configurations: the world state is too large to analyse`);
    const [node, ...world] = configs[c]!;
    const out: number[] = [];
    edges.push(out);
    if (node! >= decisionCount) continue;
    for (const option of options[node!]!) {
      if (!holds(option.when, world)) continue;
      offered.add(`${option.decision}\u0000${option.option}`);
      const next = [option.next, ...apply(option.effects, world)];
      const key = next.join(',');
      let index = seen.get(key);
      if (index === undefined) {
        index = configs.length;
        seen.set(key, index);
        configs.push(next);
      }
      out.push(index);
    }
    if (out.length === 0) stuck.push({ decision: nodeIds[node!]!, world: named(world, scenario) });
  }

  const order = topologicalOrder(edges);
  const hasLoop = order === undefined;
  const isEnding = (c: number) => configs[c]![0]! >= decisionCount;

  // Shortest: breadth-first levels (configs were discovered in BFS order, so levels are exact).
  const depth = new Array<number>(configs.length).fill(-1);
  depth[0] = 0;
  for (let c = 0; c < configs.length; c++) for (const next of edges[c]!) if (depth[next] === -1) depth[next] = depth[c]! + 1;

  // Which configurations can still reach an ending (reverse reachability).
  const reverse: number[][] = configs.map(() => []);
  edges.forEach((out, c) => out.forEach((next) => reverse[next]!.push(c)));
  const finishes = new Uint8Array(configs.length);
  const queue: number[] = [];
  const markFinishing = (c: number) => {
    finishes[c] = 1;
    queue.push(c);
  };
  for (let c = 0; c < configs.length; c++) if (isEnding(c)) markFinishing(c);
  while (queue.length > 0) for (const prev of reverse[queue.pop()!]!) if (!finishes[prev]) markFinishing(prev);
  const trapped: Analysis['trapped'] = [];
  configs.forEach((config, c) => {
    if (!finishes[c] && edges[c]!.length > 0) trapped.push({ decision: nodeIds[config[0]!]!, world: named(config.slice(1), scenario) });
  });

  // Paths and longest paths: dynamic programming in topological order (only without loops).
  const pathsInto = new Array<bigint>(configs.length).fill(0n);
  const longest = new Array<number>(configs.length).fill(-1);
  if (order) {
    pathsInto[0] = 1n;
    longest[0] = 0;
    for (const c of order) {
      for (const next of edges[c]!) {
        pathsInto[next]! += pathsInto[c]!;
        longest[next] = Math.max(longest[next]!, longest[c]! + 1);
      }
    }
  }

  const byEnding = new Map<string, EndingReach>();
  configs.forEach((config, c) => {
    if (!isEnding(c)) return;
    const ending = nodeIds[config[0]!]!;
    const reach = byEnding.get(ending) ?? { ending, paths: 0n, shortest: Infinity, longest: hasLoop ? undefined : 0 };
    reach.paths += pathsInto[c]!;
    reach.shortest = Math.min(reach.shortest, depth[c]!);
    if (reach.longest !== undefined) reach.longest = Math.max(reach.longest, longest[c]!);
    byEnding.set(ending, reach);
  });
  const endings = scenario.endings.map((e) => byEnding.get(e.id)).filter((e): e is EndingReach => e !== undefined);

  const neverOffered: Analysis['neverOffered'] = [];
  const reachedDecisions = new Set(configs.map((config) => config[0]!));
  scenario.decisions.forEach((decision, d) => {
    if (!reachedDecisions.has(d)) return;
    for (const option of decision.options) {
      if (!offered.has(`${decision.id}\u0000${option.id}`)) neverOffered.push({ decision: decision.id, option: option.id });
    }
  });

  return {
    configurations: configs.length,
    paths: hasLoop ? undefined : endings.reduce((sum, e) => sum + e.paths, 0n),
    endings,
    unreachableEndings: scenario.endings.filter((e) => !byEnding.has(e.id)).map((e) => e.id),
    stuck,
    trapped,
    neverOffered,
    hasLoop,
  };
}

function compileConditions(when: readonly Condition[] | undefined, variables: Map<string, number>): CompiledOption['when'] {
  return (when ?? []).map((c) => ({ variable: variables.get(c.variable)!, atLeast: c.atLeast ?? -Infinity, atMost: c.atMost ?? Infinity }));
}

function compileEffects(effects: BoundEffect[], variables: Map<string, number>): CompiledOption['effects'] {
  return effects.map((e) => ({ variable: variables.get(e.variable)!, set: e.set, add: e.add ?? 0, min: e.min, max: e.max }));
}

function holds(when: CompiledOption['when'], world: number[]): boolean {
  for (const c of when) {
    const value = world[c.variable]!;
    if (value < c.atLeast || value > c.atMost) return false;
  }
  return true;
}

function apply(effects: CompiledOption['effects'], world: number[]): number[] {
  if (effects.length === 0) return world;
  const next = [...world];
  for (const e of effects) next[e.variable] = Math.min(e.max, Math.max(e.min, e.set ?? next[e.variable]! + e.add));
  return next;
}

const named = (world: number[], scenario: Scenario) => Object.fromEntries(scenario.variables.map((v, i) => [v.id, world[i]!]));

/** Kahn's algorithm; undefined when the graph has a cycle. */
function topologicalOrder(edges: number[][]): number[] | undefined {
  const incoming = new Uint32Array(edges.length);
  for (const out of edges) for (const next of out) incoming[next]!++;
  const ready: number[] = [];
  incoming.forEach((count, c) => count === 0 && ready.push(c));
  const order: number[] = [];
  while (ready.length > 0) {
    const c = ready.pop()!;
    order.push(c);
    for (const next of edges[c]!) if (--incoming[next]! === 0) ready.push(next);
  }
  return order.length === edges.length ? order : undefined;
}
