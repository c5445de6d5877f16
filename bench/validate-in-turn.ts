/**
 * Validation in this tree beside another tree's (for instance main, unpacked with `git archive`),
 * in one process: first it checks that both give the same result (the validated scenario, key
 * order included, the diagnostics and the format) on the bench scenario, the flagship, every
 * fixture, random valid scenarios and random corruptions of them, then it times validateParsed in
 * turn on the bench scenario. `--quick` compares on fewer random scenarios; `--fresh` times each run on
 * a freshly parsed copy of the file, as the CLI sees it, instead of one parse validated again and
 * again as bench/engine.ts does.
 *
 *   mkdir -p /tmp/base && git archive main src | tar -x -C /tmp/base
 *   ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx bench/validate-in-turn.ts /tmp/base [runs] [--quick] [--fresh]
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadavg } from 'node:os';
import fc from 'fast-check';
import type * as validate from '../src/scenario/validate.ts';
import type * as parse from '../src/scenario/parse.ts';
import { validateScenario, validateParsed, type ReadFile } from '../src/scenario/validate.ts';
import { parseScenarioText } from '../src/scenario/parse.ts';
import { readBeside, readBytes } from '../src/node/scenario-files.ts';
import { toYaml, validScenario } from '../tests/engine/arbitraries.ts';
import { corruptedScenario } from '../tests/engine/corruptions.ts';
import { generateScenario } from './generate.ts';
import { median, time } from './measure.ts';

const baseDir = process.argv[2];
if (!baseDir) throw new Error('Usage: tsx bench/validate-in-turn.ts <directory holding the other tree> [runs]');
const runs = Number(process.argv.slice(3).find((arg) => !arg.startsWith('--')) ?? 7);
const base = (await import(resolve(baseDir, 'src/scenario/validate.ts'))) as typeof validate;
const baseParse = (await import(resolve(baseDir, 'src/scenario/parse.ts'))) as typeof parse;

/** The result without the parsed file (its functions differ by tree); JSON keeps key order, which deep equality ignores. */
const essence = (result: validate.ValidationResult) => ({
  bundle: result.bundle,
  diagnostics: result.diagnostics,
  writtenIn: result.writtenIn,
});
let compared = 0;
const same = (name: string, content: string | Uint8Array, readFile: ReadFile, maxBytes?: number) => {
  const limits = maxBytes ? { maxBytes } : undefined;
  const ours = essence(validateScenario('scenario.yaml', content, readFile, limits));
  const theirs = essence(base.validateScenario('scenario.yaml', content, readFile, limits));
  if (!isDeepStrictEqual(ours, theirs) || JSON.stringify(ours) !== JSON.stringify(theirs))
    throw new Error(`The validation results differ on ${name}`);
  compared++;
};

same(
  'the flagship',
  readBytes('scenarios/atacms-2024/scenario.yaml'),
  readBeside('scenarios/atacms-2024/scenario.yaml'),
);
for (const kind of ['valid', 'invalid']) {
  const dir = join('tests/fixtures', kind);
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'scenario.yaml');
    if (existsSync(file)) same(file, readBytes(file), readBeside(file));
  }
}
const inMemory =
  (sources: Record<string, string | Uint8Array>): ReadFile =>
  (path) =>
    Object.hasOwn(sources, path) ? sources[path] : undefined;
const quick = process.argv.includes('--quick');
fc.assert(
  fc.property(validScenario, (g) => same('a random scenario', toYaml(g.document), inMemory(g.sources))),
  { numRuns: quick ? 5 : 200, seed: 1 },
);
fc.assert(
  fc.property(corruptedScenario, (c) => same(`a random corruption (${c.kind})`, c.content, inMemory(c.sources))),
  { numRuns: quick ? 5 : 300, seed: 2 },
);
const generated = generateScenario();
const file = 'bench/generated/scenario.yaml';
const readFile: ReadFile = (path) => (path === generated.sourceFile ? generated.sourceText : undefined);
same('the bench scenario', generated.yaml, readFile, Infinity);
console.log(`Same validation results on ${compared} scenarios.`);

// As in bench/engine.ts, each tree validates one parsed document run after run; with --fresh,
// each run validates a document parsed for it alone (just before, untimed), as the CLI does.
const fresh = process.argv.includes('--fresh');
const limits = { maxBytes: Infinity };
const parsedBy = (parser: typeof parseScenarioText) => {
  const outcome = parser(generated.yaml, file, limits);
  if (!outcome.ok) throw new Error('The bench scenario does not parse');
  return outcome.file;
};
const kept = fresh ? undefined : { base: parsedBy(baseParse.parseScenarioText), ours: parsedBy(parseScenarioText) };
const contenders = {
  base: () => {
    const parsed = kept?.base ?? parsedBy(baseParse.parseScenarioText);
    return time(() => base.validateParsed(parsed, file, readFile));
  },
  ours: () => {
    const parsed = kept?.ours ?? parsedBy(parseScenarioText);
    return time(() => validateParsed(parsed, file, readFile));
  },
};
const loadBefore = loadavg()[0]!.toFixed(2);
const timings = { base: [] as Array<{ ms: number; cpuMs: number }>, ours: [] as Array<{ ms: number; cpuMs: number }> };
for (let round = -1; round < runs; round++) {
  for (const name of ['base', 'ours'] as const) {
    const timing = contenders[name]();
    if (round >= 0) timings[name].push(timing);
  }
}
const figure = (name: 'base' | 'ours') => ({
  ms: median(timings[name].map((t) => t.ms)),
  cpuMs: median(timings[name].map((t) => t.cpuMs)),
});
const timing = { base: figure('base'), ours: figure('ours') };
const line = (name: 'base' | 'ours') =>
  `${name}: ${timing[name].cpuMs.toFixed(1)} ms CPU, ${timing[name].ms.toFixed(1)} ms wall`;
console.log(
  `Bench scenario, medians of ${runs} runs in turn after one warm-up${fresh ? ', each on a fresh parse' : ''} (load average ${loadBefore} before, ${loadavg()[0]!.toFixed(2)} after)`,
);
console.log(`${line('base')}\n${line('ours')}`);
console.log(
  `ratio base/ours: ${(timing.base.cpuMs / timing.ours.cpuMs).toFixed(2)}x CPU, ${(timing.base.ms / timing.ours.ms).toFixed(2)}x wall`,
);
