import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT,
  MERGE_WINDOW,
  record,
  redo,
  startHistory,
  undo,
} from '../../../src/authoring/editor/history.ts';

describe('undo and redo', () => {
  it('takes edits back and forward, and a new edit drops what could be redone', () => {
    let h = startHistory('a');
    h = record(h, 'b', 'title', 0);
    h = record(h, 'c', 'summary', 10);
    expect(undo(h).present).toBe('b');
    expect(undo(undo(h)).present).toBe('a');
    expect(undo(undo(undo(h))).present).toBe('a');
    expect(redo(undo(undo(h))).present).toBe('b');
    const branched = record(undo(h), 'd', 'title', 20);
    expect(branched.future).toEqual([]);
    expect(undo(branched).present).toBe('b');
  });

  it('merges typing in one field into one step, but not across fields or pauses', () => {
    let h = startHistory('');
    h = record(h, 'W', 'title', 0);
    h = record(h, 'Wo', 'title', 100);
    h = record(h, 'Wor', 'title', 200);
    expect(undo(h).present).toBe('');
    h = record(h, 'Word', 'title', 200 + MERGE_WINDOW + 1);
    expect(undo(h).present).toBe('Wor');
    h = record(h, 'Word!', 'summary', 200 + MERGE_WINDOW + 2);
    expect(undo(h).present).toBe('Word');
  });

  it('ignores an edit that changes nothing and keeps at most HISTORY_LIMIT steps', () => {
    let h = startHistory('0');
    expect(record(h, '0', 'x', 0)).toBe(h);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, String(i));
    expect(h.past.length).toBe(HISTORY_LIMIT);
  });
});
