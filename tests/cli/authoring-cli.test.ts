/**
 * The authoring commands as an educator runs them: `new` writes a starter that validates with
 * nothing to fix, `import-twee` a skeleton whose only errors are the citations to write, and
 * `export` refuses a scenario with errors. Nothing is ever written over an author's files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { newDraft } from '../../src/authoring/editor/draft.ts';
import { projectRoot } from '../../src/node/project-root.ts';
import { schemaPathFrom } from '../../src/cli/write-scenario.ts';
import { cli } from './helpers/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'branchpoint-authoring-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const STACK_TRACE = '    at ';
const problemLine = /^.+:\d+:\d+: (error|warning): .+$/;

describe.concurrent('npm run scenario -- new', () => {
  it('writes a commented starter with the schema line, which validates with no errors and no warnings', async ({
    expect,
  }) => {
    const run = await cli('new', 'first-try', '--dir', work);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const yaml = readFileSync(join(work, 'first-try', 'scenario.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*scenarios\/scenario\.schema\.json$/);
    expect(yaml).toMatch(/^id: first-try\b/m);
    expect(existsSync(join(work, 'first-try', 'sources', 'source.txt'))).toBe(true);
    const validated = await cli('validate', join(work, 'first-try'));
    expect(validated.code).toBe(0);
    expect(validated.stdout).toBe('1 scenario checked: 0 errors, 0 warnings\n');
  });

  it('is format 2: one decision with two options, one source, and each format-2 feature once, explained', async ({
    expect,
  }) => {
    await cli('new', 'shape', '--dir', work);
    const yaml = readFileSync(join(work, 'shape', 'scenario.yaml'), 'utf8');
    const { parse } = await import('yaml');
    const scenario = parse(yaml) as {
      format: number;
      decisions: Array<{ options: Array<{ effects?: Array<{ reason?: string }>; stage?: unknown[] }> }>;
      endings: Array<{ text: unknown }>;
      sources: unknown[];
      teacher?: { notes?: string };
    };
    expect(scenario.format).toBe(2);
    expect(scenario.decisions).toHaveLength(1);
    expect(scenario.decisions[0]!.options).toHaveLength(2);
    expect(scenario.sources).toHaveLength(1);
    // A text that follows the path (a variant with a condition, and the fallback).
    expect(scenario.endings[0]!.text).toMatchObject([{ when: [{ chose: 'use-the-park' }] }, {}]);
    for (const option of scenario.decisions[0]!.options) {
      expect(option.stage).toHaveLength(1);
      expect(option.effects!.every((e) => e.reason)).toBe(true);
    }
    expect(scenario.teacher?.notes).toBeTruthy();
    // Each feature comes with a comment saying what it is.
    expect(yaml).toMatch(/# How the choice moves the meters, each with the reason/);
    expect(yaml).toMatch(/# What the stage shows after the choice/);
    expect(yaml).toMatch(/the first version whose conditions hold is shown/);
    expect(yaml).toMatch(/# For the teacher\. Everything here is shown to students except "notes"\./);
  });

  it("is the editor's starter too, from the same template (only the completion line and the id differ)", async ({
    expect,
  }) => {
    await cli('new', 'same', '--dir', work);
    const yaml = readFileSync(join(work, 'same', 'scenario.yaml'), 'utf8');
    const draft = newDraft();
    expect(yaml.slice(yaml.indexOf('# A new Branchpoint scenario.')).replace('id: same ', 'id: my-scenario ')).toBe(
      draft.text,
    );
    expect(readFileSync(join(work, 'same', 'sources', 'source.txt'), 'utf8')).toBe(draft.sources['sources/source.txt']);
  });

  it('the schema line points at scenarios/scenario.schema.json from wherever the folder is', ({ expect }) => {
    expect(schemaPathFrom(join(projectRoot, 'scenarios', 'bus-route'))).toBe('../scenario.schema.json');
    expect(schemaPathFrom(join(projectRoot, 'scenarios', 'history', 'bus-route'))).toBe('../../scenario.schema.json');
    expect(schemaPathFrom(join(projectRoot, 'elsewhere'))).toBe('../scenarios/scenario.schema.json');
  });

  it('refuses to write over an existing scenario, and leaves it as it was', async ({ expect }) => {
    const folder = join(work, 'mine');
    await cli('new', 'mine', '--dir', work);
    writeFileSync(join(folder, 'scenario.yaml'), 'my own work\n');
    const run = await cli('new', 'mine', '--dir', work);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/already exist.*nothing was written/);
    expect(readFileSync(join(folder, 'scenario.yaml'), 'utf8')).toBe('my own work\n');
  });

  it('exits 2 without an id, or with one the format does not allow', async ({ expect }) => {
    const none = await cli('new');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^name the new scenario/);
    const bad = await cli('new', 'Bus Route', '--dir', work);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^"Bus Route" cannot be a scenario id: ids use lowercase letters/);
    expect(existsSync(join(work, 'Bus Route'))).toBe(false);
  });
});

describe.concurrent('npm run scenario -- import-twee', () => {
  it('writes a skeleton whose only errors are the citations to write, each with its line', async ({ expect }) => {
    const out = join(work, 'ferry');
    const run = await cli('import-twee', 'tests/fixtures/twee/harbour-ferry.twee', '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Imported 9 passages from tests\/fixtures\/twee\/harbour-ferry.twee: 3 decision points, 6 endings, 7 options\./,
    );
    // Every citation still to write, at once, each with its line and place in words.
    const listed = run.stdout.split('\n');
    const heading = listed.findIndex((line) => line.startsWith('Citations still to write (13)'));
    expect(heading).toBeGreaterThan(0);
    expect(listed.slice(heading + 1, heading + 14)).toEqual(
      listed
        .slice(heading + 1, heading + 14)
        .map(() => expect.stringMatching(/^ {2}line \d+: (decision point|ending) “/)),
    );
    expect(listed[heading + 1]).toBe(
      '  line 50: decision point “the-council-meets”, option “repair-the-old-boat”, citation 1, its “quote”',
    );
    expect(run.stdout).toMatch(
      /until it lists no errors \(13 now, and 18 warnings for the TODOs and any Twine code left in the text\)/,
    );

    const validated = await cli('validate', out);
    expect(validated.code).toBe(1);
    const lines = validated.stdout.split('\n').filter(Boolean);
    const errors = lines.filter((line) => line.includes(': error: '));
    expect(errors).toHaveLength(13);
    for (const line of errors) {
      expect(line).toMatch(problemLine);
      expect(line).toMatch(
        /: error: this citation is still to write: replace the placeholder with the exact words of source "source" that back it \(.*citation 1, its “quote”\)$/,
      );
    }
    // The other TODOs and the Twine macro the story kept are warnings: the author's list of what is left.
    expect(lines.filter((line) => line.includes(': warning: "TODO" is still here'))).toHaveLength(17);
    expect(
      lines.filter((line) => line.includes(': warning: Twine code left in the text: "(set: $cost to it + 1)"')),
    ).toHaveLength(1);
    expect(validated.stderr).toBe('1 scenario checked: 13 errors, 18 warnings\n');
  });

  it('imports a story Twine published as HTML, and lists every quote to write, a set-aside passage’s too', async ({
    expect,
  }) => {
    const out = join(work, 'lighthouse');
    const run = await cli('import-twee', 'tests/fixtures/twee/lighthouse.html', '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Imported 3 passages from tests\/fixtures\/twee\/lighthouse.html: 1 decision points, 2 endings, 2 options\./,
    );
    expect(run.stdout).toContain('Citations still to write (4)');

    const story = join(work, 'one-link.twee');
    writeFileSync(
      story,
      ':: Start\nGo on.\n[[On]]\n\n:: On\nChoose.\n[[Left]]\n[[Right]]\n\n:: Left\nL.\n\n:: Right\nR.\n',
    );
    const oneLink = await cli('import-twee', story, '-o', join(work, 'one-link'));
    expect(oneLink.stdout).toContain('To fix first (1), before the scenario can play:\n  line ');
    expect(oneLink.stdout).toContain(
      'decision point “start”, its “options”: "options": a decision point offers 2 to 4 options',
    );
    // The one-link passage is set aside by the checker, but its quote is still on the list.
    expect(oneLink.stdout).toMatch(
      /Citations still to write \(5\)[^\n]*\n {2}line \d+: decision point “start”, option “on”, citation 1/,
    );
  });

  it('refuses to write over an existing folder’s scenario', async ({ expect }) => {
    const out = join(work, 'ferry-twice');
    await cli('import-twee', 'tests/fixtures/twee/harbour-ferry.twee', '-o', out);
    const again = await cli('import-twee', 'tests/fixtures/twee/harbour-ferry.twee', '-o', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exist.*nothing was written/);
  });

  it('says plainly what is wrong with a file that is not a Twee story', async ({ expect }) => {
    const missing = await cli('import-twee', join(work, 'nope.twee'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.twee: no such file/);

    const binary = join(work, 'binary.twee');
    writeFileSync(binary, new Uint8Array([58, 58, 32, 65, 0, 1, 2]));
    const notText = await cli('import-twee', binary, '-o', join(work, 'binary'));
    expect(notText.code).toBe(1);
    expect(notText.stderr).toMatch(/binary\.twee:1:1: error: this looks like a binary file/);

    const prose = join(work, 'prose.twee');
    writeFileSync(prose, 'Just some words.\n');
    const noPassages = await cli('import-twee', prose, '-o', join(work, 'prose'));
    expect(noPassages.code).toBe(1);
    expect(noPassages.stderr).toContain('prose.twee:1:1: warning: this text comes before the first passage header');
    expect(noPassages.stderr).toContain('no story passages found');
    expect(existsSync(join(work, 'prose'))).toBe(false);
    for (const run of [missing, notText, noPassages]) expect(run.stderr).not.toContain(STACK_TRACE);
  });
});

describe.concurrent('npm run scenario -- export (refusals)', () => {
  it('refuses a scenario with errors, printing them as file:line:col lines, and writes nothing', async ({ expect }) => {
    const out = join(work, 'broken.html');
    const run = await cli('export', 'tests/fixtures/invalid/unknown-next', '-o', out);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines[0]).toBe(
      'tests/fixtures/invalid/unknown-next/scenario.yaml:41:15: error: there is no decision point or ending "trafic": did you mean "traffic"? (decision point “council”, option “wait”, its “next”)',
    );
    expect(lines.at(-1)).toMatch(/has errors: fix them first/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 without -o, or when the file named is not .html', async ({ expect }) => {
    const noOut = await cli('export', 'tests/fixtures/valid/workshop-small');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/^name the file to write/);
    const text = await cli('export', 'tests/fixtures/valid/workshop-small', '-o', join(work, 'game.txt'));
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/must end in \.html/);
    expect(existsSync(join(work, 'game.txt'))).toBe(false);
  });
});
