/**
 * Saved games and exploration progress in localStorage. Saves are untrusted input: each is
 * versioned and checked, and one that cannot be used is set aside under a backup key, never
 * deleted, so nothing a student saved is lost.
 */
import { emptyProgress, PROGRESS_VERSION, type Progress } from '../engine/progress.ts';
import { isRecord } from '../lib/is-record.ts';

/**
 * 2: the machine became constant-size (the decision point moved from the snapshot's state into its
 * context). A version-1 save is still loaded: its option ids are replayed, its old snapshot ignored.
 */
export const SAVE_VERSION = 2;
const REPLAYABLE_VERSIONS: readonly unknown[] = [1, SAVE_VERSION];

export interface SavedGame {
  version: typeof SAVE_VERSION | 1;
  scenario: string;
  /** The option ids chosen so far: enough to rebuild and check the snapshot. */
  options: string[];
  /** The persisted XState snapshot. */
  snapshot: unknown;
  savedAt: string;
}

export type Loaded<T> = { kind: 'none' } | { kind: 'ok'; value: T } | { kind: 'unusable'; reason: string };

const saveKey = (scenario: string) => `branchpoint:save:${scenario}`;
const progressKey = (scenario: string) => `branchpoint:progress:${scenario}`;
const backupKey = (key: string) => `${key}:unusable:${new Date().toISOString()}`;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function read<T>(key: string, check: (value: unknown) => string | undefined): Loaded<T> {
  const raw = safely(() => storage()?.getItem(key) ?? null);
  if (raw === null || raw === undefined) return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return setAside(key, raw, 'it is not readable (damaged data)');
  }
  const problem = check(value);
  return problem ? setAside(key, raw, problem) : { kind: 'ok', value: value as T };
}

function setAside<T>(key: string, raw: string, reason: string): Loaded<T> {
  safely(() => {
    storage()?.setItem(backupKey(key), raw);
    storage()?.removeItem(key);
  });
  return { kind: 'unusable', reason };
}

function write(key: string, value: unknown): boolean {
  return safely(() => (storage()?.setItem(key, JSON.stringify(value)), true)) ?? false;
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function checkSave(scenario: string) {
  return (value: unknown): string | undefined => {
    if (!isRecord(value)) return 'it is not a saved game';
    if (!REPLAYABLE_VERSIONS.includes(value.version))
      return `it was saved by another version of Branchpoint (save format ${String(value.version)})`;
    if (value.scenario !== scenario) return 'it belongs to another scenario';
    if (!isStringArray(value.options) || !isRecord(value.snapshot)) return 'it is incomplete';
    return undefined;
  };
}

function checkProgress(value: unknown): string | undefined {
  if (!isRecord(value) || value.version !== PROGRESS_VERSION) return 'it was written by another version of Branchpoint';
  if (!isStringArray(value.endings) || !isStringArray(value.choices) || !Array.isArray(value.playthroughs))
    return 'it is incomplete';
  return undefined;
}

export const loadGame = (scenario: string) => read<SavedGame>(saveKey(scenario), checkSave(scenario));
export const saveGame = (game: SavedGame) => write(saveKey(game.scenario), game);
export const hasSavedGame = (scenario: string) => safely(() => storage()?.getItem(saveKey(scenario)) != null) ?? false;

/** Keeps a save that a shared link or a failed check would otherwise replace. */
export function backUpGame(scenario: string): void {
  const raw = safely(() => storage()?.getItem(saveKey(scenario)));
  if (raw) safely(() => storage()?.setItem(`${saveKey(scenario)}:before-link`, raw));
}

export function restoreBackedUpGame(scenario: string): boolean {
  const raw = safely(() => storage()?.getItem(`${saveKey(scenario)}:before-link`));
  if (!raw) return false;
  return (
    safely(
      () => (
        storage()?.setItem(saveKey(scenario), raw),
        storage()?.removeItem(`${saveKey(scenario)}:before-link`),
        true
      ),
    ) ?? false
  );
}

export function loadProgress(scenario: string): Progress {
  const loaded = read<Progress>(progressKey(scenario), checkProgress);
  return loaded.kind === 'ok' ? loaded.value : emptyProgress();
}

export const saveProgress = (scenario: string, progress: Progress) => write(progressKey(scenario), progress);
