/**
 * True on every path: every path of the flagship is played through the compiled machine, and every
 * text shown on it (situation, outcome, ending: the variant the engine picked) is held to the facts
 * it presumes, as tests/flagship-facts.ts states them from the options chosen before it. The table
 * does not read the scenario's own `when` conditions, so a wrong condition shows up here.
 */
import { describe, expect, it } from 'vitest';
import { falsePresumptions, PRESUMES } from './flagship-facts.ts';
import { allReasons, allVariants, everyPlayedPath, type PlayedPath } from './flagship-paths.ts';

/** Everything a student reads on a path: the texts, and the reasons beside the meters' changes. */
const everythingRead = (path: PlayedPath) => [...path.shown, ...path.reasons];

describe('the flagship is true on every path', () => {
  const paths = everyPlayedPath();

  it('has a number of paths a test can play (and a student can explore)', () => {
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.length).toBeLessThan(2000);
  });

  it('states the facts presumed by every text variant and every reason, and no others', () => {
    const keys = [...allVariants.keys(), ...allReasons.keys()];
    expect(keys.filter((key) => !(key in PRESUMES))).toEqual([]);
    expect(Object.keys(PRESUMES).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('gives every change to a visible meter a reason of its own, shown beside the change', () => {
    expect([...allReasons].filter(([, r]) => !r.text?.trim()).map(([key]) => key)).toEqual([]);
    const problems: string[] = [];
    for (const path of paths)
      for (const shown of path.reasons)
        if (shown.text !== allReasons.get(shown.key)?.text)
          problems.push(`${shown.key} after ${shown.chosen.join(' > ')}: shows "${shown.text.slice(0, 60)}"`);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('holds every reason to the facts it presumes on every path that reaches its option, whether or not the meter moves there', () => {
    const problems: string[] = [];
    for (const path of paths)
      path.options.forEach((option, k) => {
        const chosen = new Set(path.options.slice(0, k + 1));
        for (const [key, reason] of allReasons) {
          if (reason.option !== option) continue;
          const wrong = falsePresumptions(key, chosen);
          if (wrong.length > 0)
            problems.push(`${key} after ${[...chosen].join(' > ')}: not true that ${wrong.join('; ')}`);
        }
      });
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('shows every text variant on some path', () => {
    const shown = new Set(paths.flatMap((p) => p.shown.map((s) => s.key)));
    expect([...allVariants.keys()].filter((key) => !shown.has(key))).toEqual([]);
  });

  it('never shows a text whose presumed facts do not hold on the path that reaches it', () => {
    const problems: string[] = [];
    for (const path of paths)
      for (const shown of everythingRead(path)) {
        const wrong = falsePresumptions(shown.key, new Set(shown.chosen));
        if (wrong.length > 0)
          problems.push(`${shown.key} after ${shown.chosen.join(' > ')}: not true that ${wrong.join('; ')}`);
      }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('never speaks of strikes inside Russia, or of the decision to allow them, where Washington kept the restriction', () => {
    const problems: string[] = [];
    for (const path of paths.filter((p) => p.options[0] === 'keep-restriction'))
      for (const shown of everythingRead(path)) {
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
      for (const shown of everythingRead(path)) {
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
