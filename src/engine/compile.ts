/**
 * A validated scenario -> an XState machine. The machine's configuration is plain JSON: behaviour
 * lives in one setup() and is referred to by name, so the same machine runs in the browser and on
 * the workshop server, and its configuration can be shipped or inspected as data.
 */
import { assign, setup } from 'xstate';
import type { Condition, Scenario } from '../scenario/schema.ts';
import { applyEffects, bindEffects, conditionsHold, initialWorld, type BoundEffect, type World } from './world.ts';

/** One choice made on the way: where, what, and the world just after it. */
export interface Step {
  decision: string;
  option: string;
  world: World;
}

export interface GameContext {
  world: World;
  path: Step[];
}

export type GameEvent = { type: 'CHOOSE'; option: string };

interface ChooseParams {
  decision: string;
  option: string;
  effects: BoundEffect[];
}

interface OfferedParams {
  option: string;
  when?: Condition[];
}

export const gameSetup = setup({
  types: {
    context: {} as GameContext,
    events: {} as GameEvent,
  },
  guards: {
    offered: ({ context, event }, params: OfferedParams) =>
      event.option === params.option && conditionsHold(params.when, context.world),
  },
  actions: {
    // The world changes through Immer; the path only grows, so it is extended by hand: running
    // Immer over the whole context re-walked the path on every move and cost half as much again as XState.
    choose: assign(({ context }, params: ChooseParams) => {
      const world = applyEffects(context.world, params.effects);
      const step: Step = Object.freeze({ decision: params.decision, option: params.option, world });
      const path = [...context.path, step];
      Object.freeze(path);
      return { world, path };
    }),
  },
});

/** The machine's configuration as plain data: one state per decision point and ending. */
export function machineConfig(scenario: Scenario) {
  const states: Record<string, unknown> = {};
  for (const decision of scenario.decisions) {
    states[decision.id] = {
      on: {
        CHOOSE: decision.options.map((option) => ({
          target: option.next,
          guard: { type: 'offered', params: { option: option.id, ...(option.when ? { when: option.when } : {}) } },
          actions: {
            type: 'choose',
            params: { decision: decision.id, option: option.id, effects: bindEffects(scenario, option.effects) },
          },
        })),
      },
    };
  }
  for (const ending of scenario.endings) states[ending.id] = { type: 'final' };
  return {
    id: scenario.id,
    initial: scenario.start,
    context: { world: initialWorld(scenario), path: [] as Step[] },
    states,
  };
}

export function compileScenario(scenario: Scenario) {
  // The configuration is built from data, so its state names cannot be known to the type system.
  return gameSetup.createMachine(machineConfig(scenario) as Parameters<typeof gameSetup.createMachine>[0]);
}

export type GameMachine = ReturnType<typeof compileScenario>;
