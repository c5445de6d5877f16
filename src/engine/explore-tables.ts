/**
 * A scenario compiled for explore.ts: every option by its position among all options, with its
 * condition, effects, routes and outcome variants in flat arrays, so exploring a configuration
 * reads numbers instead of the scenario's objects and allocates nothing.
 *
 * Path conditions stay exact without enumerating paths: every "chose X" or "passed Y" fact that
 * some condition reads becomes a hidden 0/1 variable of the world, set by the options that make it
 * true. The world then holds all a condition can ask, so (decision point, world) is still a
 * complete state, and it grows only with the facts authors actually use.
 */
import type { Condition, Effect, Scenario } from '../scenario/schema.ts';
import { forEachWhen } from '../scenario/texts.ts';
import { namesIn } from '../scenario/option-refs.ts';
import { compileWhen, resolverFor, type Resolve, type Test } from './conditions.ts';
import { Rules } from './rules.ts';
import { worldCodes, type CodedCondition, type CodedEffect, type WorldCodes } from './world-codes.ts';

/** A text that may have variants: a decision's situation, an option's outcome or an ending's text (indices into the scenario). */
export type TextSiteRef =
  | { kind: 'situation'; decision: number }
  | { kind: 'outcome'; decision: number; option: number }
  | { kind: 'ending'; ending: number };

/** A compiled condition: all atoms hold, and in each group some member holds. */
export interface Coded {
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

/**
 * Nodes are the decision points, then the endings. Options are numbered across the scenario;
 * decision point d's are optionBase[d] .. optionBase[d + 1]. Per option, 0 means "none" and
 * k > 0 the (k - 1)th entry of the list it names.
 */
export interface ExploreTables {
  nodeIds: string[];
  decisionCount: number;
  start: number;
  optionBase: Int32Array;
  optionName: (option: number) => { decision: string; option: string };
  worlds: WorldCodes;
  /** Whether a condition holds in a world (undefined always holds). */
  holds: (coded: Coded | undefined, world: number) => boolean;
  /** Conditions of options (`optionWhen`) in `whens`. */
  optionWhen: Int32Array;
  whens: Coded[];
  /**
   * With packed worlds, a condition without groups is also written flat: its atoms are
   * atomStart[w] .. atomStart[w + 1] (an empty range, with simpleWhen[w] 0, when it has groups).
   */
  simpleWhen: Uint8Array;
  atomStart: Int32Array;
  atomVariable: Int32Array;
  atomLow: Float64Array;
  atomHigh: Float64Array;
  /**
   * Effects, in order, of option o: effectStart[o] .. effectStart[o + 1]; a set is NaN for an add.
   * The same effects as objects (`optionEffects` into `effectLists`) for interned worlds.
   */
  effectStart: Int32Array;
  effectVariable: Int32Array;
  effectSet: Float64Array;
  effectAdd: Float64Array;
  effectMin: Float64Array;
  effectMax: Float64Array;
  optionEffects: Int32Array;
  effectLists: CodedEffect[][];
  /** The node a plain `next` names, or -1 for conditional routes (`optionRoutes` into `routes`). */
  plainNext: Int32Array;
  optionRoutes: Int32Array;
  routes: Array<Array<{ when: Coded | undefined; next: number }>>;
  /** Texts with variants: situations and ending texts by node, outcomes by option, into `variantSites`. */
  nodeText: Int32Array;
  optionOutcome: Int32Array;
  variantSites: CodedVariants[];
  variantCount: number;
}

/** Shared by the many options without effects. */
const NONE: never[] = [];

export function exploreTables(scenario: Scenario): ExploreTables {
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

  // Flat conditions (packed worlds only: interned ones are read through worlds.holds).
  const simpleWhen = new Uint8Array(whens.length);
  const atomStart = new Int32Array(whens.length + 1);
  let atomCount = 0;
  whens.forEach((when, w) => {
    if (worlds.layout && when.groups.length === 0) {
      simpleWhen[w] = 1;
      atomCount += when.atoms.length;
    }
    atomStart[w + 1] = atomCount;
  });
  const atomVariable = new Int32Array(atomCount);
  const atomLow = new Float64Array(atomCount);
  const atomHigh = new Float64Array(atomCount);
  whens.forEach((when, w) => {
    if (!simpleWhen[w]) return;
    when.atoms.forEach((atom, i) => {
      atomVariable[atomStart[w]! + i] = atom.variable;
      atomLow[atomStart[w]! + i] = atom.atLeast;
      atomHigh[atomStart[w]! + i] = atom.atMost;
    });
  });

  // Flat effects.
  const effectStart = new Int32Array(optionCount + 1);
  for (let o = 0; o < optionCount; o++)
    effectStart[o + 1] = effectStart[o]! + (optionEffects[o] === 0 ? 0 : effectLists[optionEffects[o]! - 1]!.length);
  const effectVariable = new Int32Array(allEffects.length);
  const effectSet = new Float64Array(allEffects.length);
  const effectAdd = new Float64Array(allEffects.length);
  const effectMin = new Float64Array(allEffects.length);
  const effectMax = new Float64Array(allEffects.length);
  allEffects.forEach((effect, e) => {
    effectVariable[e] = effect.variable;
    effectSet[e] = effect.set ?? NaN;
    effectAdd[e] = effect.add;
    effectMin[e] = effect.min;
    effectMax[e] = effect.max;
  });

  return {
    nodeIds,
    decisionCount,
    start: nodeIndex.get(scenario.start)!,
    optionBase,
    optionName,
    worlds,
    holds,
    optionWhen,
    whens,
    simpleWhen,
    atomStart,
    atomVariable,
    atomLow,
    atomHigh,
    effectStart,
    effectVariable,
    effectSet,
    effectAdd,
    effectMin,
    effectMax,
    optionEffects,
    effectLists,
    plainNext,
    optionRoutes,
    routes,
    nodeText,
    optionOutcome,
    variantSites,
    variantCount,
  };
}

/** Without path conditions no option name is ever resolved; a scenario that has some gets a real resolver. */
const noPathNames: Resolve = (name) => {
  throw new Error(`unexpected option name "${name}"`);
};

/** Walked afresh each time (no cache on the scenario object), so the analysis bench times it on every run. */
function hasPathConditions(scenario: Scenario): boolean {
  let found = false;
  const look = (conditions: readonly Condition[]): void => {
    for (const c of conditions) {
      if (namesIn(c.chose).length || namesIn(c.notChose).length) found = true;
      if (c.anyOf) look(c.anyOf);
    }
  };
  forEachWhen(scenario, (when) => look(when));
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
