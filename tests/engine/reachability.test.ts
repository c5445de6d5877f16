/** The branch map's reachability, read off the small bridge scenario: council -> traffic -> safe | costly. */
import { describe, expect, it } from 'vitest';
import { emptyProgress, recordChoice, recordEnding } from '../../src/engine/progress.ts';
import { exploredPoints, reachablePoints } from '../../src/engine/reachability.ts';
import { Rules } from '../../src/engine/rules.ts';
import { bridgeScenario } from './helpers/bridge.ts';
import { generatedBundle } from './helpers/load.ts';

const { scenario } = generatedBundle(bridgeScenario());
const rules = new Rules(scenario);

describe('reachable points', () => {
  it('knows only the start before any choice', () => {
    expect(reachablePoints(rules, [[]])).toEqual(new Map([['council', []]]));
  });

  it('gives each point on a path the choices before it, the ending included', () => {
    expect(reachablePoints(rules, [['repair', 'limit']])).toEqual(
      new Map([
        ['council', []],
        ['traffic', ['repair']],
        ['safe', ['repair', 'limit']],
      ]),
    );
  });

  it('keeps the first known way to a point and adds what later paths reach', () => {
    const reachable = reachablePoints(rules, [['wait'], ['repair', 'overspend']]);
    expect(reachable.get('traffic')).toEqual(['wait']);
    expect(reachable.get('costly')).toEqual(['repair', 'overspend']);
    expect(reachable.has('safe')).toBe(false);
  });

  it('ends a path at a choice the game would refuse there (its conditions do not hold)', () => {
    // After repairs the cost is 7, over the 5 that "spend" allows.
    expect(reachablePoints(rules, [['repair', 'spend']]).has('costly')).toBe(false);
  });

  it('stays where it is at an option the scenario does not have', () => {
    expect(reachablePoints(rules, [['no-such-option', 'limit']])).toEqual(new Map([['council', []]]));
  });
});

describe('explored points', () => {
  it('holds the start, every point chosen at and every ending found', () => {
    let progress = recordChoice(emptyProgress(), 'council', 'repair');
    progress = recordChoice(progress, 'traffic', 'spend');
    progress = recordEnding(progress, 'costly', ['repair', 'spend'], '2026-01-01T00:00:00Z');
    expect(exploredPoints(scenario, progress)).toEqual(new Set(['council', 'traffic', 'costly']));
    expect(exploredPoints(scenario, emptyProgress())).toEqual(new Set(['council']));
  });
});
