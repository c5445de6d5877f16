/**
 * The files an author opened in the page (dropped, picked or unzipped), held in memory by their
 * path. Nothing here touches the DOM or the network, so the same code runs in tests under Node.
 */
import type { ReadFile } from '../scenario/validate.ts';
import { SCENARIO_FILE_NAMES } from '../scenario/file-names.ts';

export interface OpenedFile {
  /** Forward slashes, no leading "./" or "/": "my-scenario/sources/article.txt". */
  path: string;
  bytes: Uint8Array;
}

/**
 * A path as given by a browser or a zip -> its tidy form, or undefined when it climbs out of the
 * set ("../") or is absolute, which no file an author opened can honestly be.
 */
export function tidyPath(raw: string): string | undefined {
  if (/^([a-z]:)?[\\/]/i.test(raw)) return undefined;
  const parts: string[] = [];
  for (const part of raw.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  return parts.length > 0 ? parts.join('/') : undefined;
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Reads files named relative to the scenario file's folder, as the command line's readBeside does:
 * a path that leaves that folder is refused (undefined, reported as "not found beside the scenario").
 */
export function readBesideIn(files: readonly OpenedFile[], scenarioPath: string): ReadFile {
  const byPath = new Map(files.map((file) => [file.path, file.bytes]));
  const folder = folderOf(scenarioPath);
  // Files picked or dropped one by one arrive without their folders ("note.txt", not
  // "sources/note.txt"): then a source is found by its name alone, if only one file has it.
  const flat = files.every((file) => !file.path.includes('/'));
  return (relativePath) => {
    const inside = tidyPath(relativePath);
    if (inside === undefined) return undefined;
    const found = byPath.get(folder ? `${folder}/${inside}` : inside);
    if (found !== undefined || !flat) return found;
    const sameName = files.filter((file) => file.path === nameOf(inside));
    return sameName.length === 1 ? sameName[0]!.bytes : undefined;
  };
}

/**
 * The scenario files among the opened ones: those named like a scenario, shallowest first; failing
 * that, the only YAML file there is (an author may have named theirs "bus-route.yaml").
 */
export function scenarioFilesIn(files: readonly OpenedFile[]): string[] {
  const depth = (path: string) => path.split('/').length;
  const byDepth = (a: string, b: string) => depth(a) - depth(b) || a.localeCompare(b);
  const named = files.map((f) => f.path).filter((path) => SCENARIO_FILE_NAMES.includes(nameOf(path).toLowerCase()));
  if (named.length > 0) return named.sort(byDepth);
  const yaml = files.map((f) => f.path).filter((path) => /\.ya?ml$/i.test(path));
  return yaml.length === 1 ? yaml : [];
}
