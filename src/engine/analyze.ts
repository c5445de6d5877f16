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
import { MAX_OFFERED_OPTIONS, type Scenario } from '../scenario/schema.ts';
import { forEachCondition } from '../scenario/texts.ts';
import { namesIn } from '../scenario/option-refs.ts';
import { compileWhen, resolverFor, type Resolve, type Test } from './conditions.ts';
import { Rules } from './rules.ts';
import { bindEffects, type BoundEffect } from './world.ts';
import { NumberIndex } from './number-index.ts';
import { worldCodes, type CodedCondition, type CodedEffect, type WorldCodes } from './world-codes.ts';

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

/** A text that may have variants: a decision's situation, an option's outcome or an ending's text (indices into the scenario). */
export type TextSiteRef =
  | { kind: 'situation'; decision: number }
  | { kind: 'outcome'; decision: number; option: number }
  | { kind: 'ending'; ending: number };

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

/** A compiled condition: all atoms hold, and in each group some member holds. */
interface Coded {
  atoms: CodedCondition[];
  groups: Coded[][];
}

interface CodedVariants {
  /** Undefined entries are fallbacks. */
  tests: Array<Coded | undefined>;
  /** Position of the first variant among all variants of the scenario. */
  first: number;
  site: TextSiteRef;
}

interface CompiledOption {
  /** Position among all options of the scenario. */
  index: number;
  when: Coded | undefined;
  effects: CodedEffect[];
  /** Targets by node index, each with its conditions (undefined: always). */
  routes: Array<{ when: Coded | undefined; next: number }>;
  outcome: CodedVariants | undefined;
}

const MAX_CONFIGURATIONS = 2_000_000;
/** Shared by the many options without conditions or effects. */
const NONE: never[] = [];

/** The configuration graph and what was seen while exploring it. */
interface Explored {
  nodeIds: string[];
  decisionCount: number;
  configNode: number[];
  configWorld: number[];
  /** The configuration each was first reached from, and by which option (global index); -1 for the start. */
  parent: number[];
  via: number[];
  edgeStart: number[];
  edgeTarget: number[];
  edgeOption: number[];
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

function explore(scenario: Scenario): Explored {
  const nodeIds = [...scenario.decisions.map((d) => d.id), ...scenario.endings.map((e) => e.id)];
  const nodeIndex = new Map(nodeIds.map((id, index) => [id, index]));
  const nodeCount = nodeIds.length;
  const decisionCount = scenario.decisions.length;
  const variableIndex = new Map(scenario.variables.map((v, i) => [v.id, i]));

  // The path facts conditions read, each a 0/1 variable after the declared ones.
  const resolve: Resolve | undefined = hasPathConditions(scenario) ? resolverFor(scenario) : undefined;
  const facts = new Map<string, number>();
  const factVariable = (key: string) => {
    let index = facts.get(key);
    if (index === undefined) {
      index = scenario.variables.length + facts.size;
      facts.set(key, index);
    }
    return index;
  };
  const code = (tests: readonly Test[]): Coded => {
    const coded: Coded = { atoms: [], groups: [] };
    const atLeastOne = (variable: number): Coded => ({
      atoms: [{ variable, atLeast: 1, atMost: Infinity }],
      groups: [],
    });
    const some = (variables: number[]) => {
      if (variables.length === 1) coded.atoms.push(atLeastOne(variables[0]!).atoms[0]!);
      else coded.groups.push(variables.map(atLeastOne));
    };
    const none = (variables: number[]) =>
      variables.forEach((variable) => coded.atoms.push({ variable, atLeast: -Infinity, atMost: 0 }));
    for (const test of tests) {
      switch (test.kind) {
        case 'range':
          coded.atoms.push({ variable: variableIndex.get(test.variable)!, atLeast: test.atLeast, atMost: test.atMost });
          break;
        case 'chose':
        case 'notChose': {
          const variables = test.options.map((o) => factVariable(`chose:${o.decision}/${o.option}`));
          if (test.kind === 'chose') some(variables);
          else none(variables);
          break;
        }
        case 'passed':
        case 'notPassed': {
          const variables = test.decisions.map((d) => factVariable(`passed:${d}`));
          if (test.kind === 'passed') some(variables);
          else none(variables);
          break;
        }
        case 'anyOf':
          coded.groups.push(test.tests.map((t) => code([t])));
          break;
      }
    }
    return coded;
  };
  const rules = new Rules(scenario);
  const compile = (when: Parameters<typeof compileWhen>[0] | undefined) =>
    when ? code(resolve ? compileWhen(when, resolve) : compileWhen(when, noPathNames)) : undefined;
  const variantSites: CodedVariants[] = [];
  let variantCount = 0;
  const variantsOf = (
    value: unknown,
    whens: () => Array<Parameters<typeof compileWhen>[0] | undefined>,
    site: TextSiteRef,
  ) => {
    if (typeof value === 'string') return undefined;
    const coded: CodedVariants = { tests: whens().map(compile), first: variantCount, site };
    variantCount += coded.tests.length;
    variantSites.push(coded);
    return coded;
  };

  let optionCount = 0;
  // Where each decision point's options start among all options: names are made only when asked for.
  const optionBase = new Int32Array(decisionCount + 1);
  scenario.decisions.forEach((decision, d) => (optionBase[d + 1] = optionBase[d]! + decision.options.length));
  const optionDecision = new Int32Array(optionBase[decisionCount]!);
  for (let d = 0; d < decisionCount; d++) optionDecision.fill(d, optionBase[d]!, optionBase[d + 1]!);
  const optionName = (option: number) => {
    const decision = scenario.decisions[optionDecision[option]!]!;
    return { decision: decision.id, option: decision.options[option - optionBase[optionDecision[option]!]!]!.id };
  };
  const allEffects: CodedEffect[] = [];
  const situations = scenario.decisions.map((decision, d) =>
    variantsOf(decision.situation, () => rules.situation(decision).map((v) => v.when), {
      kind: 'situation',
      decision: d,
    }),
  );
  const options: CompiledOption[][] = scenario.decisions.map((decision, d) =>
    decision.options.map((option, o) => {
      return {
        index: optionCount++,
        when: compile(option.when),
        effects: NONE as CodedEffect[],
        // A plain next and a plain outcome, as most options have, are made without a list or a site.
        routes:
          typeof option.next === 'string'
            ? [{ when: undefined, next: nodeIndex.get(option.next)! }]
            : option.next.map((r) => ({ when: compile(r.when), next: nodeIndex.get(r.to)! })),
        outcome:
          typeof option.outcome === 'string'
            ? undefined
            : variantsOf(option.outcome, () => rules.outcome(option).map((v) => v.when), {
                kind: 'outcome',
                decision: d,
                option: o,
              }),
      };
    }),
  );
  const endingTexts = scenario.endings.map((ending, e) =>
    variantsOf(ending.text, () => rules.endingText(ending).map((v) => v.when), { kind: 'ending', ending: e }),
  );
  // Effects last: every fact a condition reads is known by now, so each option sets the ones it makes true.
  scenario.decisions.forEach((decision, d) =>
    decision.options.forEach((option, o) => {
      const declared = option.effects?.length
        ? compileEffects(bindEffects(scenario, option.effects), variableIndex)
        : [];
      // Most scenarios read no path facts: then no key is made for each of their options.
      const set =
        facts.size === 0
          ? NONE
          : [facts.get(`chose:${decision.id}/${option.id}`), facts.get(`passed:${decision.id}`)].filter(
              (f): f is number => f !== undefined,
            );
      const effects = set.length
        ? [...declared, ...set.map((variable) => ({ variable, set: 1, add: 0, min: 0, max: 1 }))]
        : declared;
      if (effects.length) {
        options[d]![o]!.effects = effects;
        allEffects.push(...effects);
      }
    }),
  );
  const variables = [...scenario.variables, ...[...facts.keys()].map(() => ({ min: 0, max: 1, initial: 0 }))];
  const worlds = worldCodes(variables, allEffects, nodeCount);
  const holds = (coded: Coded | undefined, world: number): boolean => {
    if (!coded) return true;
    if (!worlds.holds(coded.atoms, world)) return false;
    for (const group of coded.groups) if (!group.some((member) => holds(member, world))) return false;
    return true;
  };
  const variantReached = new Uint8Array(variantCount);
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

  // Discover configurations breadth first. Configuration c is (configNode[c], configWorld[c]);
  // its successors, one per offered option that has a route, are edgeTarget[edgeStart[c] .. edgeStart[c + 1]).
  const configNode: number[] = [nodeIndex.get(scenario.start)!];
  const configWorld: number[] = [worlds.initial];
  const parent: number[] = [-1];
  const via: number[] = [-1];
  const seen = new NumberIndex();
  seen.set(worlds.initial * nodeCount + configNode[0]!, 0);
  const edgeStart: number[] = [0];
  const edgeTarget: number[] = [];
  const edgeOption: number[] = [];
  const offered = new Uint8Array(optionCount);
  const stuck: number[] = [];
  const noRoute = new Map<number, number>();
  const single = new Map<number, { config: number; option: number }>();
  const tooMany = new Map<number, { config: number; offered: number }>();
  for (let c = 0; c < configNode.length; c++) {
    if (configNode.length > MAX_CONFIGURATIONS)
      throw new Error(`More than ${MAX_CONFIGURATIONS} configurations: the world state is too large to analyse`);
    const node = configNode[c]!;
    const world = configWorld[c]!;
    if (node < decisionCount) {
      const situation = situations[node];
      if (situation) pick(situation, world, c, node);
      let count = 0;
      let last = -1;
      for (const option of options[node]!) {
        if (!holds(option.when, world)) continue;
        offered[option.index] = 1;
        count++;
        last = option.index;
        const nextWorld = option.effects.length === 0 ? world : worlds.apply(world, option.effects);
        if (option.outcome) pick(option.outcome, nextWorld, c, nodeCount + option.index);
        let next = -1;
        for (const route of option.routes) {
          if (holds(route.when, nextWorld)) {
            next = route.next;
            break;
          }
        }
        if (next < 0) {
          if (!noRoute.has(option.index)) noRoute.set(option.index, c);
          continue;
        }
        let index = seen.getOrAdd(nextWorld * nodeCount + next, configNode.length);
        if (index < 0) {
          index = configNode.length;
          configNode.push(next);
          configWorld.push(nextWorld);
          parent.push(c);
          via.push(option.index);
        }
        edgeTarget.push(index);
        edgeOption.push(option.index);
      }
      if (count === 0) stuck.push(c);
      else if (count === 1 && !single.has(node)) single.set(node, { config: c, option: last });
      else if (count > MAX_OFFERED_OPTIONS && !tooMany.has(node)) tooMany.set(node, { config: c, offered: count });
    } else {
      const text = endingTexts[node - decisionCount];
      if (text) pick(text, world, c, node);
    }
    edgeStart.push(edgeTarget.length);
  }
  return {
    nodeIds,
    decisionCount,
    configNode,
    configWorld,
    parent,
    via,
    edgeStart,
    edgeTarget,
    edgeOption,
    optionName,
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

/** Without path conditions no option name is ever resolved; a scenario that has some gets a real resolver. */
const noPathNames: Resolve = (name) => {
  throw new Error(`unexpected option name "${name}"`);
};

function hasPathConditions(scenario: Scenario): boolean {
  let found = false;
  forEachCondition(scenario, (c) => {
    if (namesIn(c.chose).length || namesIn(c.notChose).length) found = true;
  });
  return found;
}

export function analyzeScenario(scenario: Scenario): Analysis {
  const x = explore(scenario);
  const { configNode, configWorld, edgeStart, edgeTarget, nodeIds, decisionCount } = x;
  const count = configNode.length;
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
  const trapped: Place[] = [];
  for (let c = 0; c < count; c++) {
    if (!finishes[c] && edgeStart[c + 1]! > edgeStart[c]!) trapped.push(place(c));
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
  const reachedDecisions = new Uint8Array(nodeIds.length);
  for (const node of configNode) reachedDecisions[node] = 1;
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
    byFirstOption: firstOptions(scenario, x),
  };
}

/** For each option of the start decision, the endings reachable after it: first options spread forward as bit masks. */
function firstOptions(scenario: Scenario, x: Explored): Analysis['byFirstOption'] {
  const start = scenario.decisions.find((d) => d.id === scenario.start)!;
  const startBase = x.optionBase[scenario.decisions.indexOf(start)]!;
  const count = x.configNode.length;
  const masks = new Uint8Array(count);
  const queue: number[] = [];
  for (let e = x.edgeStart[0]!; e < x.edgeStart[1]!; e++) {
    const target = x.edgeTarget[e]!;
    const bit = 1 << (x.edgeOption[e]! - startBase);
    if ((masks[target]! & bit) === 0) {
      masks[target]! |= bit;
      queue.push(target);
    }
  }
  while (queue.length > 0) {
    const c = queue.pop()!;
    for (let e = x.edgeStart[c]!; e < x.edgeStart[c + 1]!; e++) {
      const target = x.edgeTarget[e]!;
      if ((masks[target]! | masks[c]!) !== masks[target]) {
        masks[target]! |= masks[c]!;
        queue.push(target);
      }
    }
  }
  const reached = start.options.map(() => new Set<string>());
  for (let c = 0; c < count; c++) {
    if (x.configNode[c]! < x.decisionCount || masks[c] === 0) continue;
    start.options.forEach((_, o) => masks[c]! & (1 << o) && reached[o]!.add(x.nodeIds[x.configNode[c]!]!));
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
