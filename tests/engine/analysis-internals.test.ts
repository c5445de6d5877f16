/**
 * The analysis's two speed-ups agree with the plain versions: world codes (packed and interned)
 * with world.ts's own rules, and NumberIndex with a Map.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEffects, conditionsHold, type BoundEffect } from '../../src/engine/world.ts';
import { NumberIndex } from '../../src/engine/number-index.ts';
import { worldCodes, type CodedEffect } from '../../src/engine/world-codes.ts';

const names = ['a', 'b', 'c'];
const variables = fc.array(
  fc
    .record({ min: fc.integer({ min: -5, max: 5 }), span: fc.integer({ min: 1, max: 6 }), offset: fc.nat(6) })
    .map(({ min, span, offset }) => ({ min, max: min + span, initial: min + (offset % (span + 1)) })),
  { minLength: 1, maxLength: 3 },
);
const effectsOn = (count: number, fractional: boolean) =>
  fc.array(
    fc.record({
      variable: fc.nat(count - 1),
      change: fc.oneof(
        fc.record({ add: fractional ? fc.constantFrom(-1.5, -1, 0.5, 2) : fc.integer({ min: -4, max: 4 }) }),
        fc.record({ set: fc.integer({ min: -6, max: 12 }) }),
      ),
    }),
    { maxLength: 4 },
  );

describe('world codes', () => {
  it.each([false, true])(
    'apply effects and test conditions exactly as world.ts does (fractional effects: %s)',
    (fractional) => {
      fc.assert(
        fc.property(
          variables.chain((vars) =>
            fc.tuple(
              fc.constant(vars),
              fc.array(effectsOn(vars.length, fractional), { minLength: 1, maxLength: 5 }),
              fc.nat(vars.length - 1),
              fc.integer({ min: -6, max: 12 }),
            ),
          ),
          ([vars, steps, tested, threshold]) => {
            const coded = steps.map((step) =>
              step.map(({ variable, change }): CodedEffect => ({
                variable,
                set: 'set' in change ? change.set : undefined,
                add: 'add' in change ? change.add : 0,
                min: vars[variable]!.min,
                max: vars[variable]!.max,
              })),
            );
            const codes = worldCodes(vars, coded.flat(), 100);
            let code = codes.initial;
            let world: Record<string, number> = Object.fromEntries(vars.map((v, i) => [names[i]!, v.initial]));
            steps.forEach((step, s) => {
              const bound = step.map(({ variable, change }): BoundEffect => ({
                variable: names[variable]!,
                ...change,
                min: vars[variable]!.min,
                max: vars[variable]!.max,
              }));
              world = { ...applyEffects(world, bound) };
              code = codes.apply(code, coded[s]!);
              expect(codes.values(code)).toEqual(vars.map((_, i) => world[names[i]!]));
              const holds = codes.holds([{ variable: tested, atLeast: threshold, atMost: Infinity }], code);
              expect(holds).toBe(conditionsHold([{ variable: names[tested]!, atLeast: threshold }], world));
            });
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('give each distinct world its own code', () => {
    const codes = worldCodes(
      [
        { min: 0, max: 2, initial: 0 },
        { min: -1, max: 1, initial: 1 },
      ],
      [],
      10,
    );
    const seen = new Set<number>();
    for (let a = 0; a <= 2; a++) {
      for (let b = -1; b <= 1; b++) {
        const code = codes.apply(codes.initial, [
          { variable: 0, set: a, add: 0, min: 0, max: 2 },
          { variable: 1, set: b, add: 0, min: -1, max: 1 },
        ]);
        expect(codes.values(code)).toEqual([a, b]);
        seen.add(code);
      }
    }
    expect(seen.size).toBe(9);
  });
});

describe('NumberIndex', () => {
  it('answers like a Map, through growth and for keys up to 2^53', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.nat(50), fc.maxSafeNat()), fc.nat(1_000_000)), { maxLength: 3000 }),
        (entries) => {
          const index = new NumberIndex(4);
          const map = new Map<number, number>();
          for (const [key, value] of entries) {
            index.set(key, value);
            map.set(key, value);
          }
          for (const [key] of entries) expect(index.get(key)).toBe(map.get(key));
          expect(index.get(Number.MAX_SAFE_INTEGER - 7)).toBe(map.get(Number.MAX_SAFE_INTEGER - 7) ?? -1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
