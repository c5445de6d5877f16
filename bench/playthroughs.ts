/**
 * The random choices every engine replays: computed once from the scenario's own rules, so ours,
 * bare XState and inkjs make exactly the same choices and none of them pays for choosing.
 */
import type { Scenario } from '../src/scenario/schema.ts';
import {
  applyEffects,
  bindEffects,
  conditionsHold,
  initialWorld,
  type BoundEffect,
  type VariableBound,
} from '../src/engine/world.ts';
import { seededRandom } from './random.ts';

export interface Playthroughs {
  /** The option chosen at each step. */
  options: string[];
  /** Its position among the options offered at that moment (what ink numbers its choices by). */
  offeredIndex: Uint16Array;
  /** 1 where the step reaches an ending, after which the next playthrough starts. */
  endsPlaythrough: Uint8Array;
  playthroughs: number;
}

export function randomPlaythroughs(scenario: Scenario, steps: number, seed: number): Playthroughs {
  const random = seededRandom(seed);
  const decisions = new Map(scenario.decisions.map((d) => [d.id, d]));
  const effects = new Map<string, BoundEffect[]>();
  const bound = (decision: string, option: string, raw: Parameters<typeof bindEffects>[1]) => {
    const key = `${decision}\u0000${option}`;
    if (!effects.has(key)) effects.set(key, bindEffects(scenario, raw));
    return effects.get(key)!;
  };
  const result: Playthroughs = {
    options: [],
    offeredIndex: new Uint16Array(steps),
    endsPlaythrough: new Uint8Array(steps),
    playthroughs: 0,
  };
  let at = scenario.start;
  let world = initialWorld(scenario);
  for (let step = 0; step < steps; step++) {
    const decision = decisions.get(at)!;
    const offered = decision.options.filter((option) =>
      conditionsHold(option.when as VariableBound[] | undefined, world),
    );
    const index = Math.floor(random.next() * offered.length);
    const option = offered[index]!;
    result.options.push(option.id);
    result.offeredIndex[step] = index;
    world = applyEffects(world, bound(decision.id, option.id, option.effects));
    at = option.next as string;
    if (!decisions.has(at)) {
      result.endsPlaythrough[step] = 1;
      result.playthroughs++;
      at = scenario.start;
      world = initialWorld(scenario);
    }
  }
  return result;
}
