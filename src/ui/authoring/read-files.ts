/**
 * Files an author drops on the page or picks with a file input -> their bytes in memory, read by
 * the browser alone (nothing is sent anywhere). Folders are walked; sizes and counts are capped so
 * that dropping the wrong folder (a whole disk, a project with node_modules) cannot freeze the tab.
 */
import { MAX_FILE_BYTES } from '../../scenario/parse.ts';
import type { CapturedDrop } from './drop-capture.ts';
import { tidyPath, type OpenedFile } from '../../authoring/file-set.ts';

export const READ_LIMITS = {
  files: 500,
  /** A zip is read whole (up to this); other files one byte past the checker's limit, so it can say they are too large. */
  zipBytes: 20 * 1024 * 1024,
};

export type ReadOutcome = { ok: true; files: OpenedFile[] } | { ok: false; message: string };

/** Folders that are never part of a scenario and may hold thousands of files. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '__MACOSX', '.svn', '.hg']);

class TooMany extends Error {}

export async function readDropped({ entries, files }: CapturedDrop): Promise<ReadOutcome> {
  try {
    const found: Array<{ path: string; file: File }> = files.map((file) => ({ path: file.name, file }));
    for (const entry of entries) await walk(entry, found);
    return await readAll(found);
  } catch (error) {
    return {
      ok: false,
      message:
        error instanceof TooMany
          ? error.message
          : `The dropped files could not be read (${describe(error)}). Try the “Choose” buttons instead.`,
    };
  }
}

export function readPicked(list: FileList): Promise<ReadOutcome> {
  return readAll([...list].map((file) => ({ path: file.webkitRelativePath || file.name, file })));
}

async function walk(entry: FileSystemEntry, found: Array<{ path: string; file: File }>): Promise<void> {
  if (found.length > READ_LIMITS.files) throw tooMany();
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    found.push({ path: entry.fullPath.replace(/^\/+/, ''), file });
    return;
  }
  if (!entry.isDirectory || SKIPPED_FOLDERS.has(entry.name)) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands over a folder's entries in batches until it hands over none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, found);
  }
}

async function readAll(found: Array<{ path: string; file: File }>): Promise<ReadOutcome> {
  const kept = found.filter(({ path }) => !path.split('/').some((part) => SKIPPED_FOLDERS.has(part)));
  if (kept.length > READ_LIMITS.files) return { ok: false, message: tooMany().message };
  const files: OpenedFile[] = [];
  for (const { path, file } of kept) {
    const tidy = tidyPath(path);
    if (tidy === undefined) continue;
    const isZip = /\.zip$/i.test(file.name) || file.type === 'application/zip';
    if (isZip && file.size > READ_LIMITS.zipBytes) {
      return {
        ok: false,
        message: `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB, too large for a zip of a scenario (at most ${READ_LIMITS.zipBytes / 1024 / 1024} MB). Zip just the scenario's folder.`,
      };
    }
    const limit = isZip ? READ_LIMITS.zipBytes : MAX_FILE_BYTES + 1;
    try {
      files.push({ path: tidy, bytes: new Uint8Array(await file.slice(0, limit).arrayBuffer()) });
    } catch (error) {
      return {
        ok: false,
        message: `“${tidy}” could not be read (${describe(error)}). If it was moved or is still being saved, try again.`,
      };
    }
  }
  return { ok: true, files };
}

const tooMany = () =>
  new TooMany(
    `That is more than ${READ_LIMITS.files} files: a scenario is one file and a few sources. Open just the scenario's folder.`,
  );

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 120) : 'unknown problem';
}
