/**
 * A zip of a scenario folder -> its files in memory. A zip is untrusted: it may claim any sizes,
 * hold thousands of entries, or be a "zip bomb" that inflates to gigabytes. fflate inflates each
 * entry into a buffer of the size its header declares and never grows it, so capping the declared
 * sizes caps the memory used, whatever the compressed data really holds.
 */
import { unzipSync } from 'fflate';
import { MAX_FILE_BYTES } from '../scenario/parse.ts';
import { tidyPath, type OpenedFile } from './file-set.ts';

export const ZIP_LIMITS = {
  /** Entries, folders included: a scenario has a handful of files. */
  entries: 500,
  /** All files together, as declared by the zip. */
  totalBytes: 20 * 1024 * 1024,
};

export type Unzipped = { ok: true; files: OpenedFile[] } | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

export const looksLikeZip = (bytes: Uint8Array): boolean =>
  [ZIP_MAGIC, EMPTY_ZIP_MAGIC].some((magic) => magic.every((byte, i) => bytes[i] === byte));

class Refused extends Error {}

export function unzipScenario(bytes: Uint8Array, zipName: string): Unzipped {
  let entries = 0;
  let total = 0;
  const skipped: string[] = [];
  let contents: Record<string, Uint8Array>;
  try {
    contents = unzipSync(bytes, {
      filter: (entry) => {
        if (++entries > ZIP_LIMITS.entries)
          throw new Refused(
            `“${zipName}” holds more than ${ZIP_LIMITS.entries} files; a scenario needs only a few. Zip just the scenario's folder.`,
          );
        if (entry.name.endsWith('/')) return false;
        if (tidyPath(entry.name) === undefined) {
          skipped.push(entry.name);
          return false;
        }
        // One byte past the limit is kept so that the checker reports the file as too large.
        total += Math.min(entry.originalSize, MAX_FILE_BYTES + 1);
        if (total > ZIP_LIMITS.totalBytes)
          throw new Refused(
            `“${zipName}” would unpack to more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB; a scenario and its sources are far smaller. Zip just the scenario's folder.`,
          );
        return true;
      },
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    return {
      ok: false,
      message: `“${zipName}” could not be unpacked: it is damaged or not a zip file (${describe(error)}). Zip the scenario's folder again and open the new file.`,
    };
  }
  const files: OpenedFile[] = [];
  for (const [name, data] of Object.entries(contents)) {
    const path = tidyPath(name);
    if (path === undefined || isClutter(path)) continue;
    files.push({ path, bytes: data.length > MAX_FILE_BYTES ? data.subarray(0, MAX_FILE_BYTES + 1) : data });
  }
  if (skipped.length > 0 && files.length === 0) {
    return {
      ok: false,
      message: `Every file in “${zipName}” is named outside the zip (such as “${skipped[0]}”), so none was opened.`,
    };
  }
  return { ok: true, files };
}

/** Files that operating systems add to zips and folders, which are never part of a scenario. */
export const isClutter = (path: string): boolean =>
  /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i.test(path);

function describe(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 120) : 'unknown problem';
}
