/**
 * Teacher-only notes never ship to students: not in the build's JSON chunk, not in the one-file
 * export, unless the author sets teacher.shipNotes: true. Everything else in the teacher block ships.
 */
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { injectBundle, readEmbeddedBundle } from '../../src/authoring/standalone-bundle.ts';
import { scenariosPlugin } from '../../src/build/scenarios-plugin.ts';
import { studentBundle } from '../../src/scenario/student-bundle.ts';
import type { ScenarioBundle } from '../../src/scenario/validate.ts';
import { loadBundle, repoRoot } from '../engine/helpers/load.ts';

const folder = join(repoRoot, 'tests/fixtures/valid/format-2-bridge');
const bundle = loadBundle(folder);
const NOTES = "The teacher's own notes, never shown to students.";
const shipping = (b: ScenarioBundle): ScenarioBundle => ({
  ...b,
  scenario: { ...b.scenario, teacher: { ...b.scenario.teacher, shipNotes: true } },
});

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head><title>Branchpoint</title></head>
  <body><script type="application/json" id="branchpoint-scenario"></script></body>
</html>`;
const embedded = (html: string) =>
  readEmbeddedBundle(
    html.match(/<script type="application\/json" id="branchpoint-scenario">([\s\S]*?)<\/script>/)![1]!,
  );

describe('teacher notes', () => {
  it('are in the checked scenario, for the teacher', () => {
    expect(bundle.scenario.teacher?.notes).toBe(NOTES);
  });

  it('are removed from what students get, and nothing else is', () => {
    const student = studentBundle(bundle);
    expect(student.scenario.teacher?.notes).toBeUndefined();
    expect(JSON.stringify(student)).not.toContain(NOTES);
    const { notes: _, ...rest } = bundle.scenario.teacher!;
    expect(student.scenario.teacher).toEqual(rest);
    expect(student.sources).toEqual(bundle.sources);
  });

  it('ship when the author asks with shipNotes: true', () => {
    expect(studentBundle(shipping(bundle)).scenario.teacher?.notes).toBe(NOTES);
  });

  it('are not in a one-file export, unless shipNotes is true', () => {
    const html = injectBundle(TEMPLATE, bundle);
    expect(html).not.toContain(NOTES);
    expect(embedded(html)).toEqual({ ok: true, value: studentBundle(bundle) });
    expect(injectBundle(TEMPLATE, shipping(bundle))).toContain(NOTES);
  });

  it('are not in the build’s JSON chunk', { timeout: 60_000 }, async () => {
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      root: repoRoot,
      plugins: [scenariosPlugin(folder)],
      build: {
        write: false,
        minify: false,
        rollupOptions: { input: 'virtual:branchpoint/catalog', preserveEntrySignatures: 'strict' },
      },
    })) as Rollup.RollupOutput;
    const code = output.output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
    expect(code).toContain('Play in pairs.');
    expect(code).not.toContain("teacher's own notes");
  });
});
