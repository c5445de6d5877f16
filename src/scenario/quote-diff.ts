/**
 * What differs between a misquote and the closest passage of its source, word by word, and the
 * usual reasons said plainly: curly quotes typed around the value, "..." to skip words, a number
 * written with or without thousands separators, a word whose capitals or punctuation differ. It travels in the diagnostic (`difference`), so
 * the CLI (words in [brackets] and «»), the JSON output and the page (<del>/<ins>) show the same.
 */

export interface DiffPart {
  kind: 'same' | 'quote-only' | 'source-only';
  text: string;
}

export interface QuoteDifference {
  /** Words of the source just before the passage, out to a sentence or clause break: context, not a difference. */
  before: string;
  /** The passage and the quote, word by word: the same words, the source's own and the quote's own. */
  parts: DiffPart[];
  /** Words of the source just after the passage, out to a sentence or clause break. */
  after: string;
  /** Plain-words reasons found, such as curly quotes or "..." in the quote. */
  notes: string[];
}

import { normalizeQuote } from './quote.ts';

const SKIPPED = /^(?:\.\.\.|…|\[(?:\.\.\.|…)\])$/;
const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');
const bare = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Word-level difference (longest common subsequence; quotes and passages are short). */
export function quoteDifference(
  quote: string,
  passage: string,
  context: { before: string; after: string } = { before: '', after: '' },
): QuoteDifference {
  // "..." stands for words left out: it is said in a note, and marking it as a word of its own
  // would pull the alignment of the words around it apart.
  const a = words(quote).filter((word) => !SKIPPED.test(word));
  const b = words(passage);
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] =
        bare(a[i]!) === bare(b[j]!) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += ` ${text}`;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  let spelt: string | undefined;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && bare(a[i]!) === bare(b[j]!)) {
      spelt ??= writtenDifferently(a[i]!, b[j]!, i === 0, i === a.length - 1);
      push('same', b[j]!);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || table[i]![j + 1]! >= table[i + 1]![j]!)) push('source-only', b[j++]!);
    else push('quote-only', a[i++]!);
  }
  // The passage is as many words long as the quote: a quote with a word of its own pulls in a word of
  // the source at an edge. A quote may start and end anywhere, so such a word is context, not a difference.
  let { before, after } = context;
  if (parts.length > 1 && parts[0]!.kind === 'source-only' && parts[1]!.kind === 'same')
    before = [before, parts.shift()!.text].filter((t) => t !== '').join(' ');
  if (parts.length > 1 && parts.at(-1)!.kind === 'source-only' && parts.at(-2)!.kind === 'same')
    after = [parts.pop()!.text, after].filter((t) => t !== '').join(' ');
  const notes = notesFor(quote, passage);
  // The notes above name the usual causes (a number's separators among them) more precisely.
  if (spelt && notes.length === 0) notes.push(spelt);
  return { before, parts, after, notes };
}

/**
 * The same word written otherwise (a capital, quote marks or other punctuation the source has): the
 * quote's first word may be the end of the source's, and its last word the start of it.
 */
function writtenDifferently(quoted: string, source: string, first: boolean, last: boolean): string | undefined {
  const q = normalizeQuote(quoted);
  const s = normalizeQuote(source);
  if (
    q === s ||
    (first && last && s.includes(q)) ||
    (first && !last && s.endsWith(q)) ||
    (last && !first && s.startsWith(q))
  )
    return undefined;
  return `the source writes “${source}” where the quote has “${quoted}”: copy its capitals and punctuation too`;
}

function notesFor(quote: string, passage: string): string[] {
  const notes: string[] = [];
  const trimmed = quote.trim();
  if (/^[“”"‘’']/.test(trimmed) && /[“”"‘’']$/.test(trimmed))
    notes.push(
      'the quote marks around it became part of the quote: leave them out (or use plain "..." around the value)',
    );
  if (/\.\.\.|…/.test(quote)) notes.push('"..." cannot skip words in a quote: cite the two parts as two quotes');
  const numbers = (text: string) => text.match(/\d[\d,.]*\d|\d/g) ?? [];
  const plain = (n: string) => n.replace(/,/g, '');
  for (const n of numbers(quote))
    for (const m of numbers(passage))
      if (n !== m && plain(n) === plain(m))
        notes.push(`the source writes ${m}, the quote ${n}: write it as the source does`);
  return notes;
}

/** The passage with the source's differing words in [brackets] and the quote's own in «», for a terminal. */
export function markedPassage(difference: QuoteDifference): string {
  const marked = difference.parts.map((p) =>
    p.kind === 'same' ? p.text : p.kind === 'source-only' ? `[${p.text}]` : `«${p.text}»`,
  );
  return [difference.before, ...marked, difference.after].filter((text) => text !== '').join(' ');
}

/** The passage as the source has it, context included. */
export function plainPassage(difference: QuoteDifference): string {
  const passage = difference.parts.filter((p) => p.kind !== 'quote-only').map((p) => p.text);
  return [difference.before, ...passage, difference.after].filter((text) => text !== '').join(' ');
}

/** Whether the quote and the passage differ in any word (they may differ only in spacing or punctuation's place). */
export const differsInWords = (difference: QuoteDifference): boolean => difference.parts.some((p) => p.kind !== 'same');

/** Where the closest passage starts in the message of a misquote: the page shows the passage itself from `difference`. */
export const CLOSEST_PASSAGE = ' The closest passage is: ';
