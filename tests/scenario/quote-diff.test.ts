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
});
