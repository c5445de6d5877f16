/**
 * The analysis of this tree beside another tree's (for instance main, unpacked with `git archive`),
 * in one process: first it checks that both give the same Analysis and the same listed paths on the
 * bench scenario, the flagship, every fixture that validates and random scenarios of the property
 * tests, then it times both in turn on the bench scenario (CPU time: the machine is shared).
 *
 *   mkdir -p /tmp/base && git archive main src | tar -x -C /tmp/base
 *   ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx bench/analysis-in-turn.ts /tmp/base [runs]
 */
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadavg } from 'node:os';
import fc from 'fast-check';
import type * as analyze from '../src/engine/analyze.ts';
import { analyzeScenario, listPaths } from '../src/engine/analyze.ts';
import { checkScenario } from '../src/engine/check.ts';
import { readBeside, readBytes } from '../src/node/scenario-files.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { validScenario } from '../tests/engine/arbitraries.ts';
import { generatedBundle } from '../tests/engine/helpers/load.ts';
import { generateScenario } from './generate.ts';
import { measureInTurn } from './measure.ts';

const baseDir = process.argv[2];
if (!baseDir) throw new Error('Usage: tsx bench/analysis-in-turn.ts <directory holding the other tree> [runs]');
const runs = Number(process.argv[3] ?? 7);
const base = (await import(resolve(baseDir, 'src/engine/analyze.ts'))) as typeof analyze;

let compared = 0;
const same = (name: string, scenario: Scenario) => {
  const ours = analyzeScenario(scenario);
  const theirs = base.analyzeScenario(scenario);
  if (!isDeepStrictEqual(ours, theirs)) throw new Error(`The analyses differ on ${name}`);
  for (const limit of [1, 7, 1000])
    if (!isDeepStrictEqual(listPaths(scenario, limit), base.listPaths(scenario, limit)))
      throw new Error(`The listed paths differ on ${name} (limit ${limit})`);
  compared++;
};
const checked = (file: string) => {
  const result = checkScenario(file, readBytes(file), readBeside(file));
  return result.bundle?.scenario;
};

const flagship = checked('scenarios/atacms-2024/scenario.yaml')!;
same('the flagship', flagship);
for (const kind of ['valid', 'invalid']) {
  const dir = join('tests/fixtures', kind);
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'scenario.yaml');
    if (!existsSync(file)) continue;
    const scenario = (() => {
      try {
        return checked(file);
      } catch {
        return undefined;
      }
    })();
    if (scenario) same(file, scenario);
  }
}
fc.assert(
  fc.property(validScenario, (generated) => same('a random scenario', generatedBundle(generated).scenario)),
  { numRuns: 300, seed: 1 },
);
for (const decisions of [200, 2000])
  same(`the bench scenario of ${decisions}`, generateScenario({ seed: 7, decisions }).scenario);
// Validated from its YAML text, as the bench and the game see it.
const generated = generateScenario();
const bench = checkScenario(
  'bench/generated/scenario.yaml',
  generated.yaml,
  (path) => (path === generated.sourceFile ? generated.sourceText : undefined),
  { maxBytes: Infinity },
).bundle!.scenario;
same('the bench scenario', bench);
console.log(`Same analysis and listed paths on ${compared} scenarios.`);

const loadBefore = loadavg()[0]!.toFixed(2);
const timing = measureInTurn(runs, { base: () => base.analyzeScenario(bench), ours: () => analyzeScenario(bench) }, 2);
const line = (name: 'base' | 'ours') =>
  `${name}: ${timing[name].cpuMs.toFixed(1)} ms CPU, ${timing[name].ms.toFixed(1)} ms wall`;
console.log(
  `Bench scenario, medians of ${runs} runs in turn (load average ${loadBefore} before, ${loadavg()[0]!.toFixed(2)} after)`,
);
console.log(`${line('base')}\n${line('ours')}`);
console.log(
  `ratio base/ours: ${(timing.base.cpuMs / timing.ours.cpuMs).toFixed(2)}x CPU, ${(timing.base.ms / timing.ours.ms).toFixed(2)}x wall`,
);
