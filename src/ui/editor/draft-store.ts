/**
 * Work is never lost: the draft being edited is written to the browser's IndexedDB after every
 * change (a write in progress is followed by the newest draft only), and read back when the editor
 * opens after a reload, a crash or a closed tab. Nothing leaves the device.
 */
import type { Draft } from '../../authoring/editor/draft.ts';

const DB = 'branchpoint-editor';
const STORE = 'drafts';
const KEY = 'current';

export interface StoredDraft {
  draft: Draft;
  /** When it was last written (ms since 1970). */
  at: number;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = act(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB refused the change'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB refused the change'));
    });
  } finally {
    db.close();
  }
}

export async function loadDraft(): Promise<StoredDraft | undefined> {
  try {
    const stored = await run('readonly', (store) => store.get(KEY) as IDBRequest<StoredDraft | undefined>);
    return stored && typeof stored.draft?.text === 'string' ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Writes drafts one at a time; while one is being written, only the newest waiting one follows. */
export class DraftWriter {
  private writing = false;
  private waiting: Draft | null | undefined;
  /** Told when a write fails (private browsing, a full disk), so the page can say so. */
  onProblem: (message: string) => void = () => {};
  /** Told when everything asked for is written. */
  onSaved: () => void = () => {};

  /** Keeps `draft`, or forgets the stored one when null. */
  keep(draft: Draft | null): void {
    this.waiting = draft;
    if (!this.writing) void this.flush();
  }

  get idle(): boolean {
    return !this.writing && this.waiting === undefined;
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.waiting !== undefined) {
      const draft = this.waiting;
      this.waiting = undefined;
      try {
        if (draft === null) await run('readwrite', (store) => store.delete(KEY));
        else await run('readwrite', (store) => store.put({ draft, at: Date.now() } satisfies StoredDraft, KEY));
      } catch {
        this.onProblem(
          'This browser would not keep your work (private browsing, or no space left): save or download the folder now so nothing is lost.',
        );
      }
    }
    this.writing = false;
    this.onSaved();
  }
}
