/** `export --scorm` and `--cmi5`: the version and the file name are checked before anything is built or written. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { cli } from './helpers/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'branchpoint-export-scorm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.concurrent('npm run scenario -- export --scorm / --cmi5 (refusals)', () => {
  it('exits 2 for a SCORM version it does not make', { timeout: 60_000 }, async ({ expect }) => {
    const run = await cli('export', 'tests/fixtures/valid/two-decisions', '--scorm', '1.3', '-o', join(work, 'a.zip'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^--scorm must be 1\.2 or 2004 \(Moodle takes 1\.2\), not "1\.3"/);
    expect(existsSync(join(work, 'a.zip'))).toBe(false);
  });

  it('exits 2 when the package is not named .zip, or not named at all', { timeout: 60_000 }, async ({ expect }) => {
    const html = await cli(
      'export',
      'tests/fixtures/valid/two-decisions',
      '--scorm',
      '1.2',
      '-o',
      join(work, 'b.html'),
    );
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(/^the exported file must end in \.zip \(it is a package for a learning platform\)/);
    expect(existsSync(join(work, 'b.html'))).toBe(false);
    const none = await cli('export', 'tests/fixtures/valid/two-decisions', '--scorm', '2004');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /^name the file to write: npm run scenario -- export <folder> --scorm 2004 -o <file>\.zip/,
    );
  });

  it('exits 2 when asked for SCORM and cmi5 at once', { timeout: 60_000 }, async ({ expect }) => {
    const out = join(work, 'both.zip');
    const run = await cli('export', 'tests/fixtures/valid/two-decisions', '--scorm', '1.2', '--cmi5', '-o', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^a package is either SCORM or cmi5: give --scorm or --cmi5, not both/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a scenario with errors and writes no package', { timeout: 60_000 }, async ({ expect }) => {
    const out = join(work, 'broken.zip');
    const run = await cli('export', 'tests/fixtures/invalid/unknown-next', '--scorm', '1.2', '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/has errors: fix them first/);
    expect(existsSync(out)).toBe(false);
  });
});
