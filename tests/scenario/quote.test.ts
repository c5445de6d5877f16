/** Finding a quote in its source: what may differ (white space, styles of quotes and dashes) and what may not. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closestPassage,
  closestPassageInContext,
  findQuote,
  normalize,
  quoteFinder,
  quoteChecker,
} from '../../src/scenario/quote.ts';

const SOURCE = [
  'The council met on Monday to discuss the bridge.',
  'Some members argued that repairs should wait until spring.',
  'The engineer’s report said the bridge was “safe for light traffic only”.',
  'The vote — 5–4 — went the ‘cautious’ way.',
].join('\n');
const source = normalize(SOURCE);
const found = (quote: string) => {
  const match = findQuote(source, quote);
  return match && SOURCE.slice(match.start, match.end);
};

describe('normalize', () => {
  it('folds typographic quotes, apostrophes and dashes, and makes white space single spaces', () => {
    expect(normalize('  The engineer’s\n\n report — “safe”\t‘now’ 5–4 ').text).toBe(
      "The engineer's report - \"safe\" 'now' 5-4",
    );
  });

  it('records where each character came from', () => {
    const original = 'a\u00A0\n b “c”';
    const { text, offsets } = normalize(original);
    expect(text).toBe('a b "c"');
    expect(offsets).toEqual([0, 1, 4, 5, 6, 7, 8]);
  });

  it('keeps every character of the text in order, whatever the text', () => {
    const alphabet = fc.constantFrom(
      'a',
      'B',
      '.',
      ' ',
      '\n',
      '\t',
      '\u00A0',
      '“',
      '”',
      '‘',
      '’',
      '—',
      '–',
      '-',
      '"',
      "'",
    );
    const text = fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (original) => {
        const { text: folded, offsets } = normalize(original);
        expect(folded).not.toMatch(/^ | $| {2}/);
        expect(offsets).toHaveLength(folded.length);
        offsets.forEach((offset, i) => {
          if (i > 0) expect(offset).toBeGreaterThan(offsets[i - 1]!);
          const from = original[offset]!;
          if (folded[i] === ' ') expect(from).toMatch(/\s/);
          else expect(normalize(from).text).toBe(folded[i]);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('findQuote', () => {
  it.each([
    [
      'straight quotes for curly ones',
      'the bridge was "safe for light traffic only"',
      'the bridge was “safe for light traffic only”',
    ],
    ['a straight apostrophe for a curly one', "The engineer's report", 'The engineer’s report'],
    ['straight single quotes for curly ones', "went the 'cautious' way", 'went the ‘cautious’ way'],
    ['hyphens for em and en dashes', 'The vote - 5-4 - went', 'The vote — 5–4 — went'],
    ['a space where the source breaks the line', 'until spring. The engineer', 'until spring.\nThe engineer'],
    ['runs of white space and a line break in the quote', '  repairs   should\n wait  ', 'repairs should wait'],
  ])('matches %s, and gives back the source’s own text', (_, quote, original) => {
    expect(found(quote)).toBe(original);
  });

  it.each([
    ['a changed word', 'repairs should wait until summer'],
    ['a change of case', 'the council met on Monday'],
    ['missing punctuation', 'until spring The engineer'],
    ['a space inside a word', 'rep airs should wait'],
    ['a word left out', 'repairs wait until spring'],
    ['an ellipsis for words left out', 'repairs ... spring'],
    ['quotation marks the source does not have', 'the "bridge" was'],
    ['nothing but white space', ' \n '],
  ])('does not match %s', (_, quote) => {
    expect(findQuote(source, quote)).toBeUndefined();
  });

  it('finds the first of several occurrences', () => {
    const match = findQuote(source, 'the bridge');
    expect(match?.start).toBe(SOURCE.indexOf('the bridge'));
  });
});

describe('quoteFinder', () => {
  const text = `${SOURCE}\nThe council met again on Tuesday. The council met on Monday, they said.`;
  /** Passages of the text, some garbled into misquotes. */
  const passage = fc
    .tuple(fc.nat(text.length), fc.integer({ min: 1, max: 60 }), fc.boolean())
    .map(([start, length, garble]) => {
      const piece = text.slice(start, start + length);
      return garble ? piece.replace(/e/g, 'a') : piece;
    });

  it('finds exactly what findQuote finds, for passages of the source and for misquotes', () => {
    const normalized = normalize(text);
    const find = quoteFinder(normalized);
    fc.assert(
      fc.property(passage, (quote) => {
        expect(find(quote)).toEqual(findQuote(normalized, quote));
      }),
      { numRuns: 300 },
    );
  });

  it('quoteChecker says whether findQuote finds a quote, asked once or again', () => {
    const normalized = normalize(text);
    const has = quoteChecker(text);
    fc.assert(
      fc.property(passage, (quote) => {
        const found = findQuote(normalized, quote) !== undefined;
        expect(has(quote)).toBe(found);
        expect(has(` ${quote}`.slice(1))).toBe(found);
      }),
      { numRuns: 300 },
    );
  });
});

describe('closestPassage', () => {
  it('finds the passage an author misquoted, as the source writes it', () => {
    expect(closestPassage(SOURCE, 'repairs should wait until summer')).toBe('repairs should wait until spring.');
    expect(closestPassage(SOURCE, 'the engineer\'s report said the bridge was "unsafe')).toBe(
      'The engineer’s report said the bridge was “safe',
    );
  });

  it('prefers the passage with the words in the quoted order', () => {
    const text = 'Until spring, repairs should wait, said one. Later: repairs should wait until spring.';
    expect(closestPassage(text, 'repairs should wait until summer')).toBe('repairs should wait until spring.');
  });

  it('shows a passage across a line break with a single space', () => {
    expect(closestPassage(SOURCE, 'wait until spring. An engineer’s')).toBe('wait until spring. The engineer’s');
  });

  it('gives nothing when no word of the quote is in the source', () => {
    expect(closestPassage(SOURCE, 'zebra xylophone')).toBeUndefined();
    expect(closestPassage(SOURCE, '   ')).toBeUndefined();
  });

  it('copes with a quote longer than the source', () => {
    expect(closestPassage('Bridge closed.', 'the bridge was closed for the winter')).toBe('Bridge closed.');
  });
});

describe('closestPassageInContext', () => {
  it('widens the passage to the start and end of its sentence, never cutting a word', () => {
    const text = 'The council met. Some members argued that repairs should wait until spring. Others did not.';
    expect(closestPassageInContext(text, 'repairs should wait till')).toEqual({
      before: 'Some members argued that',
      passage: 'repairs should wait until',
      after: 'spring.',
    });
  });

  it('adds nothing where the passage already starts and ends a sentence', () => {
    expect(closestPassageInContext('One. Repairs should wait. Two.', 'repairs should wait')).toEqual({
      before: '',
      passage: 'Repairs should wait.',
      after: '',
    });
  });

  it('keeps to the passage when no break is near, rather than show a page of text', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(closestPassageInContext(words, 'w20 w21 x')).toEqual({ before: '', passage: 'w20 w21 w22', after: '' });
  });

  it('does not count "..." as a word of the quote', () => {
    expect(closestPassageInContext('Repairs should wait until spring.', 'Repairs ... spring')?.passage).toBe(
      'Repairs should',
    );
  });
});
