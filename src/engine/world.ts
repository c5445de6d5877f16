/** World state: the scenario's named variables, and the declarative rules that read and change them. */
import { produce } from 'immer';
import type { Effect, Scenario } from '../scenario/schema.ts';

/** A bound on one variable: the only kind of condition that reads the world alone (see conditions.ts for the rest). */
export interface VariableBound {
  variable: string;
  atLeast?: number;
  atMost?: number;
}

export type World = Readonly<Record<string, number>>;

/** An effect with its variable's range, so a compiled machine needs nothing else to apply it. */
export type BoundEffect = Effect & { min: number; max: number };

export function initialWorld(scenario: Scenario): World {
  return Object.fromEntries(scenario.variables.map((variable) => [variable.id, variable.initial]));
}

export function bindEffects(scenario: Scenario, effects: readonly Effect[] = []): BoundEffect[] {
  return effects.map((effect) => {
    const variable = scenario.variables.find((v) => v.id === effect.variable);
    if (!variable) throw new Error(`Effect names unknown variable "${effect.variable}": validate the scenario first`);
    // Built field by field: spreading `effect` made compiling a large scenario several times slower.
    const { min, max } = variable;
    return effect.set !== undefined
      ? { variable: effect.variable, set: effect.set, min, max }
      : { variable: effect.variable, add: effect.add, min, max };
  });
}

export function conditionsHold(when: readonly VariableBound[] | undefined, world: World): boolean {
  if (!when) return true;
  return when.every((condition) => {
    const value = world[condition.variable] ?? 0;
    return (
      (condition.atLeast === undefined || value >= condition.atLeast) &&
      (condition.atMost === undefined || value <= condition.atMost)
    );
  });
}

/** Applies effects in order with Immer; a variable never leaves its range. Unchanged values give back the same world. */
export function applyEffects(world: World, effects: readonly BoundEffect[]): World {
  if (effects.length === 0) return world;
  return produce(world, (draft: Record<string, number>) => {
    for (const effect of effects) {
      const current = draft[effect.variable] ?? 0;
      const wanted = effect.set ?? current + (effect.add ?? 0);
      draft[effect.variable] = Math.min(effect.max, Math.max(effect.min, wanted));
    }
  });
}
