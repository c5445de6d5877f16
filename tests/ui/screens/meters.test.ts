// @vitest-environment happy-dom
/**
 * Meters in one place, each with the last choice's change and why: the effect's reason where the
 * scenario gives one, else the choice's outcome. Hidden variables never show.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/engine/compile.ts';
import { choose, startGame } from '../../../src/engine/game-actor.ts';
import { ScenarioIndex, viewOf } from '../../../src/engine/view.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { meterList } from '../../../src/ui/parts/meters.ts';
import { textOf } from './axe.ts';
import { decisionAfter, tinyBundle, tinyScenario } from './fakes.ts';

/** The tiny scenario with its one effect's reason taken away and a hidden variable that the same option moves. */
function withoutReason(): Scenario {
  const scenario = structuredClone(tinyScenario) as Scenario;
  const option = scenario.decisions[0]!.options.find((o) => o.id === 'shorten')!;
  option.effects = [
    { variable: 'cost', add: 2 },
    { variable: 'secret', add: 1 },
  ];
  scenario.variables.push({ id: 'secret', label: 'Secret', min: 0, max: 5, initial: 0, hidden: true });
  return scenario;
}

describe('meters with their reasons', () => {
  it('give the effect’s reason beside the change', () => {
    const cost = decisionAfter('shorten').meters.find((m) => m.id === 'cost')!;
    expect(cost).toMatchObject({ change: 2, reason: 'the valley road needs more fuel' });
    const list = meterList(decisionAfter('shorten').meters)!;
    expect([...list.querySelectorAll('.meter-reason')].map(textOf)).toEqual(['+2: the valley road needs more fuel']);
  });

  it('fall back to the choice’s outcome, and never show a hidden variable', () => {
    const scenario = withoutReason();
    const index = new ScenarioIndex({ ...tinyBundle, scenario });
    const actor = startGame(compileScenario(scenario));
    expect(choose(actor, 'shorten')).toBeTruthy();
    const view = viewOf(index, actor.getSnapshot());
    actor.stop();
    expect(view.meters.map((m) => m.id)).not.toContain('secret');
    expect(view.meters.find((m) => m.id === 'cost')).toMatchObject({
      change: 2,
      reason: 'The bus takes the valley road.',
    });
    const list = meterList(view.meters)!;
    expect(textOf(list)).not.toContain('Secret');
  });

  it('show no change or reason at the start, or where asked not to', () => {
    const start = decisionAfter().meters;
    expect(start.every((m) => m.change === 0 && m.reason === undefined)).toBe(true);
    expect(
      meterList(decisionAfter('shorten').meters, 'Final state', { showChange: false })!.querySelector('.meter-reason'),
    ).toBeNull();
  });
});
