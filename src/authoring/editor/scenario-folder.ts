/**
 * The scenario folder the editor saves: the scenario file and its sources, named as they sit in
 * the folder, and the same folder as one zip for a browser that cannot write folders.
 */
import { zipSync, strToU8 } from 'fflate';

export interface FolderFile {
  /** Inside the scenario's folder: "scenario.yaml", "sources/article.txt". */
  path: string;
  bytes: Uint8Array;
}

export interface EditedScenario {
  /** The scenario file's name in its folder (usually scenario.yaml). */
  fileName: string;
  text: string;
  /** The sources by their path in the folder. */
  sources: Record<string, string>;
}

export function folderFiles(edited: EditedScenario): FolderFile[] {
  return [
    { path: edited.fileName, bytes: strToU8(edited.text) },
    ...Object.entries(edited.sources).map(([path, text]) => ({ path, bytes: strToU8(text) })),
  ];
}

/** A fixed time in every entry, so the same folder gives the same zip. */
const ZIP_TIME = new Date(Date.UTC(2020, 0, 1));

/** The folder as a zip whose entries sit under `<folder>/`, as a zipped folder does. */
export function zipFolder(folder: string, files: readonly FolderFile[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of files) entries[`${folder}/${file.path}`] = [file.bytes, { mtime: ZIP_TIME }];
  return zipSync(entries, { level: 6 });
}
