/**
 * Content-driven tests: each folder under tests/fixtures/invalid is a small scenario broken in one
 * way, with expected.txt beside it holding the exact lines `npm run scenario -- validate` prints
 * for it (paths relative to the repository root). Every folder under tests/fixtures/valid must
 * pass without errors.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBeside, readBytes } from '../../src/node/scenario-files.ts';
import { checkScenario } from '../../src/engine/check.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostic.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixtures = join(repoRoot, 'tests', 'fixtures');

const casesIn = (kind: 'valid' | 'invalid') =>
  readdirSync(join(fixtures, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** Checks a fixture as the CLI does when run from the repository root. */
function check(kind: 'valid' | 'invalid', name: string) {
  const file = join(fixtures, kind, name, 'scenario.yaml');
  return checkScenario(relative(repoRoot, file), readBytes(file), readBeside(file));
}

describe('broken scenarios give exactly the expected diagnostics', () => {
  const cases = casesIn('invalid');

  it('has broken fixtures to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (name) => {
    const expectedFile = join(fixtures, 'invalid', name, 'expected.txt');
    expect(existsSync(expectedFile), `${name} needs an expected.txt`).toBe(true);
    const expected = readFileSync(expectedFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    expect(expected.length, `${name}/expected.txt lists no diagnostics`).toBeGreaterThan(0);

    const actual = check('invalid', name).diagnostics.map(formatDiagnostic);
    expect(actual).toEqual(expected);
  });
});

describe('valid scenarios pass', () => {
  const cases = casesIn('valid');

  it('has valid fixtures to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s has no errors and no warnings', (name) => {
    const result = check('valid', name);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.bundle?.scenario.id).toBeTypeOf('string');
  });
});
