/**
 * A validated scenario -> an XState machine of constant size: a state `playing` whose context
 * holds the current decision point (`at`), the world and the path, and a final state `ended`.
 * The guard and the action look the decision point up in a lazily built `Rules` index, so
 * compiling costs the same for 10 or 10,000 decision points, and a player pays only for the points
 * it visits. (One XState state per decision point made createMachine alone take ~300 ms at 10,000
 * points.) The configuration stays plain JSON; behaviour is referred to by name and bound per
 * scenario in one setup(), so the same machine runs in the browser, the CLI and the workshop server.
 */
import { assign, setup, type SnapshotFrom } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import { allHold, pathFacts } from './conditions.ts';
import { Rules, type RuleOption } from './rules.ts';
import { applyEffects, initialWorld, type World } from './world.ts';

/** One choice made on the way: where, what, and the world just after it. */
export interface Step {
  decision: string;
  option: string;
  world: World;
}

export interface GameContext {
  /** The decision point the player is at, or the ending reached. */
  at: string;
  world: World;
  path: Step[];
}

export type GameEvent = { type: 'CHOOSE'; option: string };

/** The machine's configuration as plain data: the same two states whatever the scenario. */
export function machineConfig(scenario: Scenario) {
  return {
    id: scenario.id,
    initial: 'playing',
    context: { at: scenario.start, world: initialWorld(scenario), path: [] as Step[] } satisfies GameContext,
    states: {
      playing: {
        always: { guard: 'atEnding', target: 'ended' },
        on: { CHOOSE: { guard: 'offered', actions: 'choose' } },
      },
      ended: { type: 'final' },
    },
  };
}

/** What choosing `option` does to the context; undefined when no route applies (the checker rules that out). */
function afterChoosing(context: GameContext, option: RuleOption, rules: Rules): GameContext | undefined {
  const world = applyEffects(context.world, option.effects);
  const step: Step = Object.freeze({ decision: option.decision, option: option.id, world });
  // The path only grows, so it is extended by hand: running Immer over the whole context re-walked
  // the path on every move and cost half as much again as XState.
  const path = [...context.path, step];
  Object.freeze(path);
  const only = option.routes.length === 1 && option.routes[0]!.when === undefined ? option.routes[0]!.to : undefined;
  const at = only ?? rules.route(option, pathFacts(world, path));
  return at === undefined ? undefined : { at, world, path };
}

function findOption(rules: Rules, context: GameContext, id: string): RuleOption | undefined {
  const options = rules.decision(context.at)?.options;
  if (!options) return undefined;
  for (const option of options) if (option.id === id) return option;
  return undefined;
}

function hasConditionalRoutes(option: RuleOption): boolean {
  return option.routes.length > 1 || option.routes[0]!.when !== undefined;
}

/** The guards and actions for one scenario's rules. */
export function gameSetup(rules: Rules) {
  return setup({
    types: {
      context: {} as GameContext,
      events: {} as GameEvent,
    },
    guards: {
      offered: ({ context, event }) => {
        const option = findOption(rules, context, event.option);
        if (!option) return false;
        if (option.when && !allHold(option.when, pathFacts(context.world, context.path))) return false;
        return !hasConditionalRoutes(option) || afterChoosing(context, option, rules) !== undefined;
      },
      atEnding: ({ context }) => rules.isEnding(context.at),
    },
    actions: {
      choose: assign(({ context, event }) => afterChoosing(context, findOption(rules, context, event.option)!, rules)!),
    },
  });
}

export function compileScenario(scenario: Scenario) {
  const rules = new Rules(scenario);
  const implemented = gameSetup(rules);
  // The configuration is plain data; its guard and action names are the ones gameSetup implements.
  const machine = implemented.createMachine(machineConfig(scenario) as Parameters<typeof implemented.createMachine>[0]);
  // The rules travel with the machine, for views and stage pictures that need the same lookups.
  return Object.assign(machine, { rules });
}

export type GameMachine = ReturnType<typeof compileScenario>;
export type GameSnapshot = SnapshotFrom<GameMachine>;

/** The decision point a snapshot is at, or the ending it reached. */
export const positionOf = (snapshot: { context: GameContext }): string => snapshot.context.at;
