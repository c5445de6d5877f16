/**
 * The scenario being edited: its file's text, its sources, and the text it had when opened or
 * last saved (to tell unsaved work apart). Made from files an author opened, or new.
 */
import type { OpenedFile } from '../file-set.ts';
import { looksLikeZip, unzipScenario } from '../unzip.ts';
import { STARTER_SOURCE_FILE, STARTER_SOURCE_TEXT, starterScenario } from '../starter.ts';

export interface Draft {
  /** The folder's name: the zip's top folder and the name a download suggests. */
  folder: string;
  /** The scenario file's name inside the folder. */
  fileName: string;
  text: string;
  /** Source texts by their path inside the folder ("sources/article.txt"). */
  sources: Record<string, string>;
  /** The text as last opened or saved: the working text differs from it when there is unsaved work. */
  savedText: string;
}

/** A new scenario: the starter `npm run scenario -- new` writes, without the line for desktop editors' completion. */
export function newDraft(): Draft {
  const text = starterScenario({ id: 'my-scenario' });
  return {
    folder: 'my-scenario',
    fileName: 'scenario.yaml',
    text,
    sources: { [STARTER_SOURCE_FILE]: STARTER_SOURCE_TEXT },
    savedText: text,
  };
}

/**
 * The draft of a scenario file among opened files: its folder's other text files are its sources.
 * A zip among them is unpacked as openScenario unpacks it (its files under the zip's own folder).
 */
export function draftFromFiles(opened: readonly OpenedFile[], scenarioPath: string, text: string): Draft {
  const files = opened.flatMap((file) => {
    if (!looksLikeZip(file.bytes)) return [file];
    const unzipped = unzipScenario(file.bytes, file.path);
    const folder = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
    return unzipped.ok ? unzipped.files.map((inner) => ({ path: folder + inner.path, bytes: inner.bytes })) : [];
  });
  const cut = scenarioPath.lastIndexOf('/');
  const prefix = cut < 0 ? '' : scenarioPath.slice(0, cut + 1);
  const folder = cut < 0 ? 'scenario' : (scenarioPath.slice(0, cut).split('/').pop() ?? 'scenario');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const sources: Record<string, string> = {};
  for (const file of files) {
    if (file.path === scenarioPath || !file.path.startsWith(prefix) || !/\.(txt|md)$/i.test(file.path)) continue;
    try {
      sources[file.path.slice(prefix.length)] = decoder.decode(file.bytes);
    } catch {
      // Not UTF-8 text: the checker says so when a source names it; nothing to edit here.
    }
  }
  return { folder, fileName: scenarioPath.slice(cut + 1), text, sources, savedText: text };
}

/** The draft as opened files, for the same check as "Open a scenario" (checkOffThread / openScenario). */
export function draftFiles(draft: Draft): OpenedFile[] {
  const encoder = new TextEncoder();
  return [
    { path: `${draft.folder}/${draft.fileName}`, bytes: encoder.encode(draft.text) },
    ...Object.entries(draft.sources).map(([path, text]) => ({
      path: `${draft.folder}/${path}`,
      bytes: encoder.encode(text),
    })),
  ];
}
