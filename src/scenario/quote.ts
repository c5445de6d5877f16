/**
 * Finding a quote in its source. A quote must appear verbatim, allowing only for
 * differences of white space and of the style of quotes, apostrophes and dashes.
 */
import { editDistance } from '../lib/similar.ts';

const CHARACTER_STYLES: Record<string, string> = {
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u0060': "'",
  '\u00B4': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

/** Text with styles folded and runs of white space made one space, and where each character came from. */
export interface NormalizedText {
  text: string;
  /** offsets[i] is the index in the original text of normalized character i. */
  offsets: number[];
}

export function normalize(original: string): NormalizedText {
  let text = '';
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      text += ' ';
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    text += CHARACTER_STYLES[ch] ?? ch;
    offsets.push(i);
  }
  return { text, offsets };
}

export interface QuoteMatch {
  /** Where the quote stands in the original source text: [start, end). */
  start: number;
  end: number;
}

/** One pattern per plain character: a replacement without a callback is many times faster on a whole source. */
const STYLED_TO_PLAIN = [...new Set(Object.values(CHARACTER_STYLES))].map(
  (plain) =>
    [
      new RegExp(
        `[${Object.keys(CHARACTER_STYLES)
          .filter((styled) => CHARACTER_STYLES[styled] === plain)
          .join('')}]`,
        'g',
      ),
      plain,
    ] as const,
);
/** White space at either end, runs of it, white space other than a space, or a styled character. */
const NEEDS_FOLDING = new RegExp(`^\\s|\\s$|\\s\\s|[^\\S ]|[${Object.keys(CHARACTER_STYLES).join('')}]`);

/** The same text as normalize(quote).text, made without tracking offsets: quotes are many and short. */
export function normalizeQuote(quote: string): string {
  if (!NEEDS_FOLDING.test(quote)) return quote;
  let text = quote.replace(/\s+/g, ' ');
  for (const [styled, plain] of STYLED_TO_PLAIN) text = text.replace(styled, plain);
  if (text.startsWith(' ')) text = text.slice(1);
  if (text.endsWith(' ')) text = text.slice(0, -1);
  return text;
}

/** Where the quote stands in the source, or undefined when it is not there. */
export function findQuote(source: NormalizedText, quote: string): QuoteMatch | undefined {
  const needle = normalizeQuote(quote);
  if (needle.length === 0) return undefined;
  return matchAt(source, source.text.indexOf(needle), needle.length);
}

function matchAt(source: NormalizedText, at: number, length: number): QuoteMatch | undefined {
  if (at < 0) return undefined;
  return { start: source.offsets[at]!, end: source.offsets[at + length - 1]! + 1 };
}

const RUN = 8;
/** Runs of a needle whose places are counted to choose where to look (see indexOfRuns). */
const SAMPLED_RUNS = 5;
/** Multiplier of the rolling hash of a run, and its 7th power, to take a run's first character out. */
const BASE = 0x01000193;
let top = 1;
for (let i = 1; i < RUN; i++) top = Math.imul(top, BASE);
const TOP = top;

const runHash = (text: string, at: number): number => {
  let hash = 0;
  for (let i = at; i < at + RUN; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
};

/**
 * text.indexOf(needle) for many needles in one text: a validator checks tens of thousands of
 * citations, and scanning the whole source for each one dominated validation of large scenarios.
 * Indexes every run of 8 characters of the text once, by a rolling hash into typed arrays (a
 * map of 8-character strings cost more to build than all the searches), and tries only the
 * places of the rarest of a few runs of the needle; gives exactly what indexOf gives.
 */
function indexOfRuns(text: string): (needle: string) => number {
  const positions = Math.max(0, text.length - RUN + 1);
  let size = 1024;
  while (size < positions * 2) size *= 2;
  const head = new Int32Array(size).fill(-1);
  const count = new Int32Array(size);
  const next = new Int32Array(positions);
  const shift = 32 - Math.log2(size);
  const slot = (hash: number) => Math.imul(hash, 0x9e3779b1) >>> shift;
  const slots = new Int32Array(positions);
  let hash = positions > 0 ? runHash(text, 0) : 0;
  for (let i = 0; i < positions; i++) {
    slots[i] = slot(hash);
    if (i + RUN < text.length)
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(i), TOP), BASE) + text.charCodeAt(i + RUN)) | 0;
  }
  // Each slot's places are chained in ascending order (built from the end), so the first that fits is indexOf's.
  for (let i = positions - 1; i >= 0; i--) {
    const at = slots[i]!;
    next[i] = head[at]!;
    head[at] = i;
    count[at]!++;
  }
  return (needle) => {
    if (needle.length < RUN) return text.indexOf(needle);
    // Every occurrence contains each run of the needle, so its rarest run gives the fewest places to try.
    let fewest = -1;
    let shiftOfFewest = 0;
    let hash = runHash(needle, 0);
    let firstBucket = 0;
    let lastBucket = 0;
    const last = needle.length - RUN;
    // A few runs spread over the needle, first and last included, are enough to find a rare one;
    // looking up every run's slot cost more than it saved (each lookup is a miss in a large table).
    const spacing = Math.max(1, Math.floor(last / (SAMPLED_RUNS - 1)));
    for (let at = 0; at <= last; at++) {
      if (at % spacing === 0 || at === last) {
        const bucket = slot(hash);
        if (count[bucket] === 0) return -1;
        if (at === 0) firstBucket = bucket;
        if (at === last) lastBucket = bucket;
        if (fewest < 0 || count[bucket]! < count[fewest]!) {
          fewest = bucket;
          shiftOfFewest = at;
        }
      }
      if (at < last)
        hash = (Math.imul(hash - Math.imul(needle.charCodeAt(at), TOP), BASE) + needle.charCodeAt(at + RUN)) | 0;
    }
    // A place is compared character by character only when the needle's first and last runs fall
    // in the same slots there: a common phrase can have hundreds of places.
    for (let place = head[fewest]!; place >= 0; place = next[place]!) {
      const start = place - shiftOfFewest;
      if (start < 0 || start + last >= positions) continue;
      if (slots[start] !== firstBucket || slots[start + last] !== lastBucket) continue;
      if (text.startsWith(needle, start)) return start;
    }
    return -1;
  };
}
/**
 * findQuote for many quotes in one source (see indexOfRuns); gives exactly what findQuote gives.
 */
export function quoteFinder(source: NormalizedText): (quote: string) => QuoteMatch | undefined {
  const indexOf = indexOfRuns(source.text);
  return (quote) => {
    const needle = normalizeQuote(quote);
    if (needle.length === 0) return undefined;
    return matchAt(source, indexOf(needle), needle.length);
  };
}

/**
 * Whether each quote is in the source, for a validator: it needs no offsets, so the source is only
 * folded (normalizeQuote folds a text exactly as normalize does), and a quote cited again is answered
 * from memory.
 */
export function quoteChecker(sourceText: string): (quote: string) => boolean {
  const indexOf = indexOfRuns(normalizeQuote(sourceText));
  // Remembered by a hash made here rather than in a Map keyed by the quote: the quotes are strings
  // sliced from a large file, and a Map hashing each one cost more than the searches it spared.
  const known = new Map<number, Known>();
  return (quote) => {
    const hash = textHash(quote);
    for (let entry = known.get(hash); entry; entry = entry.next) if (sameText(entry.quote, quote)) return entry.found;
    const needle = normalizeQuote(quote);
    const found = needle.length > 0 && indexOf(needle) >= 0;
    known.set(hash, { quote, found, next: known.get(hash) });
    return found;
  };
}

interface Known {
  quote: string;
  found: boolean;
  /** Another quote with the same hash. */
  next: Known | undefined;
}

/** a === b, compared here: on two strings sliced from one file, === took a slower way. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** A hash of a text's length and its first and last few characters: sameText settles a match. */
function textHash(text: string): number {
  const ends = 12;
  // FNV-1a, whose prime is the rolling hash's BASE.
  let hash = Math.imul(0x811c9dc5 ^ text.length, BASE);
  const head = Math.min(ends, text.length);
  for (let i = 0; i < head; i++) hash = Math.imul(hash ^ text.charCodeAt(i), BASE);
  for (let i = Math.max(head, text.length - ends); i < text.length; i++)
    hash = Math.imul(hash ^ text.charCodeAt(i), BASE);
  return hash | 0;
}

/**
 * The passage of the source most like the quote, to help an author see what they misquoted, as it
 * stands in the source (white space made single spaces). Windows of the quote's length in words
 * are scored by how many of their words the quote has; among the best, the one whose words are
 * fewest edits from the quote's wins, so word order counts.
 */
export function closestPassage(sourceText: string, quote: string): string | undefined {
  return closestPassageInContext(sourceText, quote)?.passage;
}

/** The closest passage, and the words around it to the nearest sentence or clause break. */
export interface PassageInContext {
  /** Words before the passage back to the start of its sentence or clause ("" when it starts one). */
  before: string;
  passage: string;
  /** Words after it up to the end of its sentence or clause ("" when it ends one). */
  after: string;
}

/**
 * closestPassage with its surroundings: a window of the quote's length in words can start or end
 * in the middle of a phrase (a quote that skipped words with "..." is shorter than the passage it
 * stands for), so the words around it are given too, out to the nearest . ! ? ; or : within a
 * dozen words, or to the start or end of the source. Shown as context, never marked as a difference.
 */
export function closestPassageInContext(sourceText: string, quote: string): PassageInContext | undefined {
  // Words that are all punctuation ("...", "–") count for nothing in a window's length.
  const quoteWords = comparableWords(normalizeQuote(quote)).filter((word) => word !== '');
  const source = normalize(sourceText);
  const spans = wordSpans(source.text);
  const sourceWords = comparableWords(source.text);
  if (quoteWords.length === 0 || sourceWords.length === 0) return undefined;
  const wanted = new Set(quoteWords);
  const size = Math.min(quoteWords.length, sourceWords.length);
  const hit = sourceWords.map((word) => (wanted.has(word) ? 1 : 0));

  let score = 0;
  for (let i = 0; i < size; i++) score += hit[i]!;
  let bestScore = 0;
  let ties: number[] = [];
  for (let start = 0; ; start++) {
    if (score > bestScore) {
      bestScore = score;
      ties = [start];
    } else if (score === bestScore && score > 0 && ties.length < MAX_TIES) {
      ties.push(start);
    }
    if (start + size >= sourceWords.length) break;
    score += hit[start + size]! - hit[start]!;
  }
  if (bestScore === 0) return undefined;

  let best = ties[0]!;
  let fewestEdits = Infinity;
  // Comparing word by word costs the square of the quote's length: very long quotes keep the first.
  for (const start of size <= MAX_WORDS_COMPARED ? ties : []) {
    const edits = editDistance(sourceWords.slice(start, start + size), quoteWords);
    if (edits < fewestEdits) {
      fewestEdits = edits;
      best = start;
    }
  }
  const first = best;
  const last = best + size - 1;
  const ends = (w: number) => /[.!?;:]["'”’)\]]*$/.test(source.text.slice(spans[w]!.start, spans[w]!.end));
  let from = first;
  while (from > 0 && first - from < CONTEXT_WORDS && !ends(from - 1)) from--;
  if (from > 0 && !ends(from - 1)) from = first;
  let to = last;
  while (to < spans.length - 1 && to - last < CONTEXT_WORDS && !ends(to)) to++;
  if (!ends(to) && to < spans.length - 1) to = last;
  const text = (a: number, b: number) =>
    a > b
      ? ''
      : sourceText.slice(source.offsets[spans[a]!.start]!, source.offsets[spans[b]!.end - 1]! + 1).replace(/\s+/g, ' ');
  return { before: text(from, first - 1), passage: text(first, last), after: text(last + 1, to) };
}

/** How far, in words, the context around a closest passage may reach for a sentence or clause break. */
const CONTEXT_WORDS = 12;

/** Windows that score equally well and are compared word by word; bounds keep huge files quick. */
const MAX_TIES = 50;
const MAX_WORDS_COMPARED = 300;

/** Words of normalized text, lowercased and without punctuation at their ends, for comparing. */
const comparableWords = (normalized: string) =>
  normalized
    .split(' ')
    .filter(Boolean)
    .map((word) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));

/** Where each word of normalized text (single spaces, none at the ends) starts and ends. */
function wordSpans(normalized: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= normalized.length; i++) {
    if (i === normalized.length || normalized[i] === ' ') {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}
