/**
 * The compiled machine does what the scenario file says. For every path through the file (read
 * directly, see helpers/reference.ts), the machine is walked one choice at a time and at each step
 * its state, the options it accepts, the options the view offers and the world state are compared
 * with the file: option.next, the option's conditions, and its effects clamped to each range.
 */
import { basename } from 'node:path';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileScenario, machineConfig } from '../../src/engine/compile.ts';
import { ScenarioIndex, viewOf } from '../../src/engine/view.ts';
import type { ScenarioBundle } from '../../src/scenario/validate.ts';
import { validScenario } from './arbitraries.ts';
import { bridgeScenario } from './helpers/bridge.ts';
import {
  checkFolder,
  generatedBundle,
  loadBundle,
  publishedScenarioFolders,
  validFixtureFolders,
} from './helpers/load.ts';
import { everyPathInFile } from './helpers/reference.ts';
import { stepsToWalk, walkEveryPath } from './helpers/walk.ts';

/**
 * The machine is constant-size (compile.ts): its plain-JSON configuration starts at the file's
 * start, and the rules it looks decision points up in hold, for every decision point, exactly the
 * file's options in order with their routes (a plain `next` is one route).
 */
function expectConfigMatchesFile({ scenario }: ScenarioBundle): void {
  const config = machineConfig(scenario);
  expect(JSON.parse(JSON.stringify(config)), 'the configuration is plain JSON').toEqual(config);
  expect(config.context.at).toBe(scenario.start);
  expect(Object.keys(config.states)).toEqual(['playing', 'ended']);
  expect(config.states.ended).toEqual({ type: 'final' });
  const { rules } = compileScenario(scenario);
  for (const decision of scenario.decisions) {
    const compiled = rules.decision(decision.id)!;
    expect(compiled.options.map((o) => o.id)).toEqual(decision.options.map((o) => o.id));
    expect(compiled.options.map((o) => o.routes.map((r) => r.to))).toEqual(
      decision.options.map((o) => (typeof o.next === 'string' ? [o.next] : o.next.map((r) => r.to))),
    );
  }
  for (const ending of scenario.endings) expect(rules.isEnding(ending.id)).toBe(true);
  for (const decision of scenario.decisions) expect(rules.isEnding(decision.id)).toBe(false);
}

function expectEveryPathMatchesFile(bundle: ScenarioBundle): number {
  const { scenario } = bundle;
  const machine = compileScenario(scenario);
  const index = new ScenarioIndex(bundle);
  const maxSteps = stepsToWalk(scenario);
  const fromFile = everyPathInFile(scenario, maxSteps);
  const throughMachine = walkEveryPath(machine, scenario, maxSteps);
  const names = (paths: string[][]) => paths.map((p) => p.join(' > ')).sort();
  expect(names(throughMachine.map((p) => p.options)), 'the machine allows exactly the paths of the file').toEqual(
    names(fromFile.map((p) => p.steps.map((s) => s.option))),
  );

  for (const path of fromFile) {
    const actor = createActor(machine).start();
    path.steps.forEach((step, i) => {
      const where = `${path.steps.map((s) => s.option).join(' > ')}, step ${i}`;
      const before = actor.getSnapshot();
      expect(before.context.at, where).toBe(step.decision);
      expect(before.context.world, where).toEqual(step.worldBefore);
      const view = viewOf(index, before);
      expect(view.kind === 'decision' && view.options.map((o) => o.id), where).toEqual(step.offered);
      const decision = scenario.decisions.find((d) => d.id === step.decision)!;
      const accepted = decision.options.filter((o) => before.can({ type: 'CHOOSE', option: o.id })).map((o) => o.id);
      expect(accepted, where).toEqual(step.offered);

      actor.send({ type: 'CHOOSE', option: step.option });
      const after = actor.getSnapshot();
      expect(after.context.at, where).toBe(step.next);
      expect(after.context.world, where).toEqual(step.worldAfter);
      expect(after.context.path.length, where).toBe(i + 1);
      expect(after.context.path[i], where).toEqual({
        decision: step.decision,
        option: step.option,
        world: step.worldAfter,
      });
    });
    const end = actor.getSnapshot();
    if (path.ending === undefined) {
      // Cut off inside a loop: still at a decision point.
      expect(end.status).toBe('active');
      expect(viewOf(index, end)).toMatchObject({ kind: 'decision', decisionId: path.steps.at(-1)!.next });
    } else {
      expect(end.status).toBe('done');
      expect(end.context.at).toBe(path.ending);
      expect(viewOf(index, end)).toMatchObject({ kind: 'ending', endingId: path.ending });
    }
    actor.stop();
  }
  return fromFile.length;
}

describe.each(validFixtureFolders().map((folder) => [basename(folder), folder]))('fixture %s', (_, folder) => {
  const bundle = loadBundle(folder);
  it('compiles to the constant machine, with rules holding every option and route of the file', () =>
    expectConfigMatchesFile(bundle));
  it('walks every path exactly as the file says', () => expect(expectEveryPathMatchesFile(bundle)).toBeGreaterThan(0));
});

describe.each(publishedScenarioFolders().map((folder) => [basename(folder), folder]))('scenario %s', (_, folder) => {
  // A published scenario may still be being written; its own validation is tested elsewhere.
  const { bundle } = checkFolder(folder);
  it.skipIf(!bundle)('compiles to the constant machine, with rules holding every option and route of the file', () =>
    expectConfigMatchesFile(bundle!),
  );
  it.skipIf(!bundle)('walks every path exactly as the file says', () =>
    expect(expectEveryPathMatchesFile(bundle!)).toBeGreaterThan(0),
  );
});

describe('a scenario with a loop nothing bounds', () => {
  it('walks every path, cut off after a number of choices, exactly as the file says', () => {
    const generated = bridgeScenario();
    const traffic = generated.document.decisions[1]!;
    traffic.options.push({ ...traffic.options[0]!, id: 'ask-again', label: 'Ask the engineer again', next: 'traffic' });
    const bundle = generatedBundle(generated);
    expectConfigMatchesFile(bundle);
    expect(expectEveryPathMatchesFile(bundle)).toBeGreaterThan(10);
  });
});

describe('random valid scenarios', () => {
  it('walk every path exactly as the file says', () => {
    fc.assert(
      fc.property(validScenario, (generated) => {
        const bundle = generatedBundle(generated);
        expectConfigMatchesFile(bundle);
        expectEveryPathMatchesFile(bundle);
      }),
      { numRuns: 20 },
    );
  });
});
