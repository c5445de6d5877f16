/**
 * The configuration graph of a scenario: every reachable (decision point, world state) pair, found
 * breadth first, with its edges and what was seen on the way (texts without an applicable variant,
 * options without a route, single and crowded choices). analyze.ts draws every finding from it.
 *
 * Path conditions stay exact without enumerating paths: every "chose X" or "passed Y" fact that
 * some condition reads becomes a hidden 0/1 variable of the world, set by the options that make it
 * true. The world then holds all a condition can ask, so (decision point, world) is still a
 * complete state, and it grows only with the facts authors actually use.
 *
 * Built for large scenarios (the bench explores 77,000 configurations of 10,000 decision points):
 * options are compiled once into arrays indexed by their position among all options, the graph
 * lives in typed arrays that grow by doubling, and a configuration is found by its number
 * (world code * nodes + node) in a table addressed directly when the world codes are few, so a
 * transition allocates nothing.
 */
import { MAX_OFFERED_OPTIONS, type Effect, type Scenario } from '../scenario/schema.ts';
import { forEachCondition } from '../scenario/texts.ts';
import { namesIn } from '../scenario/option-refs.ts';
import { compileWhen, resolverFor, type Resolve, type Test } from './conditions.ts';
import { Rules } from './rules.ts';
import { NumberIndex } from './number-index.ts';
import { worldCodes, type CodedCondition, type CodedEffect, type WorldCodes } from './world-codes.ts';

/** A text that may have variants: a decision's situation, an option's outcome or an ending's text (indices into the scenario). */
export type TextSiteRef =
  | { kind: 'situation'; decision: number }
  | { kind: 'outcome'; decision: number; option: number }
  | { kind: 'ending'; ending: number };

/** A compiled condition: all atoms hold, and in each group some member holds. */
interface Coded {
  atoms: CodedCondition[];
  groups: Coded[][];
}

export interface CodedVariants {
  /** Undefined entries are fallbacks. */
  tests: Array<Coded | undefined>;
  /** Position of the first variant among all variants of the scenario. */
  first: number;
  site: TextSiteRef;
}

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
/** Shared by the many options without effects. */
const NONE: never[] = [];

export function explore(scenario: Scenario): Explored {
  const decisionCount = scenario.decisions.length;
  const nodeIds: string[] = new Array<string>(decisionCount + scenario.endings.length);
  const nodeIndex = new Map<string, number>();
  scenario.decisions.forEach((d, i) => {
    nodeIds[i] = d.id;
    nodeIndex.set(d.id, i);
  });
  scenario.endings.forEach((e, i) => {
    nodeIds[decisionCount + i] = e.id;
    nodeIndex.set(e.id, decisionCount + i);
  });
  const nodeCount = nodeIds.length;
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
  const variantsOf = (whens: Array<Parameters<typeof compileWhen>[0] | undefined>, site: TextSiteRef) => {
    const coded: CodedVariants = { tests: whens.map(compile), first: variantCount, site };
    variantCount += coded.tests.length;
    variantSites.push(coded);
    return coded;
  };

  // Options by their position among all options: names are made only when asked for.
  const optionBase = new Int32Array(decisionCount + 1);
  for (let d = 0; d < decisionCount; d++) optionBase[d + 1] = optionBase[d]! + scenario.decisions[d]!.options.length;
  const optionCount = optionBase[decisionCount]!;
  const optionDecision = new Int32Array(optionCount);
  for (let d = 0; d < decisionCount; d++) optionDecision.fill(d, optionBase[d]!, optionBase[d + 1]!);
  const optionName = (option: number) => {
    const decision = scenario.decisions[optionDecision[option]!]!;
    return { decision: decision.id, option: decision.options[option - optionBase[optionDecision[option]!]!]!.id };
  };
  // Texts with variants, by node (situations, then ending texts) or by option (outcomes): 0 for a
  // plain text, else 1 + the position of its variants in variantSites.
  const nodeText = new Int32Array(nodeCount);
  scenario.decisions.forEach((decision, d) => {
    if (typeof decision.situation === 'string') return;
    nodeText[d] = variantSites.length + 1;
    variantsOf(
      rules.situation(decision).map((v) => v.when),
      { kind: 'situation', decision: d },
    );
  });
  // Most options have no condition, a plain next, a plain outcome and no effects: for them only
  // `plainNext` is set. Otherwise 1 + the position of what they have in a list of such things.
  const whens: Coded[] = [];
  const optionWhen = new Int32Array(optionCount);
  const plainNext = new Int32Array(optionCount).fill(-1);
  const routes: Array<Array<{ when: Coded | undefined; next: number }>> = [];
  const optionRoutes = new Int32Array(optionCount);
  const optionOutcome = new Int32Array(optionCount);
  for (let d = 0; d < decisionCount; d++) {
    const options = scenario.decisions[d]!.options;
    const base = optionBase[d]!;
    for (let o = 0; o < options.length; o++) {
      const option = options[o]!;
      if (option.when) {
        whens.push(compile(option.when)!);
        optionWhen[base + o] = whens.length;
      }
      if (typeof option.next === 'string') plainNext[base + o] = nodeIndex.get(option.next)!;
      else {
        routes.push(option.next.map((r) => ({ when: compile(r.when), next: nodeIndex.get(r.to)! })));
        optionRoutes[base + o] = routes.length;
      }
      if (typeof option.outcome !== 'string') {
        optionOutcome[base + o] = variantSites.length + 1;
        variantsOf(
          rules.outcome(option).map((v) => v.when),
          { kind: 'outcome', decision: d, option: o },
        );
      }
    }
  }
  scenario.endings.forEach((ending, e) => {
    if (typeof ending.text === 'string') return;
    nodeText[decisionCount + e] = variantSites.length + 1;
    variantsOf(
      rules.endingText(ending).map((v) => v.when),
      { kind: 'ending', ending: e },
    );
  });
  // Effects last: every fact a condition reads is known by now, so each option sets the ones it makes true.
  const allEffects: CodedEffect[] = [];
  const effectLists: CodedEffect[][] = [];
  const optionEffects = new Int32Array(optionCount);
  for (let d = 0; d < decisionCount; d++) {
    const decision = scenario.decisions[d]!;
    const base = optionBase[d]!;
    for (let o = 0; o < decision.options.length; o++) {
      const option = decision.options[o]!;
      const declared = option.effects?.length ? compileEffects(scenario, option.effects, variableIndex) : NONE;
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
        effectLists.push(effects);
        optionEffects[base + o] = effectLists.length;
        for (const effect of effects) allEffects.push(effect);
      }
    }
  }
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

  // Discover configurations breadth first, each found again by its key world * nodeCount + node:
  // `direct` holds index + 1 at the key (0: not seen), else `seen` maps keys to indices.
  const start = nodeIndex.get(scenario.start)!;
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
        if (optionWhen[option] !== 0 && !holds(whens[optionWhen[option]! - 1], world)) continue;
        offered[option] = 1;
        offeredHere++;
        last = option;
        const nextWorld =
          optionEffects[option] === 0 ? world : worlds.apply(world, effectLists[optionEffects[option]! - 1]!);
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

/** Effects with their variable's position and range; bindEffects (world.ts) does the same by name for the player. */
function compileEffects(scenario: Scenario, effects: readonly Effect[], variables: Map<string, number>): CodedEffect[] {
  return effects.map((effect) => {
    const index = variables.get(effect.variable);
    if (index === undefined)
      throw new Error(`Effect names unknown variable "${effect.variable}": validate the scenario first`);
    const { min, max } = scenario.variables[index]!;
    return { variable: index, set: effect.set, add: effect.set !== undefined ? 0 : (effect.add ?? 0), min, max };
  });
}
