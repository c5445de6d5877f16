/** Reading scenarios for the engine's tests: folders on disk the way the CLI reads them, and generated ones from memory. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBeside, readBytes } from '../../../src/node/scenario-files.ts';
import { checkScenario, type CheckResult } from '../../../src/engine/check.ts';
import { formatDiagnostic } from '../../../src/scenario/diagnostic.ts';
import type { ScenarioBundle } from '../../../src/scenario/validate.ts';
import { toYaml, type GeneratedScenario } from '../arbitraries.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Every folder under tests/fixtures/valid/: each must hold a valid scenario. */
export function validFixtureFolders(): string[] {
  return subfolders(join(repoRoot, 'tests/fixtures/valid'));
}

/** Every folder under scenarios/ that holds a scenario.yaml (some may still be being written). */
export function publishedScenarioFolders(): string[] {
  return subfolders(join(repoRoot, 'scenarios')).filter((folder) => existsSync(join(folder, 'scenario.yaml')));
}

export function checkFolder(folder: string): CheckResult {
  const file = join(folder, 'scenario.yaml');
  return checkScenario(file, readBytes(file), readBeside(file));
}

/** The folder's bundle; throws with every diagnostic when it does not validate. */
export function loadBundle(folder: string): ScenarioBundle {
  const result = checkFolder(folder);
  if (!result.bundle)
    throw new Error(`${folder} does not validate:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  return result.bundle;
}

/** Checks a scenario file held in memory, with its sources by relative path. */
export function checkInMemory(content: string | Uint8Array, sources: Record<string, string | Uint8Array>): CheckResult {
  return checkScenario('scenario.yaml', content, (path) => (Object.hasOwn(sources, path) ? sources[path] : undefined));
}

export function checkGenerated(generated: GeneratedScenario): CheckResult {
  return checkInMemory(toYaml(generated.document), generated.sources);
}

/** The bundle of a generated scenario; throws with every diagnostic when it does not validate. */
export function generatedBundle(generated: GeneratedScenario): ScenarioBundle {
  const result = checkGenerated(generated);
  if (!result.bundle)
    throw new Error(`generated scenario does not validate:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  return result.bundle;
}

function subfolders(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(folder, entry.name))
    .sort();
}
