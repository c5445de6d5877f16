/**
 * Format 2 in the engine, on the fixture that uses every feature (format-2-bridge): conditions on
 * the path, the variant shown, routes, hidden variables kept off the meters, and the stage picture.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allHold, compileWhen, pathFacts, resolverFor } from '../../src/engine/conditions.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import { replay } from '../../src/engine/game-actor.ts';
import { applyDirections, emptyPicture, stageAt } from '../../src/engine/stage.ts';
import { ScenarioIndex, viewOf } from '../../src/engine/view.ts';
import { migrateFormat1, MIGRATIONS } from '../../src/scenario/migrations/index.ts';
import { ScenarioSchemaV1 } from '../../src/scenario/schema-v1.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
import { loadBundle, repoRoot } from './helpers/load.ts';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

const bundle = loadBundle(join(repoRoot, 'tests/fixtures/valid/format-2-bridge'));
const { scenario } = bundle;
const machine = compileScenario(scenario);
const index = new ScenarioIndex(bundle);
const play = (...options: string[]) => {
  const played = replay(machine, options);
  if (!played.ok) throw new Error(`not offered: ${played.error.option}`);
  return viewOf(index, played.value.getSnapshot());
};

describe('conditions', () => {
  const resolve = resolverFor(scenario);
  const holds = (when: Parameters<typeof compileWhen>[0], chosen: Array<[string, string]>, world = { cost: 2 }) =>
    allHold(
      compileWhen(when, resolve),
      pathFacts(
        world,
        chosen.map(([decision, option]) => ({ decision, option })),
      ),
    );

  it('read the choices made: chose, notChose, passed, notPassed, by bare or qualified name', () => {
    expect(holds([{ chose: 'repair' }], [['council', 'repair']])).toBe(true);
    expect(holds([{ chose: 'council/repair' }], [['council', 'wait']])).toBe(false);
    expect(holds([{ chose: ['repair', 'wait'] }], [['council', 'wait']])).toBe(true);
    expect(holds([{ notChose: 'wait' }], [['council', 'repair']])).toBe(true);
    expect(holds([{ notChose: ['repair', 'wait'] }], [['council', 'repair']])).toBe(false);
    expect(holds([{ passed: 'council' }], [])).toBe(false);
    expect(holds([{ passed: 'council' }], [['council', 'wait']])).toBe(true);
    expect(holds([{ notPassed: 'traffic' }], [['council', 'wait']])).toBe(true);
  });

  it('combine: all items of a when, and anyOf', () => {
    const when = [{ passed: 'council' }, { anyOf: [{ chose: 'wait' }, { variable: 'cost', atLeast: 5 }] }];
    expect(holds(when, [['council', 'repair']], { cost: 7 })).toBe(true);
    expect(holds(when, [['council', 'repair']], { cost: 2 })).toBe(false);
    expect(holds(when, [['council', 'wait']], { cost: 2 })).toBe(true);
    expect(holds(when, [], { cost: 9 })).toBe(false);
  });

  it('refuse an ambiguous or unknown name (validation reports it first)', () => {
    expect(() => compileWhen([{ chose: 'nothing' }], resolve)).toThrow(/no option "nothing"/);
  });
});

describe('variants, routes and hidden variables in the game', () => {
  it('shows the first situation variant that holds on the path, with its citations', () => {
    const afterRepair = play('repair');
    const afterWait = play('wait');
    expect(afterRepair.kind === 'decision' && afterRepair.situation).toBe(
      'Heavy lorries still cross while the repairs go on.',
    );
    expect(afterWait.kind === 'decision' && afterWait.situation).toBe('Heavy lorries still cross the old bridge.');
    expect(afterWait.kind === 'decision' && afterWait.citations.map((c) => c.quote)).toEqual([
      "The engineer's report said",
    ]);
  });

  it('shows outcome variants judged just after the choice, and routes by the path', () => {
    const safe = play('repair', 'limit');
    expect(safe.kind).toBe('ending');
    expect(safe.kind === 'ending' && safe.endingId).toBe('safe');
    expect(safe.path[1]!.outcome).toBe('Only light traffic crosses the mended bridge.');
    const waiting = play('wait', 'limit');
    expect(waiting.kind === 'ending' && waiting.endingId).toBe('waiting');
    expect(waiting.path[1]!.outcome).toBe('Only light traffic crosses.');
    expect(waiting.path[1]!.situation).toBe('Heavy lorries still cross the old bridge.');
  });

  it('picks the ending text by a hidden variable, and never shows that variable as a meter', () => {
    const banned = play('wait', 'limit');
    const open = play('wait', 'allow');
    expect(banned.kind === 'ending' && banned.text).toBe('The bridge waits for spring, closed to lorries.');
    expect(open.kind === 'ending' && open.text).toBe('The bridge waits for spring, and lorries still cross.');
    expect(banned.meters.map((m) => m.id)).toEqual(['cost']);
    expect(banned.path.flatMap((s) => s.changes.map((c) => c.id))).not.toContain('lorries-banned');
  });

  it('offers an option by anyOf over a variable and a choice', () => {
    const afterRepair = play('repair');
    expect(afterRepair.kind === 'decision' && afterRepair.options.map((o) => o.id)).toEqual(['limit', 'allow']);
  });

  it('compiles in constant size: the same two states whatever the scenario', () => {
    expect(Object.keys(machine.config.states ?? {})).toEqual(['playing', 'ended']);
  });
});

describe('the stage picture', () => {
  it('accumulates strikes, areas, ranges and stances along the path; highlights last one step', () => {
    const first = stageAt(index.rules, pathOf('repair'));
    expect(first.picture.highlights).toEqual(['bridge']);
    expect(first.picture.areas).toEqual([{ place: 'bridge', km: 2, label: 'Works', kind: 'contested', step: 0 }]);
    expect(first.directions).toHaveLength(2);
    const second = stageAt(index.rules, pathOf('repair', 'limit'));
    expect(second.picture.highlights).toEqual([]);
    expect(second.picture.strikes).toEqual([{ from: 'town', to: 'bridge', within: 'detour', step: 1 }]);
    expect(second.picture.ranges).toEqual(['detour']);
    expect(second.picture.areas).toHaveLength(1);
    // The fallback outcome of "limit" has no stage of its own and the option has none: nothing changes.
    const waited = stageAt(index.rules, pathOf('wait', 'limit'));
    expect(waited.picture.stances).toEqual([{ actor: 'council', is: 'hold', step: 0 }]);
    expect(waited.directions).toEqual([]);
    expect(play('repair', 'limit').stage).toEqual(second);
  });

  it('replaces an area at the same place and a stance for the same actor; hideRange removes', () => {
    let picture = applyDirections(
      emptyPicture(),
      [{ area: { place: 'a', km: 1, kind: 'held' } }, { showRange: 'r' }],
      0,
    );
    picture = applyDirections(picture, [{ stance: { actor: 'x', is: 'hold' } }], 1);
    picture = applyDirections(
      picture,
      [{ area: { place: 'a', km: 5, kind: 'front' } }, { stance: { actor: 'x', is: 'escalate' } }, { hideRange: 'r' }],
      2,
    );
    expect(picture.areas).toEqual([{ place: 'a', km: 5, kind: 'front', step: 2 }]);
    expect(picture.stances).toEqual([{ actor: 'x', is: 'escalate', step: 2 }]);
    expect(picture.ranges).toEqual([]);
  });
});

function pathOf(...options: string[]) {
  const played = replay(machine, options);
  if (!played.ok) throw new Error('not offered');
  return played.value.getSnapshot().context.path;
}

describe('migration 1: format 1 -> format 2', () => {
  const v1 = ScenarioSchemaV1.parse(
    parse(readFileSync(join(repoRoot, 'tests/fixtures/valid/two-decisions/scenario.yaml'), 'utf8')),
  );

  it('is numbered and named, and each migration starts where the previous ended', () => {
    expect(MIGRATIONS.map((m) => [m.id, m.name, m.from, m.to])).toEqual([[1, 'format-1-to-2', 1, 2]]);
  });

  it('gives a scenario the format-2 schema accepts, meaning the same, and leaves its input alone', () => {
    const before = structuredClone(v1);
    const migrated = migrateFormat1(v1);
    expect(migrated.format).toBe(2);
    expect(ScenarioSchema.parse(migrated)).toEqual(migrated);
    expect({ ...migrated, format: 1 }).toEqual(v1);
    expect(v1).toEqual(before);
  });
});
