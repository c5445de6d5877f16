/**
 * The baseline for transitions per second: the compiled machine's shape (same states, same
 * transitions in the same order) built directly with XState's createMachine, with inline guards
 * and an assign that makes the same new context by hand instead of through Immer.
 */
import { assign, createMachine } from 'xstate';
import type { Condition, Scenario } from '../src/scenario/schema.ts';
import type { GameEvent, Step } from '../src/engine/compile.ts';
import type { World } from '../src/engine/world.ts';

/** XState's own way: the decision point is the machine's state, so the context holds only world and path. */
interface BareContext {
  world: World;
  path: Step[];
}

interface PlainEffect {
  variable: string;
  set: number | undefined;
  add: number;
  min: number;
  max: number;
}

export function bareMachine(scenario: Scenario) {
  const range = new Map(scenario.variables.map((v) => [v.id, v]));
  const states: Record<string, unknown> = {};
  for (const decision of scenario.decisions) {
    states[decision.id] = {
      on: {
        CHOOSE: decision.options.map((option) => {
          const when = option.when;
          const effects: PlainEffect[] = (option.effects ?? []).map((e) => ({
            variable: e.variable,
            set: e.set,
            add: e.add ?? 0,
            min: range.get(e.variable)!.min,
            max: range.get(e.variable)!.max,
          }));
          return {
            target: option.next,
            guard: ({ context, event }: { context: BareContext; event: GameEvent }) =>
              event.option === option.id && holds(when, context.world),
            actions: assign(({ context }: { context: BareContext }) => {
              const world = applyPlain(context.world, effects);
              const step: Step = { decision: decision.id, option: option.id, world };
              return { world, path: [...context.path, step] };
            }),
          };
        }),
      },
    };
  }
  for (const ending of scenario.endings) states[ending.id] = { type: 'final' };
  const context: BareContext = {
    world: Object.fromEntries(scenario.variables.map((v) => [v.id, v.initial])),
    path: [],
  };
  const config = {
    id: scenario.id,
    initial: scenario.start,
    types: {} as { context: BareContext; events: GameEvent },
    context,
    states,
  };
  // As in compile.ts, state names come from data, so the configuration cannot be typed precisely.
  return createMachine(config as Parameters<typeof createMachine>[0]);
}

function holds(when: readonly Condition[] | undefined, world: World): boolean {
  if (!when) return true;
  for (const c of when) {
    const value = world[c.variable!] ?? 0;
    if ((c.atLeast !== undefined && value < c.atLeast) || (c.atMost !== undefined && value > c.atMost)) return false;
  }
  return true;
}

function applyPlain(world: World, effects: readonly PlainEffect[]): World {
  if (effects.length === 0) return world;
  const next = { ...world };
  for (const e of effects)
    next[e.variable] = Math.min(e.max, Math.max(e.min, e.set ?? (next[e.variable] ?? 0) + e.add));
  return next;
}
