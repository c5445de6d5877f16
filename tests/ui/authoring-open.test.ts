/**
 * Opening a scenario in the page, without a browser: the files an author drops or picks (or a zip
 * of them) are untrusted input, and every way they can be wrong must end in a clear message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBesideIn, scenarioFilesIn, tidyPath, type OpenedFile } from '../../src/authoring/file-set.ts';
import { openScenario } from '../../src/authoring/open-scenario.ts';
import { unzipScenario, ZIP_LIMITS } from '../../src/authoring/unzip.ts';
import { describePlace } from '../../src/authoring/describe-place.ts';
import { formatRoute, parseRoute } from '../../src/ui/routes.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const valid = join(repoRoot, 'tests/fixtures/valid/two-decisions');
const text = (value: string) => new TextEncoder().encode(value);

/** A folder's files as the page names them when the folder itself is opened. */
function folderFiles(folder: string, as: string): OpenedFile[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return {
        path: `${as}/${relative(folder, full).split('\\').join('/')}`,
        bytes: new Uint8Array(readFileSync(full)),
      };
    });
}

describe('paths of opened files', () => {
  it('tidies what browsers and zips give', () => {
    expect(tidyPath('a/./b//c.txt')).toBe('a/b/c.txt');
    expect(tidyPath('a\\b.txt')).toBe('a/b.txt');
  });

  it.each(['../secret.txt', 'a/../../b', '/etc/passwd', 'C:\\Windows\\x', '\\\\server\\share', '', './'])(
    'refuses %j',
    (path) => {
      expect(tidyPath(path)).toBeUndefined();
    },
  );

  it('reads sources beside the scenario and nothing outside its folder', () => {
    const files: OpenedFile[] = [
      { path: 'mine/scenario.yaml', bytes: text('x') },
      { path: 'mine/sources/note.txt', bytes: text('note') },
      { path: 'other.txt', bytes: text('other') },
    ];
    const read = readBesideIn(files, 'mine/scenario.yaml');
    expect(read('sources/note.txt')).toEqual(text('note'));
    expect(read('./sources/note.txt')).toEqual(text('note'));
    expect(read('../other.txt')).toBeUndefined();
    expect(read('/other.txt')).toBeUndefined();
    expect(read('note.txt')).toBeUndefined();
  });

  it('finds a source by its name alone when the files came without folders', () => {
    const files: OpenedFile[] = [
      { path: 'scenario.yaml', bytes: text('x') },
      { path: 'note.txt', bytes: text('note') },
    ];
    expect(readBesideIn(files, 'scenario.yaml')('sources/note.txt')).toEqual(text('note'));
  });

  it('picks the shallowest scenario file, or the only YAML file', () => {
    expect(
      scenarioFilesIn([
        { path: 'a/b/scenario.yaml', bytes: text('') },
        { path: 'a/scenario.yml', bytes: text('') },
      ]),
    ).toEqual(['a/scenario.yml', 'a/b/scenario.yaml']);
    expect(
      scenarioFilesIn([
        { path: 'bus.yaml', bytes: text('') },
        { path: 'note.txt', bytes: text('') },
      ]),
    ).toEqual(['bus.yaml']);
    expect(
      scenarioFilesIn([
        { path: 'a.yaml', bytes: text('') },
        { path: 'b.yaml', bytes: text('') },
      ]),
    ).toEqual([]);
  });
});

describe('opening files', () => {
  it('plays a valid scenario folder', () => {
    const outcome = openScenario(folderFiles(valid, 'two-decisions'));
    expect(outcome.kind).toBe('checked');
    if (outcome.kind !== 'checked') return;
    expect(outcome.file).toBe('two-decisions/scenario.yaml');
    expect(outcome.result.bundle?.scenario.id).toBe('bridge');
    expect(outcome.result.diagnostics).toEqual([]);
  });

  it('asks which one when several scenarios were opened, then checks that one', () => {
    const files = [...folderFiles(valid, 'x/one'), ...folderFiles(valid, 'x/two')];
    const outcome = openScenario(files);
    expect(outcome).toMatchObject({ kind: 'choose', candidates: ['x/one/scenario.yaml', 'x/two/scenario.yaml'] });
    expect(openScenario(files, 'x/two/scenario.yaml')).toMatchObject({ kind: 'checked', file: 'x/two/scenario.yaml' });
  });

  it('says what a scenario is when none was opened', () => {
    const outcome = openScenario([{ path: 'notes.txt', bytes: text('hello') }]);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused') expect(outcome.message).toMatch(/“notes.txt”.*scenario.yaml/);
    expect(openScenario([])).toMatchObject({ kind: 'refused' });
  });

  it('reports a binary or non-UTF-8 scenario file at its line, like the command line', () => {
    const binary = openScenario([{ path: 'scenario.yaml', bytes: new Uint8Array([0x66, 0x0a, 0x00, 0xff]) }]);
    expect(binary.kind === 'checked' && binary.result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, 'this looks like a binary file, not text (it contains a NUL byte)'],
    ]);
    const latin1 = openScenario([
      { path: 'scenario.yaml', bytes: new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]) },
    ]);
    expect(latin1.kind === 'checked' && latin1.result.diagnostics[0]?.message).toMatch(/not valid UTF-8/);
    if (latin1.kind === 'checked') expect(latin1.text).toBeUndefined();
  });

  it('keeps the shape of a scenario with broken references, to draw its structure', () => {
    const files = folderFiles(join(repoRoot, 'tests/fixtures/invalid/unreachable-decision'), 'u');
    const outcome = openScenario(files);
    expect(outcome.kind === 'checked' && outcome.result.bundle).toBeUndefined();
    expect(outcome.kind === 'checked' && outcome.scenario?.decisions.map((d) => d.id)).toContain('appeal');
  });
});

describe('zips', () => {
  const files = folderFiles(valid, 'two-decisions');
  const zipped = zipSync(Object.fromEntries(files.map((f) => [f.path, f.bytes])));

  it('plays a zip of a scenario folder', () => {
    const outcome = openScenario([{ path: 'two-decisions.zip', bytes: zipped }]);
    expect(outcome.kind === 'checked' && outcome.result.bundle?.scenario.id).toBe('bridge');
  });

  it('refuses a zip that would unpack to more than the limit, without unpacking it', () => {
    const bomb = zipSync({ 'scenario.yaml': new Uint8Array(ZIP_LIMITS.totalBytes + 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    // Several large entries, each below the per-file limit, together above the total.
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, new Uint8Array(1024 * 1024)])),
      { level: 9 },
    );
    const outcome = unzipScenario(many, 'many.zip');
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/more than 20 MB/) });
    // One huge entry is kept to one byte past the checker's limit, which then says it is too large.
    const huge = openScenario([{ path: 'bomb.zip', bytes: bomb }]);
    expect(huge.kind === 'checked' && huge.result.diagnostics[0]?.message).toMatch(/larger than 1 MB/);
  });

  it('never inflates more than an entry declares, whatever the data holds', () => {
    const big = zipSync({ 'scenario.yaml': new Uint8Array(5 * 1024 * 1024).fill(0x61) }, { level: 9 });
    // Make the central directory claim 100 bytes instead of 5 MB, as a hostile zip may.
    const view = new DataView(big.buffer, big.byteOffset, big.byteLength);
    const central = findSignature(big, 0x02014b50);
    view.setUint32(central + 24, 100, true);
    const outcome = unzipScenario(big, 'lying.zip');
    expect(outcome.ok && outcome.files[0]?.bytes.length).toBe(100);
  });

  it('refuses a zip with too many entries, and damaged zips, with a message', () => {
    const crowded = zipSync(
      Object.fromEntries(Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => [`f${i}.txt`, text('x')])),
    );
    expect(unzipScenario(crowded, 'crowded.zip')).toEqual({
      ok: false,
      message: expect.stringMatching(/more than 500 files/),
    });
    const damaged = zipped.slice(0, zipped.length - 30);
    const outcome = openScenario([{ path: 'damaged.zip', bytes: damaged }]);
    expect(outcome).toEqual({ kind: 'refused', message: expect.stringMatching(/could not be unpacked/) });
  });

  it('skips entries named outside the zip', () => {
    const escaping = zipSync({ '../evil.yaml': text('x'), 'ok/scenario.yaml': files[0]!.bytes });
    const outcome = unzipScenario(escaping, 'escaping.zip');
    expect(outcome.ok && outcome.files.map((f) => f.path)).toEqual(['ok/scenario.yaml']);
  });
});

describe('places in words', () => {
  const outcome = openScenario(folderFiles(valid, 'v'));
  const scenario = outcome.kind === 'checked' ? outcome.scenario : undefined;

  it('names decision points and options by their ids, and other items by number', () => {
    expect(describePlace('decisions.0.options.1.citations.0.quote', scenario)).toBe(
      'decision point “council”, option “wait”, citation 1, its “quote”',
    );
    expect(describePlace('decisions.7.id')).toBe('decision point 8, its “id”');
    expect(describePlace('')).toBe('the file as a whole');
    expect(describePlace('start', scenario)).toBe('its “start”');
  });
});

describe('addresses of the authoring screens', () => {
  it.each([{ screen: 'open' as const }, { screen: 'structure' as const, scenario: 'bridge' }])(
    'reads back %o',
    (route) => {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    },
  );
});

function findSignature(bytes: Uint8Array, signature: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < bytes.length - 4; i++) if (view.getUint32(i, true) === signature) return i;
  throw new Error('signature not found');
}
