/**
 * Everything a scenario can do, found by walking (decision point, world state) configurations:
 * reachable configurations, endings, path counts, shortest and longest paths, the places where a
 * player could get stuck, and for format 2 the texts and routes that some path leaves without an
 * applicable variant. Paths are counted by dynamic programming over the configuration graph,
 * never by enumerating them.
 *
 * Path conditions stay exact without enumerating paths: every "chose X" or "passed Y" fact that
 * some condition reads becomes a hidden 0/1 variable of the world, set by the options that make it
 * true. The world then holds all a condition can ask, so (decision point, world) is still a
 * complete state, and it grows only with the facts authors actually use.
 */
import type { Scenario } from '../scenario/schema.ts';
import { explore, type Explored, type TextSiteRef } from './explore.ts';

export type { TextSiteRef } from './explore.ts';

export interface EndingReach {
  ending: string;
  /** Distinct sequences of choices that end here. */
  paths: bigint;
  shortest: number;
  /** Undefined when a loop makes paths to this ending unbounded. */
  longest: number | undefined;
}

/** A reachable configuration, named for people: where, the variables there, and one shortest path to it. */
export interface Place {
  decision: string;
  world: Record<string, number>;
  /** Option ids of a shortest path from the start to here. */
  example: string[];
}

export interface Analysis {
  configurations: number;
  /** Total distinct paths from the start to any ending; undefined when a reachable loop makes them unbounded. */
  paths: bigint | undefined;
  endings: EndingReach[];
  unreachableEndings: string[];
  /** Configurations where no option is offered: the player would be stuck. */
  stuck: Place[];
  /** Reachable configurations from which no ending can be reached. */
  trapped: Place[];
  /** Options that no reachable world state ever offers. */
  neverOffered: Array<{ decision: string; option: string }>;
  hasLoop: boolean;
  /** Texts written as variants where some reachable path has no variant that applies (the first such place per text). */
  noVariant: Array<Place & { site: TextSiteRef }>;
  /** Options whose routes all fail on some reachable path (the first such place per option). */
  noRoute: Array<Place & { option: string }>;
  /** Variants of reached texts that no path shows. */
  unreachedVariants: Array<{ site: TextSiteRef; variant: number }>;
  /** Decision points that on some reachable configuration offer more options than fit a screen (the first such place per decision point). */
  tooMany: Array<Place & { offered: number }>;
  /** Decision points that on some reachable configuration offer a single option, although two or more are offered elsewhere. */
  singleOption: Array<Place & { option: string }>;
  /** For each option of the start decision, the endings reachable after choosing it (in the scenario's order). */
  byFirstOption: Array<{ option: string; endings: string[] }>;
}

export function analyzeScenario(scenario: Scenario): Analysis {
  const x = explore(scenario);
  const { configNode, configWorld, edgeStart, edgeTarget, nodeIds, decisionCount, count } = x;
  const isEnding = (c: number) => configNode[c]! >= decisionCount;
  const named = (code: number) =>
    Object.fromEntries(
      x.worlds
        .values(code)
        .slice(0, scenario.variables.length)
        .map((value, i) => [scenario.variables[i]!.id, value]),
    );
  const example = (c: number) => {
    const options: string[] = [];
    for (let at = c; x.parent[at]! >= 0; at = x.parent[at]!) options.push(x.optionName(x.via[at]!).option);
    return options.reverse();
  };
  const place = (c: number): Place => ({
    decision: nodeIds[configNode[c]!]!,
    world: named(configWorld[c]!),
    example: example(c),
  });

  const incoming = new Int32Array(count);
  for (let e = 0; e < edgeTarget.length; e++) incoming[edgeTarget[e]!]!++;
  const order = topologicalOrder(edgeStart, edgeTarget, incoming);
  const hasLoop = order === undefined;

  // Shortest: breadth-first levels. Configurations were discovered breadth first, each from the
  // first configuration with an edge to it (its parent, always an earlier one), so levels are exact.
  const depth = new Int32Array(count);
  for (let c = 1; c < count; c++) depth[c] = depth[x.parent[c]!]! + 1;

  // Which configurations can still reach an ending (reverse reachability).
  const reverseStart = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) reverseStart[c + 1] = reverseStart[c]! + incoming[c]!;
  const reverseSource = new Int32Array(edgeTarget.length);
  const filled = reverseStart.slice(0, count);
  for (let c = 0; c < count; c++)
    for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) reverseSource[filled[edgeTarget[e]!]!++] = c;
  const finishes = new Uint8Array(count);
  const queue = new Int32Array(count);
  let queued = 0;
  for (let c = 0; c < count; c++)
    if (isEnding(c)) {
      finishes[c] = 1;
      queue[queued++] = c;
    }
  while (queued > 0) {
    const c = queue[--queued]!;
    for (let e = reverseStart[c]!; e < reverseStart[c + 1]!; e++) {
      const source = reverseSource[e]!;
      if (!finishes[source]) {
        finishes[source] = 1;
        queue[queued++] = source;
      }
    }
  }
  const trapped: Place[] = [];
  for (let c = 0; c < count; c++) {
    if (!finishes[c] && edgeStart[c + 1]! > edgeStart[c]!) trapped.push(place(c));
  }

  // Paths and longest paths: dynamic programming in topological order (only without loops).
  const longest = new Int32Array(count).fill(-1);
  const pathsInto = order ? countPaths(order, edgeStart, edgeTarget) : () => 0n;
  if (order) {
    longest[0] = 0;
    for (let i = 0; i < order.length; i++) {
      const c = order[i]!;
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
  const reachedDecisions = new Uint8Array(nodeIds.length);
  for (let c = 0; c < count; c++) reachedDecisions[configNode[c]!] = 1;
  let optionBase = 0;
  const everOffered = new Uint8Array(decisionCount);
  scenario.decisions.forEach((decision, d) => {
    const base = optionBase;
    optionBase += decision.options.length;
    if (!reachedDecisions[d]) return;
    decision.options.forEach((option, o) => {
      if (x.offered[base + o]) everOffered[d]!++;
      else neverOffered.push({ decision: decision.id, option: option.id });
    });
  });

  // A single option offered where others are offered elsewhere; an option never offered at all is
  // already reported on its own, so a decision it leaves with one option is not reported again.
  const singleOption: Analysis['singleOption'] = [];
  for (const [node, { config, option }] of x.single) {
    if (everOffered[node]! >= 2) singleOption.push({ ...place(config), option: x.optionName(option).option });
  }
  const unreachedVariants: Analysis['unreachedVariants'] = [];
  for (const site of x.variantSites) {
    if (!x.siteReached.has(site)) continue;
    site.tests.forEach((_, v) => {
      if (!x.variantReached[site.first + v]) unreachedVariants.push({ site: site.site, variant: v });
    });
  }

  return {
    configurations: count,
    paths: hasLoop ? undefined : endings.reduce((sum, e) => sum + e.paths, 0n),
    endings,
    unreachableEndings: scenario.endings.filter((e) => !byEnding.has(e.id)).map((e) => e.id),
    stuck: x.stuck.map(place),
    trapped,
    neverOffered,
    hasLoop,
    noVariant: [...x.noVariant.values()].map(({ site, config }) => ({ ...place(config), site })),
    noRoute: [...x.noRoute].map(([option, config]) => ({ ...place(config), option: x.optionName(option).option })),
    unreachedVariants,
    singleOption,
    tooMany: [...x.tooMany.values()].map(({ config, offered }) => ({ ...place(config), offered })),
    byFirstOption: firstOptions(scenario, x, order),
  };
}

/** For each option of the start decision, the endings reachable after it: first options spread forward as bit masks. */
function firstOptions(scenario: Scenario, x: Explored, order: Int32Array | undefined): Analysis['byFirstOption'] {
  const start = scenario.decisions.find((d) => d.id === scenario.start)!;
  const startBase = x.optionBase[scenario.decisions.indexOf(start)]!;
  const { count, edgeStart, edgeTarget } = x;
  const masks = new Uint8Array(count);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) masks[edgeTarget[e]!]! |= 1 << (x.edgeOption[e]! - startBase);
  if (order) {
    // Without loops one pass in topological order spreads every bit.
    for (let i = 0; i < count; i++) {
      const c = order[i]!;
      const mask = masks[c]!;
      if (mask !== 0) for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) masks[edgeTarget[e]!]! |= mask;
    }
  } else {
    const queue: number[] = [];
    for (let c = 0; c < count; c++) if (masks[c] !== 0) queue.push(c);
    while (queue.length > 0) {
      const c = queue.pop()!;
      for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) {
        const target = edgeTarget[e]!;
        if ((masks[target]! | masks[c]!) !== masks[target]) {
          masks[target]! |= masks[c]!;
          queue.push(target);
        }
      }
    }
  }
  const reached = start.options.map(() => new Set<string>());
  for (let c = 0; c < count; c++) {
    const mask = masks[c]!;
    if (x.configNode[c]! < x.decisionCount || mask === 0) continue;
    for (let o = 0; o < start.options.length; o++) if (mask & (1 << o)) reached[o]!.add(x.nodeIds[x.configNode[c]!]!);
  }
  return start.options.map((option, o) => ({
    option: option.id,
    endings: scenario.endings.map((e) => e.id).filter((id) => reached[o]!.has(id)),
  }));
}

/** One path through the scenario: each choice as decision and option ids, and where it ended. */
export interface ListedPath {
  choices: Array<{ decision: string; option: string }>;
  ending: string | undefined;
}

/**
 * Actual paths, depth first in the order options are written, up to `limit` of them. Paths in a
 * loop are cut off after `maxSteps` choices (their `ending` is then undefined).
 */
export function listPaths(scenario: Scenario, limit: number, maxSteps = 100): ListedPath[] {
  const x = explore(scenario);
  const out: ListedPath[] = [];
  const chosen: number[] = [];
  const visit = (c: number): void => {
    if (out.length >= limit) return;
    const node = x.configNode[c]!;
    if (node >= x.decisionCount || chosen.length >= maxSteps || x.edgeStart[c + 1] === x.edgeStart[c]) {
      out.push({
        choices: chosen.map((o) => x.optionName(o)),
        ending: node >= x.decisionCount ? x.nodeIds[node] : undefined,
      });
      return;
    }
    for (let e = x.edgeStart[c]!; e < x.edgeStart[c + 1]! && out.length < limit; e++) {
      chosen.push(x.edgeOption[e]!);
      visit(x.edgeTarget[e]!);
      chosen.pop();
    }
  };
  visit(0);
  return out;
}

/**
 * Paths from the start into each configuration. Counted in floating point first, which is exact
 * while every count stays a safe integer (counts only grow along the order, so the final ones
 * bound every sum on the way); only scenarios with more paths than that pay for BigInt.
 */
function countPaths(order: Int32Array, edgeStart: Int32Array, edgeTarget: Int32Array): (c: number) => bigint {
  const floats = new Float64Array(edgeStart.length - 1);
  floats[0] = 1;
  let safe = true;
  for (let i = 0; i < order.length; i++) {
    const c = order[i]!;
    const paths = floats[c]!;
    if (paths > Number.MAX_SAFE_INTEGER) safe = false;
    for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) floats[edgeTarget[e]!]! += paths;
  }
  if (safe) return (c) => BigInt(floats[c]!);
  const exact = new Array<bigint>(floats.length).fill(0n);
  exact[0] = 1n;
  for (const c of order) for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) exact[edgeTarget[e]!]! += exact[c]!;
  return (c) => exact[c]!;
}

/** Kahn's algorithm over the edge lists; undefined when the graph has a cycle. */
function topologicalOrder(
  edgeStart: Int32Array,
  edgeTarget: Int32Array,
  incomingCounts: Int32Array,
): Int32Array | undefined {
  const incoming = incomingCounts.slice();
  const count = incoming.length;
  const ready = new Int32Array(count);
  let readyCount = 0;
  for (let c = 0; c < count; c++) if (incoming[c] === 0) ready[readyCount++] = c;
  const order = new Int32Array(count);
  let ordered = 0;
  while (readyCount > 0) {
    const c = ready[--readyCount]!;
    order[ordered++] = c;
    for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++)
      if (--incoming[edgeTarget[e]!]! === 0) ready[readyCount++] = edgeTarget[e]!;
  }
  return ordered === count ? order : undefined;
}
