/**
 * Save games and shared links: a persisted snapshot, through JSON and back, carries on exactly as if
 * the game had never stopped; replaying a list of option ids is the same as choosing them; and a
 * replay that names an option not offered fails at that step.
 */
import { basename } from 'node:path';
import fc from 'fast-check';
import type { Snapshot } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import { compileScenario, type GameMachine } from '../../src/engine/compile.ts';
import { choose, replay, startGame } from '../../src/engine/game-actor.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { ScenarioBundle } from '../../src/scenario/validate.ts';
import { validScenario } from './arbitraries.ts';
import {
  checkFolder,
  generatedBundle,
  loadBundle,
  publishedScenarioFolders,
  validFixtureFolders,
} from './helpers/load.ts';
import { stepsToWalk, walkEveryPath } from './helpers/walk.ts';

/** What must survive a save: where the game stands, whether it is over, the world and the path. */
const essentials = (actor: ReturnType<typeof startGame>) => {
  const { value, status, context } = actor.getSnapshot();
  return { value, status, context };
};

function playThrough(machine: GameMachine, options: readonly string[]) {
  const actor = startGame(machine);
  for (const option of options) expect(choose(actor, option), `choosing ${option}`).toBe(true);
  return actor;
}

function everyPath(bundle: ScenarioBundle): string[][] {
  return walkEveryPath(compileScenario(bundle.scenario), bundle.scenario, stepsToWalk(bundle.scenario)).map(
    (p) => p.options,
  );
}

function expectSavesCarryOn({ scenario }: ScenarioBundle, paths: string[][]): void {
  const machine = compileScenario(scenario);
  for (const options of paths) {
    const uninterrupted = playThrough(machine, options);
    for (let stop = 0; stop <= options.length; stop++) {
      const where = `${options.join(' > ')}, saved after ${stop} choices`;
      const first = playThrough(machine, options.slice(0, stop));
      const saved = JSON.stringify(first.getPersistedSnapshot());
      const atSave = essentials(first);
      first.stop();

      const restored = startGame(machine, JSON.parse(saved) as Snapshot<unknown>);
      expect(essentials(restored), where).toEqual(atSave);
      for (const option of options.slice(stop))
        expect(choose(restored, option), `${where}: choosing ${option}`).toBe(true);
      expect(essentials(restored), where).toEqual(essentials(uninterrupted));
      expect(JSON.stringify(restored.getPersistedSnapshot()), where).toBe(
        JSON.stringify(uninterrupted.getPersistedSnapshot()),
      );
      restored.stop();
    }
    uninterrupted.stop();
  }
}

function expectReplaysMatch({ scenario }: ScenarioBundle, paths: string[][]): void {
  const machine = compileScenario(scenario);
  for (const options of paths) {
    const replayed = replay(machine, options);
    if (!replayed.ok) throw new Error(`replay of ${options.join(' > ')} failed at step ${replayed.error.step}`);
    const chosen = playThrough(machine, options);
    expect(essentials(replayed.value)).toEqual(essentials(chosen));
    const ended = chosen.getSnapshot().status === 'done';
    replayed.value.stop();
    chosen.stop();

    options.forEach((_, step) => {
      const wrong = optionNotOffered(scenario, machine, options.slice(0, step));
      expect(replay(machine, [...options.slice(0, step), wrong, ...options.slice(step + 1)])).toEqual({
        ok: false,
        error: { step, option: wrong },
      });
    });
    // Nothing can be chosen once an ending is reached.
    if (ended)
      expect(replay(machine, [...options, options[0]!])).toEqual({
        ok: false,
        error: { step: options.length, option: options[0] },
      });
  }
}

/** An option of the decision reached by `prefix` that is not offered there, or an id no option has. */
function optionNotOffered(scenario: Scenario, machine: GameMachine, prefix: string[]): string {
  const actor = playThrough(machine, prefix);
  const snapshot = actor.getSnapshot();
  actor.stop();
  const decision = scenario.decisions.find((d) => d.id === snapshot.context.at)!;
  return decision.options.find((o) => !snapshot.can({ type: 'CHOOSE', option: o.id }))?.id ?? 'no-such-option';
}

const folders = [
  ...validFixtureFolders().map((folder): [string, ScenarioBundle | undefined] => [
    `fixture ${basename(folder)}`,
    loadBundle(folder),
  ]),
  // A published scenario may still be being written; its own validation is tested elsewhere.
  ...publishedScenarioFolders().map((folder): [string, ScenarioBundle | undefined] => [
    `scenario ${basename(folder)}`,
    checkFolder(folder).bundle,
  ]),
];

describe.each(folders)('%s', (_, bundle) => {
  it.skipIf(!bundle)('restores a save made at any step of any path and carries on as if never stopped', () => {
    const paths = everyPath(bundle!);
    expect(paths.length).toBeGreaterThan(0);
    expectSavesCarryOn(bundle!, paths);
  });
  it.skipIf(!bundle)('replays every path like choosing it, and fails at the step of an option not offered', () => {
    expectReplaysMatch(bundle!, everyPath(bundle!));
  });
});

describe('random valid scenarios', () => {
  it('restore saves and replay paths exactly', () => {
    fc.assert(
      fc.property(validScenario, (generated) => {
        const bundle = generatedBundle(generated);
        const paths = everyPath(bundle);
        expectSavesCarryOn(bundle, paths);
        expectReplaysMatch(bundle, paths);
      }),
      { numRuns: 12 },
    );
  });
});

describe('choose', () => {
  it('refuses an option not offered and leaves the game as it was', () => {
    const bundle = loadBundle(validFixtureFolders()[0]!);
    const actor = startGame(compileScenario(bundle.scenario));
    const before = actor.getSnapshot();
    expect(choose(actor, 'no-such-option')).toBe(false);
    expect(actor.getSnapshot()).toBe(before);
    actor.stop();
  });

  it('refuses any choice once an ending is reached, quietly, and a restored ended game stays ended', () => {
    const bundle = loadBundle(validFixtureFolders()[0]!);
    const machine = compileScenario(bundle.scenario);
    const [options] = everyPath(bundle);
    const actor = playThrough(machine, options!);
    const ended = actor.getSnapshot();
    expect(ended.status).toBe('done');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(choose(actor, options![0]!)).toBe(false);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    expect(actor.getSnapshot()).toBe(ended);
    const restored = startGame(machine, JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as Snapshot<unknown>);
    expect(essentials(restored)).toEqual(essentials(actor));
    expect(choose(restored, options![0]!)).toBe(false);
  });
});
