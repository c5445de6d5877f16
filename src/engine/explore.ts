/**
 * The configuration graph of a scenario: every reachable (decision point, world state) pair, found
 * breadth first, with its edges and what was seen on the way (texts without an applicable variant,
 * options without a route, single and crowded choices). analyze.ts draws every finding from it.
 *
 * Built for large scenarios (the bench explores 77,000 configurations of 10,000 decision points):
 * the scenario is first compiled into flat tables (explore-tables.ts), the graph lives in typed
 * arrays that grow by doubling, and a configuration is found by its number (world code * nodes +
 * node) in a table addressed directly when the world codes are few, so with packed worlds a
 * transition reads and writes numbers only.
 */
import { MAX_OFFERED_OPTIONS, type Scenario } from '../scenario/schema.ts';
import { NumberIndex } from './number-index.ts';
import { exploreTables, type CodedVariants, type TextSiteRef } from './explore-tables.ts';
import type { WorldCodes } from './world-codes.ts';

export type { TextSiteRef } from './explore-tables.ts';

/** The configuration graph and what was seen while exploring it. Configuration 0 is the start. */
export interface Explored {
  nodeIds: string[];
  decisionCount: number;
  /** Number of configurations; configuration c is (configNode[c], configWorld[c]). */
  count: number;
  configNode: Int32Array;
  configWorld: Float64Array;
  /** The configuration each was first reached from (always an earlier one), and by which option (global index); -1 for the start. */
  parent: Int32Array;
  via: Int32Array;
  /** Successors of c, one per offered option that has a route: edgeTarget[edgeStart[c] .. edgeStart[c + 1]). */
  edgeStart: Int32Array;
  edgeTarget: Int32Array;
  edgeOption: Int32Array;
  /** Decision and option ids of an option by its global index, made only for the few options named in findings. */
  optionName: (option: number) => { decision: string; option: string };
  /** Global index of the first option of each decision point. */
  optionBase: Int32Array;
  offered: Uint8Array;
  stuck: number[];
  noVariant: Map<number, { site: TextSiteRef; config: number }>;
  noRoute: Map<number, number>;
  single: Map<number, { config: number; option: number }>;
  tooMany: Map<number, { config: number; offered: number }>;
  variantReached: Uint8Array;
  variantSites: CodedVariants[];
  siteReached: Set<CodedVariants>;
  worlds: WorldCodes;
}

const MAX_CONFIGURATIONS = 2_000_000;
/** Configurations are found by direct address while world codes * nodes stay below this (a 16 MB table at most). */
const MAX_DIRECT_KEYS = 1 << 22;

export function explore(scenario: Scenario): Explored {
  const tables = exploreTables(scenario);
  const { nodeIds, decisionCount, optionBase, worlds, holds, variantSites, nodeText, optionOutcome } = tables;
  const { optionWhen, whens, simpleWhen, atomStart, atomVariable, atomLow, atomHigh } = tables;
  const { effectStart, effectVariable, effectSet, effectAdd, effectMin, effectMax, optionEffects, effectLists } =
    tables;
  const { plainNext, optionRoutes, routes } = tables;
  const nodeCount = nodeIds.length;
  const optionCount = optionBase[decisionCount]!;
  // Packed worlds are read and changed here without a call; interned ones through `worlds`.
  const layout = worlds.layout;
  const mins = layout?.mins ?? new Float64Array(0);
  const strides = layout?.strides ?? new Float64Array(0);
  const radices = layout?.radices ?? new Float64Array(0);

  const variantReached = new Uint8Array(tables.variantCount);
  const siteReached = new Set<CodedVariants>();
  const noVariant: Explored['noVariant'] = new Map();
  // Keyed by number (a situation or ending by its node, an outcome by nodeCount + its option's
  // index): a key string or closure for every transition explored cost more than the rest of it.
  const pick = (variants: CodedVariants, world: number, config: number, key: number) => {
    siteReached.add(variants);
    const found = variants.tests.findIndex((test) => holds(test, world));
    if (found >= 0) variantReached[variants.first + found] = 1;
    else if (!noVariant.has(key)) noVariant.set(key, { site: variants.site, config });
  };

  // Discover configurations breadth first, each found again by its key world * nodeCount + node:
  // `direct` holds index + 1 at the key (0: not seen), else `seen` maps keys to indices.
  const start = tables.start;
  const keys = worlds.span === undefined ? Infinity : worlds.span * nodeCount;
  const direct = keys <= MAX_DIRECT_KEYS ? new Int32Array(keys) : undefined;
  const seen = direct ? undefined : new NumberIndex(1 << 16);
  let capacity = 1 << 12;
  let configNode = new Int32Array(capacity);
  let configWorld = new Float64Array(capacity);
  let parent = new Int32Array(capacity);
  let via = new Int32Array(capacity);
  let edgeStart = new Int32Array(capacity + 1);
  let edgeCapacity = capacity * 4;
  let edgeTarget = new Int32Array(edgeCapacity);
  let edgeOption = new Int32Array(edgeCapacity);
  let count = 1;
  let edges = 0;
  configNode[0] = start;
  configWorld[0] = worlds.initial;
  parent[0] = -1;
  via[0] = -1;
  if (direct) direct[worlds.initial * nodeCount + start] = 1;
  else seen!.set(worlds.initial * nodeCount + start, 0);
  const offered = new Uint8Array(optionCount);
  const stuck: number[] = [];
  const noRoute = new Map<number, number>();
  const single = new Map<number, { config: number; option: number }>();
  const tooMany = new Map<number, { config: number; offered: number }>();
  for (let c = 0; c < count; c++) {
    if (count > MAX_CONFIGURATIONS)
      throw new Error(`More than ${MAX_CONFIGURATIONS} configurations: the world state is too large to analyse`);
    const node = configNode[c]!;
    const world = configWorld[c]!;
    if (node < decisionCount) {
      if (nodeText[node] !== 0) pick(variantSites[nodeText[node]! - 1]!, world, c, node);
      let offeredHere = 0;
      let last = -1;
      const end = optionBase[node + 1]!;
      for (let option = optionBase[node]!; option < end; option++) {
        const w = optionWhen[option]! - 1;
        if (w >= 0) {
          let ok = true;
          if (simpleWhen[w]) {
            for (let a = atomStart[w]!; a < atomStart[w + 1]!; a++) {
              const v = atomVariable[a]!;
              const value = mins[v]! + (Math.floor(world / strides[v]!) % radices[v]!);
              if (value < atomLow[a]! || value > atomHigh[a]!) {
                ok = false;
                break;
              }
            }
          } else ok = holds(whens[w], world);
          if (!ok) continue;
        }
        offered[option] = 1;
        offeredHere++;
        last = option;
        let nextWorld = world;
        if (!layout) {
          if (optionEffects[option] !== 0) nextWorld = worlds.apply(world, effectLists[optionEffects[option]! - 1]!);
        } else {
          for (let e = effectStart[option]!; e < effectStart[option + 1]!; e++) {
            const v = effectVariable[e]!;
            const stride = strides[v]!;
            const current = mins[v]! + (Math.floor(nextWorld / stride) % radices[v]!);
            const set = effectSet[e]!;
            const value = Math.min(effectMax[e]!, Math.max(effectMin[e]!, set === set ? set : current + effectAdd[e]!));
            nextWorld += (value - current) * stride;
          }
        }
        if (optionOutcome[option] !== 0)
          pick(variantSites[optionOutcome[option]! - 1]!, nextWorld, c, nodeCount + option);
        let next = plainNext[option]!;
        if (next < 0) {
          for (const route of routes[optionRoutes[option]! - 1]!) {
            if (holds(route.when, nextWorld)) {
              next = route.next;
              break;
            }
          }
          if (next < 0) {
            if (!noRoute.has(option)) noRoute.set(option, c);
            continue;
          }
        }
        const key = nextWorld * nodeCount + next;
        let index: number;
        if (direct) {
          index = direct[key]! - 1;
          if (index < 0) direct[key] = count + 1;
        } else index = seen!.getOrAdd(key, count);
        if (index < 0) {
          index = count++;
          if (count > capacity) {
            capacity *= 2;
            configNode = grownInt(configNode, capacity);
            configWorld = grownFloat(configWorld, capacity);
            parent = grownInt(parent, capacity);
            via = grownInt(via, capacity);
            edgeStart = grownInt(edgeStart, capacity + 1);
          }
          configNode[index] = next;
          configWorld[index] = nextWorld;
          parent[index] = c;
          via[index] = option;
        }
        if (edges === edgeCapacity) {
          edgeCapacity *= 2;
          edgeTarget = grownInt(edgeTarget, edgeCapacity);
          edgeOption = grownInt(edgeOption, edgeCapacity);
        }
        edgeTarget[edges] = index;
        edgeOption[edges++] = option;
      }
      if (offeredHere === 0) stuck.push(c);
      else if (offeredHere === 1 && !single.has(node)) single.set(node, { config: c, option: last });
      else if (offeredHere > MAX_OFFERED_OPTIONS && !tooMany.has(node))
        tooMany.set(node, { config: c, offered: offeredHere });
    } else {
      if (nodeText[node] !== 0) pick(variantSites[nodeText[node]! - 1]!, world, c, node);
    }
    edgeStart[c + 1] = edges;
  }
  return {
    nodeIds,
    decisionCount,
    count,
    configNode: configNode.subarray(0, count),
    configWorld: configWorld.subarray(0, count),
    parent: parent.subarray(0, count),
    via: via.subarray(0, count),
    edgeStart: edgeStart.subarray(0, count + 1),
    edgeTarget: edgeTarget.subarray(0, edges),
    edgeOption: edgeOption.subarray(0, edges),
    optionName: tables.optionName,
    optionBase,
    offered,
    stuck,
    noVariant,
    noRoute,
    single,
    tooMany,
    variantReached,
    variantSites,
    siteReached,
    worlds,
  };
}

function grownInt(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}

function grownFloat(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(length);
  bigger.set(array);
  return bigger;
}
