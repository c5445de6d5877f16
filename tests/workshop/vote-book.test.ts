import { describe, expect, it } from 'vitest';
import { allVotes, emptyBook, voteOf, withVote } from '../../src/workshop/vote-book.ts';

describe('the vote book', () => {
  it('keeps one vote per participant, the latest, and counts voters', () => {
    let book = emptyBook;
    for (let i = 0; i < 500; i++) book = withVote(book, `p${i}`, { option: 'a', at: i });
    book = withVote(book, 'p7', { option: 'b', at: 999, reason: 'changed my mind' });
    expect(book.size).toBe(500);
    expect(voteOf(book, 'p7')).toEqual({ option: 'b', at: 999, reason: 'changed my mind' });
    expect(voteOf(book, 'p500')).toBeUndefined();
    expect(voteOf(book, 'constructor')).toBeUndefined();
    expect(allVotes(book)).toHaveLength(500);
    expect(
      allVotes(book)
        .filter(([, v]) => v.option === 'b')
        .map(([id]) => id),
    ).toEqual(['p7']);
  });

  it('leaves earlier books as they were', () => {
    const before = withVote(emptyBook, 'x', { option: 'a', at: 1 });
    const after = withVote(before, 'x', { option: 'b', at: 2 });
    expect(voteOf(before, 'x')!.option).toBe('a');
    expect(voteOf(after, 'x')!.option).toBe('b');
    expect(emptyBook).toEqual({ size: 0, buckets: {} });
  });
});
