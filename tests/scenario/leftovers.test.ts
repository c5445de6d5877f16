/** Leftover TODOs, Twine code and uncited quotation marks: what the finders pick out of a text, and what they leave. */
import { describe, expect, it } from 'vitest';
import { quotations, twineCode } from '../../src/scenario/leftovers.ts';
import { misquote } from '../../src/scenario/misquote.ts';
import { quoteChecker } from '../../src/scenario/quote.ts';

describe('Twine code in a text', () => {
  it('finds SugarCube and Harlowe macros and links', () => {
    expect(twineCode('The bridge is old. <<set $x to 5>>')).toBe('<<set $x to 5>>');
    expect(twineCode('It costs more. (set: $cost to it + 1)')).toBe('(set: $cost to it + 1)');
    expect(twineCode('(link-goto: "Go on", "Harbour")')).toBe('(link-goto: "Go on", "Harbour")');
    expect(twineCode('Read on: [[Next->Harbour]]')).toBe('[[Next->Harbour]]');
    expect(twineCode('<<if $cost > 3>>dear<</if>>')).toBe('<<if $cost > 3>>');
  });

  it('leaves ordinary prose alone', () => {
    for (const text of [
      'The vote (5 to 4) went the cautious way.',
      'At 10:30 (local time) the ferry left.',
      'Costs rose by 5 % <as reported>.',
      'See [1] and [2].',
    ])
      expect(twineCode(text)).toBeUndefined();
  });
});

describe('quotations in a text', () => {
  it('finds words in straight, curly and angle quotation marks', () => {
    expect(quotations('He announced a "total naval blockade" and “a quarantine” of «the island»')).toEqual([
      'total naval blockade',
      'a quarantine',
      'the island',
    ]);
  });

  it('leaves out the writer’s full stop or comma inside the closing mark, and marks around no words', () => {
    expect(quotations('An MP had said: "We are worried."')).toEqual(['We are worried']);
    expect(quotations('Scores of "5" and "" are not words.')).toEqual([]);
  });
});

describe('a misquote', () => {
  const source = 'The council met. Some members argued that repairs should wait until spring. It cost 1,000 pounds.';
  const find = quoteChecker(source);
  const check = (quote: string) => misquote(quote, 'note', source, find);

  it('says curly quote marks became part of the quote when, without them, it is in the source', () => {
    const { message, detail } = check('“repairs should wait”');
    expect(message).toMatch(/the quote marks around it became part of the quote\. Without them it is in the source/);
    expect(detail.difference).toBeUndefined();
  });

  it('says "..." cannot skip words, and names the parts to cite, when each is in the source', () => {
    expect(check('Some members argued ... until spring').message).toMatch(
      /"\.\.\." cannot skip words in a quote\. Each part is in the source: cite them as two quotes, "Some members argued" and "until spring"$/,
    );
  });

  it('carries the difference as data: context, the words on each side, and the reasons', () => {
    const { message, detail } = check('repairs should wait till spring');
    expect(detail.difference).toEqual({
      before: 'Some members argued that',
      parts: [
        { kind: 'same', text: 'repairs should wait' },
        { kind: 'source-only', text: 'until' },
        { kind: 'quote-only', text: 'till' },
        { kind: 'same', text: 'spring.' },
      ],
      after: '',
      notes: [],
    });
    expect(message).toContain(
      'The closest passage is: "Some members argued that repairs should wait [until] «till» spring." ([source words], «your words»).',
    );
  });

  it('says 1000 is not 1,000', () => {
    expect(check('cost 1000 pounds').message).toMatch(
      /The source writes 1,000, the quote 1000: write it as the source does\.$/,
    );
  });
});
