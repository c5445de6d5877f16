/**
 * Vite plugin: checks every scenario under scenarios/ at build time and ships it to players as
 * precompiled JSON, so browsers never load a YAML parser or a validator to play.
 * A scenario with errors stops the build (and shows Vite's overlay in development) with
 * the same path:line:col messages as the command line.
 */
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { checkScenario } from '../engine/check.ts';
import { formatDiagnostic } from '../scenario/diagnostic.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import { displayPath, findScenarioFiles, readBeside, readBytes } from '../cli/files.ts';
import { catalogEntry } from '../engine/catalog.ts';

const CATALOG = 'virtual:branchpoint/catalog';
const SCENARIO = 'virtual:branchpoint/scenario/';
const resolved = (id: string) => `\0${id}`;

export function scenariosPlugin(folder = 'scenarios'): Plugin {
  let bundles: Map<string, ScenarioBundle> | undefined;
  const root = resolve(folder);

  const loadAll = (watch: (file: string) => void): Map<string, ScenarioBundle> => {
    const found = new Map<string, ScenarioBundle>();
    const problems: string[] = [];
    for (const file of findScenarioFiles(root) ?? []) {
      watch(file);
      const result = checkScenario(displayPath(file), readBytes(file), readBeside(file));
      for (const source of result.bundle?.scenario.sources ?? []) watch(resolve(dirname(file), source.file));
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (!result.bundle) problems.push(...errors.map(formatDiagnostic));
      else found.set(result.bundle.scenario.id, result.bundle);
    }
    if (problems.length > 0) throw new Error(`Scenario errors:\n${problems.join('\n')}`);
    return found;
  };

  return {
    name: 'branchpoint-scenarios',
    resolveId(id) {
      if (id === CATALOG || id.startsWith(SCENARIO)) return resolved(id);
      return undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:branchpoint/')) return undefined;
      try {
        bundles ??= loadAll((file) => this.addWatchFile(file));
      } catch (error) {
        this.error((error as Error).message);
      }
      if (id === resolved(CATALOG)) {
        const entries = [...bundles.values()].map((bundle) => catalogEntry(bundle));
        const loaders = [...bundles.keys()].map((key) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(SCENARIO + key)}),`);
        return `export const catalog = ${JSON.stringify(entries)};\nexport const loaders = {\n${loaders.join('\n')}\n};\n`;
      }
      const key = id.slice(resolved(SCENARIO).length);
      const bundle = bundles.get(key);
      if (!bundle) this.error(`No scenario "${key}" under ${folder}/`);
      // JSON.parse of a string literal is faster for engines to load than an object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(bundle))});\n`;
    },
    watchChange(file) {
      if (file.startsWith(root)) bundles = undefined;
    },
  };
}
