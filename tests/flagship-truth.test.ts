/**
 * True on every path: every path of the flagship is played through the compiled machine, and every
 * text shown on it (situation, outcome, ending: the variant the engine picked) is held to the facts
 * it presumes, as tests/flagship-facts.ts states them from the options chosen before it. The table
 * does not read the scenario's own `when` conditions, so a wrong condition shows up here.
 */
import { describe, expect, it } from 'vitest';
import { falsePresumptions, PRESUMES } from './flagship-facts.ts';
import { allVariants, everyPlayedPath } from './flagship-paths.ts';

describe('the flagship is true on every path', () => {
  const paths = everyPlayedPath();

  it('has a number of paths a test can play (and a student can explore)', () => {
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.length).toBeLessThan(2000);
  });

  it('states the facts presumed by every text variant, and no others', () => {
    expect([...allVariants.keys()].filter((key) => !(key in PRESUMES))).toEqual([]);
    expect(Object.keys(PRESUMES).filter((key) => !allVariants.has(key))).toEqual([]);
  });

  it('shows every text variant on some path', () => {
    const shown = new Set(paths.flatMap((p) => p.shown.map((s) => s.key)));
    expect([...allVariants.keys()].filter((key) => !shown.has(key))).toEqual([]);
  });

  it('never shows a text whose presumed facts do not hold on the path that reaches it', () => {
    const problems: string[] = [];
    for (const path of paths)
      for (const shown of path.shown) {
        const wrong = falsePresumptions(shown.key, new Set(shown.chosen));
        if (wrong.length > 0)
          problems.push(`${shown.key} after ${shown.chosen.join(' > ')}: not true that ${wrong.join('; ')}`);
      }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('never speaks of strikes inside Russia, or of the decision to allow them, where Washington kept the restriction', () => {
    const problems: string[] = [];
    for (const path of paths.filter((p) => p.options[0] === 'keep-restriction'))
      for (const shown of path.shown) {
        const text = shown.text.replace(/\s+/g, ' ');
        if (
          /\bthe (US )?decision\b|Ukraine's (strikes|use of the missiles)|strikes inside Russia,? Ukraine made/i.test(
            text,
          )
        )
          problems.push(`${shown.key} after ${shown.chosen.join(' > ')}: "${text.slice(0, 80)}…"`);
      }
    expect(problems).toEqual([]);
  });

  it("never speaks of Ukraine's strikes inside Russia on a path where none were made", () => {
    const problems: string[] = [];
    for (const path of paths)
      for (const shown of path.shown) {
        if (shown.chosen.includes('kursk-defensive') || shown.chosen.includes('deeper-strikes')) continue;
        const text = shown.text.replace(/\s+/g, ' ');
        if (
          /Ukraine's (strikes|use of the missiles)|Ukraine (has )?(struck|hit) (military )?(targets|sites)? ?(in|inside|deep)/i.test(
            text,
          )
        )
          problems.push(`${shown.key} after ${shown.chosen.join(' > ')}: "${text.slice(0, 80)}…"`);
      }
    expect(problems).toEqual([]);
  });
});
