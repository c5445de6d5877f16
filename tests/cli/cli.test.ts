/**
 * The command line as an author runs it (in this process, through the same main() as
 * `npm run scenario`): exit codes, the exact lines printed, --json, usage errors, hostile files,
 * and play with typed input. No stack trace may ever reach the terminal.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/scenario/diagnostic.ts';
import { cli, cliWithInput, repoRoot } from './helpers/run-cli.ts';

const invalid = 'tests/fixtures/invalid';
const valid = 'tests/fixtures/valid/two-decisions';
const STACK_TRACE = '    at ';

const lines = (text: string) => text.split('\n').filter((line) => line !== '');
const expectedLines = (name: string) => lines(readFileSync(join(repoRoot, invalid, name, 'expected.txt'), 'utf8'));

describe.concurrent('npm run scenario -- validate', () => {
  it('exits 0 on a valid scenario and says so', async ({ expect }) => {
    const run = await cli('validate', valid);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('1 scenario checked: 0 errors, 0 warnings\n');
    expect(run.stderr).toBe('');
  });

  it('exits 1 on an invalid scenario, printing its problems one per line', async ({ expect }) => {
    const run = await cli('validate', `${invalid}/duplicate-key`);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual(expectedLines('duplicate-key'));
    expect(run.stderr).toBe('1 scenario checked: 1 error, 0 warnings\n');
  });

  it('exits 0 when there are only warnings', async ({ expect }) => {
    const run = await cli('validate', `${invalid}/unused-actor`);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([...expectedLines('unused-actor'), '1 scenario checked: 0 errors, 1 warning']);
  });

  it('checks a folder of scenarios at once, printing exactly the expected lines of each', async ({ expect }) => {
    const names = readdirSync(join(repoRoot, invalid), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const run = await cli('validate', invalid);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual(names.flatMap(expectedLines));
    expect(run.stderr).toMatch(new RegExp(`^${names.length} scenarios checked: \\d+ errors, \\d+ warnings\\n$`));
  });

  it('prints the same diagnostics as JSON with --json', async ({ expect }) => {
    const run = await cli('validate', '--json', `${invalid}/quote-not-in-source`);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { valid: boolean; diagnostics: Diagnostic[] };
    expect(report.valid).toBe(false);
    expect(report.diagnostics.map(formatDiagnostic)).toEqual(expectedLines('quote-not-in-source'));
    expect(report.diagnostics[0]).toMatchObject({
      line: 40,
      col: 44,
      severity: 'error',
      path: 'decisions.0.options.1.citations.0.quote',
    });
  });

  it('reports a valid scenario as valid in JSON', async ({ expect }) => {
    const run = await cli('validate', valid, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, diagnostics: [] });
  });
});

describe.concurrent('usage errors exit 2 with a plain message', () => {
  it.for([
    ['no arguments', [], /Usage: npm run scenario/],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['validate with no path', ['validate'], /name a scenario file or folder/],
    ['a path that does not exist', ['validate', 'no/such/place'], /no\/such\/place: no such file or folder/],
    ['a folder with no scenario', ['validate', 'src/lib'], /no scenario\.yaml found/],
    ['a bad --format', ['graph', valid, '--format', 'png'], /--format must be mermaid or dot, not "png"/],
    ['an unknown option', ['validate', valid, '--bogus'], /bogus/],
  ] as Array<[string, string[], RegExp]>)('%s', async ([, args, message], { expect }) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(STACK_TRACE);
  });
});

describe.concurrent('commands that need a valid scenario', () => {
  it('refuse an invalid one, listing its errors', async ({ expect }) => {
    const run = await cli('graph', `${invalid}/unknown-actor`);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      ...expectedLines('unknown-actor'),
      `${invalid}/unknown-actor/scenario.yaml has errors: fix them first (npm run scenario -- validate ${invalid}/unknown-actor/scenario.yaml)`,
    ]);
  });
});

describe.concurrent('npm run scenario -- play', () => {
  it('plays to an ending with the numbers typed, offering only the options whose conditions hold', async ({
    expect,
  }) => {
    // Repairing raises the cost to 7, so "Spend more" (cost at most 5) is not offered next.
    const run = await cliWithInput('3\n1\n1\n', 'play', valid);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Type a number from 1 to 2.');
    expect(run.stdout).toContain('Cost: 2 → 7');
    expect(run.stdout).toContain('  1. Limit to light traffic  [reported]');
    expect(run.stdout).not.toContain('Spend more');
    expect(run.stdout).toContain('=== Ending: Light traffic ===');
    expect(run.stdout).toContain('  - Was it right to wait?');
  });

  it('stops when the player types q, or the input ends', async ({ expect }) => {
    for (const input of ['q\n', '']) {
      const run = await cliWithInput(input, 'play', valid);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('=== Repair now or later? ===');
      expect(run.stdout).not.toContain('Ending');
    }
  });
});

describe('hostile files through the command line', () => {
  let folder: string;
  const write = (name: string, content: string | Uint8Array) => {
    mkdirSync(join(folder, name));
    writeFileSync(join(folder, name, 'scenario.yaml'), content);
  };

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'branchpoint-hostile-'));
    // Two deep files in one run: the second stack overflow in one process used to crash Node.
    // The binary file's NUL byte is on its third line, after the PNG signature's line feeds.
    write('deep-flow', '['.repeat(2000) + ']'.repeat(2000));
    write('deep-list', '- '.repeat(2000) + 'x\n');
    write('huge', `title: "${'x'.repeat(1024 * 1024)}"\n`);
    write('binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    write('latin1', new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reports each with a clear error, exits 1 and prints no stack trace', async ({ expect }) => {
    const run = await cli('validate', folder);
    const shown = relative(repoRoot, folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('5 scenarios checked: 5 errors, 0 warnings\n');
    expect(lines(run.stdout)).toEqual([
      `${shown}/binary/scenario.yaml:3:1: error: this looks like a binary file, not text (it contains a NUL byte)`,
      `${shown}/deep-flow/scenario.yaml:1:41: error: the file is nested more than 40 levels deep here; a scenario never needs so many`,
      `${shown}/deep-list/scenario.yaml:1:81: error: the file is nested more than 40 levels deep here; a scenario never needs so many`,
      `${shown}/huge/scenario.yaml:1:1: error: the file is larger than 1 MB, the limit for a scenario file`,
      `${shown}/latin1/scenario.yaml:1:1: error: the file is not valid UTF-8 text: save it as UTF-8 in your editor`,
    ]);
  });
});
