/**
 * The page checks a scenario an author opened with the same checkScenario as the command line,
 * but reads the files from memory (dropped, picked or unzipped) instead of the disk. For every
 * broken fixture, both ways must give exactly the lines of its expected.txt, and so must a zip of
 * the same folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBeside, readBytes } from '../../src/node/scenario-files.ts';
import { checkScenario } from '../../src/engine/check.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostic.ts';
import type { OpenedFile } from '../../src/authoring/file-set.ts';
import { openScenario } from '../../src/authoring/open-scenario.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const invalid = join(repoRoot, 'tests/fixtures/invalid');
const cases = readdirSync(invalid, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Every file of a folder, named as the page names dropped files: forward slashes from the repository root. */
function filesUnder(folder: string): OpenedFile[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(repoRoot, full).split('\\').join('/'), bytes: new Uint8Array(readFileSync(full)) };
    });
}

function inBrowser(files: OpenedFile[]): string[] {
  const outcome = openScenario(files);
  if (outcome.kind !== 'checked')
    throw new Error(
      `the page did not check the scenario: ${JSON.stringify(outcome.kind === 'refused' ? outcome.message : outcome.candidates)}`,
    );
  return outcome.result.diagnostics.map(formatDiagnostic);
}

describe('the page and the command line find the same problems', () => {
  it('has broken fixtures to compare', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('%s', (name) => {
    const folder = join(invalid, name);
    const scenarioFile = join(folder, 'scenario.yaml');
    const expected = readFileSync(join(folder, 'expected.txt'), 'utf8')
      .split('\n')
      .filter((line) => line !== '');

    const cli = checkScenario(
      relative(repoRoot, scenarioFile),
      readBytes(scenarioFile),
      readBeside(scenarioFile),
    ).diagnostics.map(formatDiagnostic);
    const files = filesUnder(folder).filter((file) => !file.path.endsWith('expected.txt'));
    const browser = inBrowser(files);
    const zipped = inBrowser([
      {
        path: `tests/fixtures/invalid/${name}.zip`,
        bytes: zipSync(Object.fromEntries(files.map((f) => [f.path.slice(`tests/fixtures/invalid/`.length), f.bytes]))),
      },
    ]);

    expect(cli).toEqual(expected);
    expect(browser).toEqual(expected);
    expect(zipped).toEqual(expected);
  });
});
