/**
 * The scenarios plugin in a build: a valid scenario ships as JSON in the catalog; a scenario with
 * errors stops the build with the checker's file:line:col lines (the dev server instead shows them
 * on the page: tests/e2e/authoring-preview.test.ts).
 */
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { scenariosPlugin } from '../../src/build/scenarios-plugin.ts';
import { repoRoot } from '../engine/helpers/load.ts';

function buildCatalog(folder: string) {
  return build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    plugins: [scenariosPlugin(folder)],
    build: {
      write: false,
      minify: false,
      rollupOptions: { input: 'virtual:branchpoint/catalog', preserveEntrySignatures: 'strict' },
    },
  }) as Promise<Rollup.RollupOutput>;
}

describe('the scenarios plugin in a build', () => {
  it('ships a valid scenario, named in the catalog', { timeout: 30_000 }, async () => {
    const output = await buildCatalog(join(repoRoot, 'tests/fixtures/valid/two-decisions'));
    const chunks = output.output.filter((chunk) => chunk.type === 'chunk');
    // The catalog names it; the scenario itself is a chunk of its own, loaded when played.
    expect(chunks.find((chunk) => chunk.isEntry)?.code).toMatch(/"title": "The bridge"/);
    expect(chunks.find((chunk) => chunk.fileName.startsWith('assets/bridge-'))?.code).toContain('JSON.parse(');
  });

  it('stops on a scenario with errors, with the same lines as the command line', { timeout: 30_000 }, async () => {
    await expect(buildCatalog(join(repoRoot, 'tests/fixtures/invalid/unknown-actor'))).rejects.toThrow(
      /Scenario errors:\ntests\/fixtures\/invalid\/unknown-actor\/scenario.yaml:\d+:\d+: error: there is no actor/,
    );
  });
});
