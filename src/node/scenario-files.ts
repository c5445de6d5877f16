/** Finding scenario files on disk and reading the files beside them. */
import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, relative, sep } from 'node:path';
import { MAX_FILE_BYTES } from '../scenario/parse.ts';
import type { ReadFile } from '../scenario/validate.ts';
import { SCENARIO_FILE_NAMES } from '../scenario/file-names.ts';

/**
 * A file, a scenario folder, or a folder of scenario folders -> the scenario files it holds.
 * Undefined when the path does not exist.
 */
export function findScenarioFiles(path: string): string[] | undefined {
  if (!existsSync(path)) return undefined;
  if (statSync(path).isFile()) return [path];
  const own = SCENARIO_FILE_NAMES.map((name) => join(path, name)).find(existsSync);
  if (own) return [own];
  // Folder by folder in name order, so "a" and everything in it come before "a-b".
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => findScenarioFiles(join(path, name)) ?? []);
}

/** Reads files named relative to the scenario file, refusing any path that leaves its folder. */
export function readBeside(scenarioFile: string): ReadFile {
  const folder = resolve(dirname(scenarioFile));
  return (relativePath) => {
    const full = resolve(folder, relativePath);
    if (relative(folder, full).startsWith('..') || !full.startsWith(folder + sep)) return undefined;
    if (!existsSync(full) || !statSync(full).isFile()) return undefined;
    return readBytes(full);
  };
}

/** Reads at most one byte past the size limit, so a huge file is refused without being loaded. */
export function readBytes(file: string): Uint8Array {
  const buffer = new Uint8Array(Math.min(statSync(file).size, MAX_FILE_BYTES + 1));
  const fd = openSync(file, 'r');
  try {
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** A path as people expect to see it in messages: relative to where they are. */
export const displayPath = (file: string): string => relative(process.cwd(), resolve(file)) || file;
