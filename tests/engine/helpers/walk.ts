/**
 * Brute force through the real machine: at every state reached, every option of the decision is
 * tried and each one the machine accepts is followed. Knows nothing of the analysis.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import { analyzeScenario } from '../../../src/engine/analyze.ts';
import type { GameMachine } from '../../../src/engine/compile.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';

export interface WalkedPath {
  options: string[];
  snapshot: SnapshotFrom<GameMachine>;
}

export function snapshotAfter(machine: GameMachine, options: readonly string[]): SnapshotFrom<GameMachine> {
  const actor = createActor(machine).start();
  for (const option of options) actor.send({ type: 'CHOOSE', option });
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

/** How many choices to follow on each path: all of them, unless a loop lets paths run on for ever. */
export const stepsToWalk = (scenario: Scenario): number => (analyzeScenario(scenario).hasLoop ? 10 : Infinity);

/**
 * Every path the machine allows, each cut off after `maxSteps` choices; a path whose last state
 * offers nothing and is not final is returned as is. Each step is taken by a fresh actor started
 * from the snapshot before it, so no prefix is replayed.
 */
export function walkEveryPath(
  machine: GameMachine,
  scenario: Scenario,
  maxSteps = Infinity,
  limit = 50_000,
): WalkedPath[] {
  const walked: WalkedPath[] = [];
  const pending: WalkedPath[] = [{ options: [], snapshot: snapshotAfter(machine, []) }];
  while (pending.length > 0) {
    const { options, snapshot } = pending.pop()!;
    const decision = scenario.decisions.find((d) => d.id === snapshot.context.at);
    const accepted = (decision?.options ?? []).filter((o) => snapshot.can({ type: 'CHOOSE', option: o.id }));
    if (snapshot.status === 'done' || accepted.length === 0 || options.length >= maxSteps) {
      if (walked.length >= limit) throw new Error(`more than ${limit} paths: too many to walk one by one`);
      walked.push({ options, snapshot });
      continue;
    }
    for (const option of accepted) {
      const actor = createActor(machine, { snapshot }).start();
      actor.send({ type: 'CHOOSE', option: option.id });
      pending.push({ options: [...options, option.id], snapshot: actor.getSnapshot() });
      actor.stop();
    }
  }
  return walked;
}
