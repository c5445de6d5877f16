/**
 * The standard search for a learning platform's SCORM API object (ADL's "API discovery"): the
 * window, then its parents up to the top, then the window that opened it and that window's
 * parents. A frame from another origin throws when read; that only ends the search there.
 */

/** The parts of a window the search reads. */
export interface WindowLike {
  parent: WindowLike | null;
  opener?: WindowLike | null;
}

export type ApiName = 'API' | 'API_1484_11';

/** ADL's sample code gives up after this many levels, so a loop of frames cannot hang the page. */
const MAX_LEVELS = 500;

export function findApi(start: WindowLike, name: ApiName): object | undefined {
  const own = searchUp(start, name);
  if (own.api) return own.api;
  // A platform that opens the course in a new window keeps the API in the opener's frames.
  const opener = read(() => own.top.opener);
  return opener ? searchUp(opener, name).api : undefined;
}

/** The API in `start` or the nearest of its parents, and the topmost window the search reached. */
function searchUp(start: WindowLike, name: ApiName): { api?: object; top: WindowLike } {
  let win = start;
  for (let level = 0; level <= MAX_LEVELS; level++) {
    const api = read(() => (win as unknown as Record<string, unknown>)[name]);
    if (api && typeof api === 'object') return { api, top: win };
    const parent = read(() => win.parent);
    if (!parent || parent === win) break;
    win = parent;
  }
  return { top: win };
}

function read<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
