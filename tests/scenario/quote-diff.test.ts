/** The differing words of a misquote, and its usual causes said plainly. */
import { describe, expect, it } from 'vitest';
import { markedPassage, quoteDifference } from '../../src/scenario/quote-diff.ts';

describe('quote difference', () => {
  it('marks the one wrong word on both sides', () => {
    const difference = quoteDifference('repairs should wait till spring', 'repairs should wait until spring');
    expect(markedPassage(difference)).toBe('repairs should wait [until] «till» spring');
    expect(difference.notes).toEqual([]);
  });

  it('says when curly quotes became part of the quote', () => {
    expect(quoteDifference('“a total blockade”', 'a total blockade of Cuba').notes[0]).toMatch(/quote marks around it/);
  });

  it('says that "..." cannot skip words', () => {
    expect(quoteDifference('the bridge ... only', 'the bridge was safe for light traffic only').notes).toEqual([
      '"..." cannot skip words in a quote: cite the two parts as two quotes',
    ]);
  });

  it('says when a number is written with a different separator', () => {
    expect(quoteDifference('sent 1000 troops', 'sent 1,000 troops').notes).toEqual([
      'the source writes 1,000, the quote 1000: write it as the source does',
    ]);
  });

  it('keeps a word of the source at an edge of the passage as context, not as a difference', () => {
    // The passage is as long as the quote, so the quote's extra word pulls in the source's "that".
    const difference = quoteDifference(
      'the crossing is very busy at that hour',
      'that "the crossing is busy at that hour".',
      {
        before: 'The caretaker warned',
        after: '',
      },
    );
    expect(markedPassage(difference)).toBe('The caretaker warned that "the crossing is «very» busy at that hour".');
    // A word that differs at the edge is still marked.
    expect(markedPassage(quoteDifference('A playground will close', 'the playground will close'))).toBe(
      '[the] «A» playground will close',
    );
  });

  it('says when a word is the same but its capitals or punctuation differ', () => {
    expect(
      quoteDifference(
        'The caretaker warned that the crossing is busy',
        'The caretaker warned that "the crossing is busy',
      ).notes,
    ).toEqual(['the source writes “"the” where the quote has “the”: copy its capitals and punctuation too']);
    expect(quoteDifference('Some Teachers proposed moving', 'Some teachers proposed moving').notes).toEqual([
      'the source writes “teachers” where the quote has “Teachers”: copy its capitals and punctuation too',
    ]);
    // A quote may start inside the source's first word and stop inside its last one.
    expect(quoteDifference('the crossing is busy', '"the crossing is busy.').notes).toEqual([]);
  });
});
