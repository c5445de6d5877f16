/** The bench's generated scenario (bench/generate.ts) and its baselines: valid, deterministic, and equivalent. */
import { Compiler } from 'inkjs/full';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bareMachine } from '../../bench/bare-machine.ts';
import { generateScenario, type GeneratorOptions } from '../../bench/generate.ts';
import { inkStory } from '../../bench/ink-story.ts';
import { verifyInk, verifyMachine } from '../../bench/players.ts';
import { randomPlaythroughs } from '../../bench/playthroughs.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import { checkScenario } from '../../src/engine/check.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostic.ts';

const sizes = [
  { decisions: 2, seed: 1 },
  { decisions: 40, seed: 7 },
  { decisions: 300, seed: 20_241_117 },
];

const check = (options: GeneratorOptions) => {
  const generated = generateScenario(options);
  return checkScenario('scenario.yaml', generated.yaml, (path) =>
    path === generated.sourceFile ? generated.sourceText : undefined,
  );
};

describe('the bench scenario generator', () => {
  it.each(sizes.slice(1))(
    'makes a scenario of $decisions decision points that passes the full check without a single diagnostic',
    (options) => {
      const result = check(options);
      expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
      expect(result.bundle?.scenario.decisions).toHaveLength(options.decisions);
    },
  );

  it('still makes a valid scenario at the smallest size (too small to use every actor and ending)', () => {
    expect(check(sizes[0]!).bundle?.scenario.decisions).toHaveLength(2);
  });

  it('writes YAML that reads back as exactly the scenario it made', () => {
    const { yaml, scenario } = generateScenario(sizes[2]!);
    expect(parse(yaml)).toEqual(JSON.parse(JSON.stringify(scenario)));
  });

  it('is deterministic: the same options give the same text', () => {
    expect(generateScenario(sizes[1]!).yaml).toBe(generateScenario(sizes[1]!).yaml);
    expect(generateScenario(sizes[1]!).yaml).not.toBe(generateScenario({ ...sizes[1]!, seed: 8 }).yaml);
  });

  it('branches, merges, and uses variables in effects and conditions', () => {
    const { scenario } = generateScenario(sizes[2]!);
    const options = scenario.decisions.flatMap((d) => d.options);
    expect(scenario.decisions.every((d) => d.options.length >= 2 && d.options.length <= 4)).toBe(true);
    const ways = new Map<string, number>();
    for (const option of options) ways.set(String(option.next), (ways.get(String(option.next)) ?? 0) + 1);
    expect([...ways.values()].some((n) => n > 1)).toBe(true);
    expect(options.some((o) => o.effects?.some((e) => e.add !== undefined))).toBe(true);
    expect(options.some((o) => o.when)).toBe(true);
    expect(scenario.endings.length).toBeGreaterThan(1);
  });
});

describe('the bench baselines', () => {
  const { scenario } = generateScenario(sizes[1]!);
  const plays = randomPlaythroughs(scenario, 2_000, 3);

  it('replay the same random choices through the compiled machine and the bare XState machine', () => {
    expect(plays.playthroughs).toBeGreaterThan(10);
    expect(() => verifyMachine(compileScenario(scenario), plays, 'compiled')).not.toThrow();
    expect(() => verifyMachine(bareMachine(scenario), plays, 'bare')).not.toThrow();
  });

  it('give inkjs a story that offers the same options, under the same conditions, to the same endings', () => {
    const story = new Compiler(inkStory(scenario)).Compile();
    expect(() => verifyInk(story, plays, scenario)).not.toThrow();
  });
});
