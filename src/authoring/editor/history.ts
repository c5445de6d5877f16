/**
 * Undo and redo over the file's text. Each edit is a new text; typing in one field within a short
 * time is one step, so Undo takes back a word or a sentence, not a letter. Pure: the caller passes
 * the time.
 */
export interface History {
  readonly past: readonly string[];
  readonly present: string;
  readonly future: readonly string[];
  /** The field and time of the last edit, to merge typing into one step. */
  readonly last?: { field: string; at: number };
}

/** Steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;
/** Edits of one field this close together (ms) are one step. */
export const MERGE_WINDOW = 1500;

export const startHistory = (text: string): History => ({ past: [], present: text, future: [] });

/** Records an edit. `field` names what was edited; consecutive edits of the same field merge. */
export function record(history: History, text: string, field?: string, at = 0): History {
  if (text === history.present) return history;
  const merge =
    field !== undefined &&
    history.last?.field === field &&
    at - history.last.at < MERGE_WINDOW &&
    history.past.length > 0;
  const past = merge ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { past, present: text, future: [], last: field === undefined ? undefined : { field, at } };
}

export function undo(history: History): History {
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: history.past[history.past.length - 1]!,
    future: [history.present, ...history.future],
  };
}

export function redo(history: History): History {
  if (history.future.length === 0) return history;
  return {
    past: [...history.past, history.present],
    present: history.future[0]!,
    future: history.future.slice(1),
  };
}
