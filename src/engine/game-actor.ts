/** Running a compiled scenario: starting, choosing, saving, restoring and replaying a path. */
import { createActor, type Snapshot } from 'xstate';
import type { Result } from '../lib/result.ts';
import { err, ok } from '../lib/result.ts';
import type { GameMachine } from './compile.ts';

export type GameActor = ReturnType<typeof startGame>;

/** Starts a game, from the beginning or from a persisted snapshot. */
export function startGame(machine: GameMachine, persisted?: Snapshot<unknown>) {
  const actor = createActor(machine, persisted ? { snapshot: persisted } : {});
  actor.start();
  return actor;
}

/** Chooses an option; false when it is not offered here (the machine ignores the event) or the game is over. */
export function choose(actor: GameActor, option: string): boolean {
  const before = actor.getSnapshot();
  // A finished (or stopped) game takes no more choices; sending would only make XState warn on the console.
  if (before.status !== 'active') return false;
  actor.send({ type: 'CHOOSE', option });
  return actor.getSnapshot() !== before;
}

/** Plays a list of option ids from the start, as a shared link does; fails at the first that is not offered. */
export function replay(
  machine: GameMachine,
  options: readonly string[],
): Result<GameActor, { step: number; option: string }> {
  const actor = startGame(machine);
  for (const [step, option] of options.entries()) {
    if (!choose(actor, option)) {
      actor.stop();
      return err({ step, option });
    }
  }
  return ok(actor);
}
