/**
 * Saving the edited scenario: into a folder on the computer where the browser lets a page write one
 * (the File System Access API: Chrome and Edge), else as a zip of the folder, downloaded.
 */
import { folderFiles, zipFolder } from '../../authoring/editor/scenario-folder.ts';
import type { Draft } from '../../authoring/editor/draft.ts';
import { h } from '../dom.ts';

interface DirectoryHandle {
  name: string;
  getDirectoryHandle(name: string, options: { create: boolean }): Promise<DirectoryHandle>;
  getFileHandle(
    name: string,
    options: { create: boolean },
  ): Promise<{
    createWritable(): Promise<{ write(data: Uint8Array): Promise<void>; close(): Promise<void> }>;
  }>;
}

type PickDirectory = (options: { mode: 'readwrite'; id?: string }) => Promise<DirectoryHandle>;

export const canSaveToFolder = (): boolean =>
  typeof (window as { showDirectoryPicker?: unknown }).showDirectoryPicker === 'function';

/** Asks for a folder (once; later saves reuse it) and writes the scenario file and its sources into it. */
export async function saveToFolder(draft: Draft, remembered: DirectoryHandle | undefined): Promise<DirectoryHandle> {
  const pick = (window as unknown as { showDirectoryPicker: PickDirectory }).showDirectoryPicker;
  const folder = remembered ?? (await pick({ mode: 'readwrite', id: 'branchpoint-scenario' }));
  for (const file of folderFiles(draft)) {
    const parts = file.path.split('/');
    let dir = folder;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
    const handle = await dir.getFileHandle(parts[parts.length - 1]!, { create: true });
    const writable = await handle.createWritable();
    await writable.write(file.bytes);
    await writable.close();
  }
  return folder;
}

export type { DirectoryHandle };

/** Downloads the folder as `<folder>.zip`; returns the file's name. */
export function downloadZip(draft: Draft): string {
  const zip = zipFolder(draft.folder, folderFiles(draft));
  const name = `${draft.folder}.zip`;
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
  const link = h('a', { href: url, download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
