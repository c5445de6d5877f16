/**
 * What the scenario file says, read directly and independently of src/engine: which options a
 * decision offers in a world state, how an option changes the world (clamped to each variable's
 * range), and every path from the start to an ending. The machine is checked against this.
 */
import type { Condition, Decision, Option, Scenario } from '../../../src/scenario/schema.ts';

export type Values = Record<string, number>;

export interface ReferenceStep {
  decision: string;
  offered: string[];
  option: string;
  next: string;
  worldBefore: Values;
  worldAfter: Values;
}

export interface ReferencePath {
  steps: ReferenceStep[];
  /** Undefined when the path was cut off at `maxSteps` choices (only where a loop lets paths run on for ever). */
  ending: string | undefined;
  world: Values;
}

export function startingWorld(scenario: Scenario): Values {
  const world: Values = {};
  for (const variable of scenario.variables) world[variable.id] = variable.initial;
  return world;
}

/** The choices made so far, as "decision/option". */
export type Chosen = readonly string[];

const list = (value: string | string[] | undefined) =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

/** Reads a condition straight from the file's words: names are "decision/option" or a bare option id used once. */
export function conditionHolds(scenario: Scenario, condition: Condition, world: Values, chosen: Chosen): boolean {
  const qualified = (name: string) =>
    name.includes('/') ? name : `${scenario.decisions.find((d) => d.options.some((o) => o.id === name))!.id}/${name}`;
  const chose = (names: string[]) => names.some((name) => chosen.includes(qualified(name)));
  const passed = (decisions: string[]) => decisions.some((d) => chosen.some((c) => c.startsWith(`${d}/`)));
  if (condition.variable !== undefined) {
    const value = world[condition.variable]!;
    return (
      (condition.atLeast === undefined || value >= condition.atLeast) &&
      (condition.atMost === undefined || value <= condition.atMost)
    );
  }
  if (condition.chose !== undefined) return chose(list(condition.chose));
  if (condition.notChose !== undefined) return !chose(list(condition.notChose));
  if (condition.passed !== undefined) return passed(list(condition.passed));
  if (condition.notPassed !== undefined) return !passed(list(condition.notPassed));
  return (condition.anyOf ?? []).some((c) => conditionHolds(scenario, c, world, chosen));
}

export const allHold = (scenario: Scenario, when: Condition[] | undefined, world: Values, chosen: Chosen) =>
  (when ?? []).every((c) => conditionHolds(scenario, c, world, chosen));

export function offeredOptions(decision: Decision, world: Values, scenario?: Scenario, chosen: Chosen = []): Option[] {
  return decision.options.filter((option) =>
    (option.when ?? []).every((c) =>
      scenario
        ? conditionHolds(scenario, c, world, chosen)
        : (c.atLeast === undefined || world[c.variable!]! >= c.atLeast) &&
          (c.atMost === undefined || world[c.variable!]! <= c.atMost),
    ),
  );
}

/** Where an option leads, judged just after it was chosen; undefined when no route holds. */
export function nextOf(
  scenario: Scenario,
  option: Option,
  worldAfter: Values,
  chosenAfter: Chosen,
): string | undefined {
  if (typeof option.next === 'string') return option.next;
  return option.next.find((route) => allHold(scenario, route.when, worldAfter, chosenAfter))?.to;
}

export function worldAfterChoosing(scenario: Scenario, world: Values, option: Option): Values {
  const after = { ...world };
  for (const effect of option.effects ?? []) {
    const variable = scenario.variables.find((v) => v.id === effect.variable)!;
    const wanted = effect.set !== undefined ? effect.set : after[effect.variable]! + effect.add!;
    after[effect.variable] = wanted < variable.min ? variable.min : wanted > variable.max ? variable.max : wanted;
  }
  return after;
}

/**
 * Every path through the file's graph, depth first, each cut off after `maxSteps` choices; throws
 * past `limit` paths or when a player could get stuck.
 */
export function everyPathInFile(scenario: Scenario, maxSteps = Infinity, limit = 50_000): ReferencePath[] {
  const paths: ReferencePath[] = [];
  const endings = new Set(scenario.endings.map((e) => e.id));
  const visit = (node: string, world: Values, steps: ReferenceStep[]) => {
    if (endings.has(node) || steps.length >= maxSteps) {
      if (paths.length >= limit) throw new Error(`more than ${limit} paths: too many to walk one by one`);
      paths.push({ steps, ending: endings.has(node) ? node : undefined, world });
      return;
    }
    const decision = scenario.decisions.find((d) => d.id === node)!;
    const chosen = steps.map((s) => `${s.decision}/${s.option}`);
    const offered = offeredOptions(decision, world, scenario, chosen);
    if (offered.length === 0) throw new Error(`stuck at ${node} with ${JSON.stringify(world)}`);
    for (const option of offered) {
      const worldAfter = worldAfterChoosing(scenario, world, option);
      const next = nextOf(scenario, option, worldAfter, [...chosen, `${node}/${option.id}`]);
      if (next === undefined) throw new Error(`no route from ${node}/${option.id}`);
      const step = {
        decision: node,
        offered: offered.map((o) => o.id),
        option: option.id,
        next,
        worldBefore: world,
        worldAfter,
      };
      visit(next, worldAfter, [...steps, step]);
    }
  };
  visit(scenario.start, startingWorld(scenario), []);
  return paths;
}
