/**
 * What the scenario file says, read directly and independently of src/engine: which options a
 * decision offers in a world state, how an option changes the world (clamped to each variable's
 * range), and every path from the start to an ending. The machine is checked against this.
 */
import type { Decision, Option, Scenario } from '../../../src/scenario/schema.ts';

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

export function offeredOptions(decision: Decision, world: Values): Option[] {
  return decision.options.filter((option) =>
    (option.when ?? []).every(
      (c) =>
        (c.atLeast === undefined || world[c.variable]! >= c.atLeast) &&
        (c.atMost === undefined || world[c.variable]! <= c.atMost),
    ),
  );
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
    const offered = offeredOptions(decision, world);
    if (offered.length === 0) throw new Error(`stuck at ${node} with ${JSON.stringify(world)}`);
    for (const option of offered) {
      const worldAfter = worldAfterChoosing(scenario, world, option);
      const step = {
        decision: node,
        offered: offered.map((o) => o.id),
        option: option.id,
        next: option.next,
        worldBefore: world,
        worldAfter,
      };
      visit(option.next, worldAfter, [...steps, step]);
    }
  };
  visit(scenario.start, startingWorld(scenario), []);
  return paths;
}
