/**
 * Files an author opened -> the scenario among them, checked by the same checkScenario as the
 * command line and the build. Pure: the page reads the files, this decides what they are.
 */
import { checkScenario, type CheckResult } from '../engine/check.ts';
import { decodeText, parseScenarioText } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { shapeScenario } from '../scenario/format.ts';
import { SCENARIO_FILE_NAMES } from '../scenario/file-names.ts';
import { readBesideIn, scenarioFilesIn, type OpenedFile } from './file-set.ts';
import { looksLikeZip, unzipScenario } from './unzip.ts';

export type OpenOutcome =
  /** Nothing could be checked; the message says why and what to do. */
  | { kind: 'refused'; message: string }
  /** Several scenarios were opened at once: the author picks one. */
  | { kind: 'choose'; candidates: string[]; files: OpenedFile[] }
  | CheckedScenario;

export interface CheckedScenario {
  kind: 'checked';
  /** The scenario file's path among the opened files, as diagnostics name it. */
  file: string;
  /** Its text, to show the lines that problems point at (undefined when it is not text). */
  text: string | undefined;
  result: CheckResult;
  /** The scenario as far as its shape is right, for drawing its structure even when it has errors. */
  scenario: Scenario | undefined;
  files: OpenedFile[];
}

/** Opens the files: unpacks zips, finds the scenario (or the one `pick` names) and checks it. */
export function openScenario(opened: readonly OpenedFile[], pick?: string): OpenOutcome {
  const unpacked = unpackZips(opened);
  if (!unpacked.ok) return { kind: 'refused', message: unpacked.message };
  const files = unpacked.files;
  if (files.length === 0)
    return {
      kind: 'refused',
      message: 'No files were opened. Choose your scenario’s folder, its files, or a zip of them.',
    };
  const candidates = scenarioFilesIn(files);
  const file =
    pick !== undefined ? candidates.find((c) => c === pick) : candidates.length === 1 ? candidates[0] : undefined;
  if (candidates.length === 0) return { kind: 'refused', message: noScenarioMessage(files) };
  if (file === undefined) return { kind: 'choose', candidates, files };
  const bytes = files.find((f) => f.path === file)!.bytes;
  const result = checkScenario(file, bytes, readBesideIn(files, file));
  const decoded = decodeText(bytes, file);
  const text = decoded.ok ? decoded.text : undefined;
  return { kind: 'checked', file, text, result, scenario: text === undefined ? undefined : shapeOf(text, file), files };
}

/** The scenario when the file parses and its shape is right, whatever else is wrong with it. */
export function shapeOf(text: string, file: string): Scenario | undefined {
  const parsed = parseScenarioText(text, file);
  if (!parsed.ok) return undefined;
  const shaped = shapeScenario(parsed.file.value);
  return shaped.ok ? shaped.scenario : undefined;
}

function unpackZips(opened: readonly OpenedFile[]): { ok: true; files: OpenedFile[] } | { ok: false; message: string } {
  const files: OpenedFile[] = [];
  for (const file of opened) {
    if (!looksLikeZip(file.bytes)) {
      files.push(file);
      continue;
    }
    const unzipped = unzipScenario(file.bytes, file.path);
    if (!unzipped.ok) return unzipped;
    const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
    files.push(...unzipped.files.map((inner) => ({ path: folder + inner.path, bytes: inner.bytes })));
  }
  return { ok: true, files };
}

function noScenarioMessage(files: readonly OpenedFile[]): string {
  const names = files
    .slice(0, 5)
    .map((f) => `“${f.path}”`)
    .join(', ');
  const more = files.length > 5 ? ` and ${files.length - 5} more` : '';
  return `None of the files you opened (${names}${more}) is a scenario. A scenario is a YAML file named ${SCENARIO_FILE_NAMES[0]}; open it together with its sources folder, or the whole scenario folder, or a zip of that folder.`;
}
