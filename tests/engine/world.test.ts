/** World state: initial values, conditions, and effects applied in order and clamped to each variable's range. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEffects, bindEffects, conditionsHold, initialWorld, type BoundEffect } from '../../src/engine/world.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { bridgeScenario } from './helpers/bridge.ts';
import { generatedBundle } from './helpers/load.ts';
import { worldAfterChoosing } from './helpers/reference.ts';

const scenario = generatedBundle(bridgeScenario()).scenario;
const cost = (effect: { add?: number; set?: number }): BoundEffect => ({
  variable: 'cost',
  ...effect,
  min: 0,
  max: 10,
});

describe('initialWorld', () => {
  it('holds every variable at its initial value', () => {
    expect(initialWorld(scenario)).toEqual({ cost: 2, trust: 3 });
  });

  it('is empty for a scenario without variables', () => {
    expect(initialWorld({ ...scenario, variables: [] })).toEqual({});
  });
});

describe('bindEffects', () => {
  it('gives each effect its variable’s range', () => {
    expect(
      bindEffects(scenario, [
        { variable: 'trust', add: -2 },
        { variable: 'cost', set: 4 },
      ]),
    ).toEqual([
      { variable: 'trust', add: -2, min: 0, max: 3 },
      { variable: 'cost', set: 4, min: 0, max: 10 },
    ]);
    expect(bindEffects(scenario)).toEqual([]);
  });

  it('refuses an unknown variable loudly: the scenario was not validated', () => {
    expect(() => bindEffects(scenario, [{ variable: 'ghost', add: 1 }])).toThrow(/ghost/);
  });
});

describe('conditionsHold', () => {
  const world = { cost: 5, trust: 1 };

  it('holds when there are no conditions', () => {
    expect(conditionsHold(undefined, world)).toBe(true);
  });

  it('includes both bounds', () => {
    expect(conditionsHold([{ variable: 'cost', atLeast: 5 }], world)).toBe(true);
    expect(conditionsHold([{ variable: 'cost', atLeast: 6 }], world)).toBe(false);
    expect(conditionsHold([{ variable: 'cost', atMost: 5 }], world)).toBe(true);
    expect(conditionsHold([{ variable: 'cost', atMost: 4 }], world)).toBe(false);
    expect(conditionsHold([{ variable: 'cost', atLeast: 5, atMost: 5 }], world)).toBe(true);
    expect(conditionsHold([{ variable: 'cost', atLeast: 3, atMost: 4 }], world)).toBe(false);
  });

  it('needs every condition to hold', () => {
    expect(
      conditionsHold(
        [
          { variable: 'cost', atLeast: 1 },
          { variable: 'trust', atLeast: 1 },
        ],
        world,
      ),
    ).toBe(true);
    expect(
      conditionsHold(
        [
          { variable: 'cost', atLeast: 1 },
          { variable: 'trust', atLeast: 2 },
        ],
        world,
      ),
    ).toBe(false);
  });
});

describe('applyEffects', () => {
  it('adds and sets', () => {
    expect(applyEffects({ cost: 2 }, [cost({ add: 3 })])).toEqual({ cost: 5 });
    expect(applyEffects({ cost: 2 }, [cost({ add: -2 })])).toEqual({ cost: 0 });
    expect(applyEffects({ cost: 2 }, [cost({ set: 9 })])).toEqual({ cost: 9 });
  });

  it('clamps to the range', () => {
    expect(applyEffects({ cost: 8 }, [cost({ add: 5 })])).toEqual({ cost: 10 });
    expect(applyEffects({ cost: 2 }, [cost({ add: -5 })])).toEqual({ cost: 0 });
  });

  it('applies effects in order, clamping after each one', () => {
    // 8 + 5 is clamped to 10 before 4 is taken away: 6, not 9.
    expect(applyEffects({ cost: 8 }, [cost({ add: 5 }), cost({ add: -4 })])).toEqual({ cost: 6 });
    expect(applyEffects({ cost: 8 }, [cost({ set: 1 }), cost({ add: 2 })])).toEqual({ cost: 3 });
  });

  it('leaves the other variables and the given world untouched', () => {
    const before = { cost: 2, trust: 1 };
    const after = applyEffects(before, [cost({ add: 1 })]);
    expect(after).toEqual({ cost: 3, trust: 1 });
    expect(before).toEqual({ cost: 2, trust: 1 });
  });

  it('returns the same world when there is nothing to apply, and works on a frozen world', () => {
    const world = Object.freeze({ cost: 2 });
    expect(applyEffects(world, [])).toBe(world);
    expect(applyEffects(world, [cost({ add: 1 })])).toEqual({ cost: 3 });
  });

  it('always stays within range and agrees with the file read directly', () => {
    const variable = fc.record({ min: fc.integer({ min: -20, max: 20 }), span: fc.integer({ min: 1, max: 30 }) });
    const setup = variable.chain(({ min, span }) =>
      fc.record({
        min: fc.constant(min),
        max: fc.constant(min + span),
        initial: fc.integer({ min, max: min + span }),
        effects: fc.array(
          fc.oneof(
            fc.record({ add: fc.integer({ min: -span, max: span }) }),
            fc.record({ set: fc.integer({ min, max: min + span }) }),
          ),
          { maxLength: 5 },
        ),
      }),
    );
    fc.assert(
      fc.property(setup, ({ min, max, initial, effects }) => {
        const single = { ...scenario, variables: [{ id: 'v', label: 'V', min, max, initial }] } satisfies Scenario;
        const option = {
          ...scenario.decisions[0]!.options[0]!,
          effects: effects.map((e) => ({ variable: 'v', ...e })),
        };
        const after = applyEffects({ v: initial }, bindEffects(single, option.effects));
        expect(after.v).toBeGreaterThanOrEqual(min);
        expect(after.v).toBeLessThanOrEqual(max);
        expect(after).toEqual(worldAfterChoosing(single, { v: initial }, option));
      }),
      { numRuns: 300 },
    );
  });
});
