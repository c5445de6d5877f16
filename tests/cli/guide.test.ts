/**
 * The printable teacher's guide and student handout: every scenario text escaped, the teacher-only
 * notes never in the handout, print rules for A4 and Letter, and the command line that writes them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guideDocument } from '../../src/authoring/guide.ts';
import type { ScenarioBundle } from '../../src/scenario/validate.ts';
import { loadBundle } from '../engine/helpers/load.ts';
import { cli, repoRoot } from './helpers/run-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'branchpoint-guide-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FIXTURE = 'tests/fixtures/valid/two-decisions';

/** The fixture with teacher material whose words would break the page if they were not escaped. */
function hostileBundle(): ScenarioBundle {
  const bundle = loadBundle(join(repoRoot, FIXTURE));
  const scenario = {
    ...bundle.scenario,
    title: '<script>alert("title")</script> & "quotes"',
    teacher: {
      ageBand: '14+',
      objectives: ['Read <b>closely</b>'],
      roleBriefs: [{ actor: bundle.scenario.actors[0]!.id, text: 'Brief with <img src=x onerror=alert(1)>' }],
      exitTicket: ['Is 1 < 2?'],
      notes: 'SECRET teacher note <i>only</i>',
    },
  };
  return { ...bundle, scenario } as ScenarioBundle;
}

describe('the guide renderer', () => {
  const teacher = guideDocument(hostileBundle(), 'teacher');
  const student = guideDocument(hostileBundle(), 'student');

  it('escapes every text from the scenario', () => {
    for (const doc of [teacher, student]) {
      expect(doc).not.toContain('<script>alert');
      expect(doc).not.toContain('<img src=x');
      expect(doc).not.toContain('<b>closely');
      expect(doc).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;');
    }
    expect(student).toContain('Is 1 &lt; 2?');
  });

  it('puts the teacher-only notes in the guide and never in the handout', () => {
    expect(teacher).toContain('SECRET teacher note');
    expect(student).not.toContain('SECRET');
    expect(student).not.toContain('For the teacher only');
  });

  it('prints on A4 and Letter alike: page margins, no fixed page size or width', () => {
    for (const doc of [teacher, student]) {
      expect(doc).toMatch(/@page \{ margin: [^}]+\}/);
      expect(doc).not.toMatch(/@page[^}]*size:/);
      expect(doc).not.toMatch(/width:\s*\d+(mm|cm|in|px)/);
    }
  });
});

describe('npm run scenario -- guide', () => {
  it('writes the teacher’s guide, and with --handout the student handout', async () => {
    const guide = join(work, 'guide.html');
    const run = await cli('guide', FIXTURE, '-o', guide);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(guide, 'utf8')).toMatch(/Teacher(&#39;|')s guide/);
    const handout = join(work, 'handout.html');
    const second = await cli('guide', FIXTURE, '--handout', '-o', handout);
    expect(second.code).toBe(0);
    expect(readFileSync(handout, 'utf8')).toContain('Student handout');
  });

  it('says what is missing when no output file is named', async () => {
    const run = await cli('guide', FIXTURE);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/name the file to write/);
  });
});
