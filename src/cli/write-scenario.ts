/** Writing a new scenario folder: never over an author's files, and with a schema line that fits where it lands. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { checkScenario, type CheckResult } from '../engine/check.ts';
import { displayPath, readBeside, readBytes } from '../node/scenario-files.ts';
import { projectRoot } from '../node/project-root.ts';
import type { CliIo } from './io.ts';

export const SCENARIO_FILE = 'scenario.yaml';

/** The path from a scenario folder to scenarios/scenario.schema.json, as the first line of the file names it. */
export function schemaPathFrom(folder: string): string {
  return relative(resolve(folder), join(projectRoot, 'scenarios', 'scenario.schema.json'))
    .split('\\')
    .join('/');
}

/**
 * Writes the scenario file and the files beside it (paths relative to the folder), then checks
 * the result as the validator would. Refuses, writing nothing, when any of them exists already:
 * the refusal is printed here, and the caller gets undefined.
 */
export function writeScenarioFolder(
  folder: string,
  yaml: string,
  beside: Record<string, string>,
  io: Pick<CliIo, 'stderr'>,
): CheckResult | undefined {
  const files = { [SCENARIO_FILE]: yaml, ...beside };
  const taken = Object.keys(files)
    .map((name) => join(folder, name))
    .filter((path) => existsSync(path));
  if (taken.length > 0) {
    const what = taken.map(displayPath).join(' and ');
    io.stderr.write(
      `${what} already exist${taken.length === 1 ? 's' : ''}, so nothing was written: choose another name or folder, or move the old files away.\n`,
    );
    return undefined;
  }
  for (const [name, text] of Object.entries(files)) {
    const path = join(folder, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { flag: 'wx' });
  }
  const scenarioFile = join(folder, SCENARIO_FILE);
  return checkScenario(displayPath(scenarioFile), readBytes(scenarioFile), readBeside(scenarioFile));
}
