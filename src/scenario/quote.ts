/**
 * Finding a quote in its source. A quote must appear verbatim, allowing only for
 * differences of white space and of the style of quotes, apostrophes and dashes.
 */

const CHARACTER_STYLES: Record<string, string> = {
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u0060': "'", '\u00B4': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
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

/** Where the quote stands in the source, or undefined when it is not there. */
export function findQuote(source: NormalizedText, quote: string): QuoteMatch | undefined {
  const needle = normalize(quote).text;
  if (needle.length === 0) return undefined;
  const at = source.text.indexOf(needle);
  if (at < 0) return undefined;
  const lastIndex = at + needle.length - 1;
  return { start: source.offsets[at]!, end: source.offsets[lastIndex]! + 1 };
}

/**
 * The passage of the source most like the quote, to help an author see what they misquoted.
 * Compares word sets over windows of the quote's length, sliding a word at a time.
 */
export function closestPassage(sourceText: string, quote: string): string | undefined {
  const words = (s: string) => normalize(s).text.toLowerCase().split(' ').filter(Boolean);
  const quoteWords = words(quote);
  const original = normalize(sourceText).text.split(' ');
  const lowered = original.map((w) => w.toLowerCase());
  if (quoteWords.length === 0 || original.length === 0) return undefined;
  const want = new Set(quoteWords.map(stripPunctuation));
  const size = Math.min(quoteWords.length, original.length);
  let best = -1;
  let bestScore = 0;
  for (let start = 0; start + size <= lowered.length; start++) {
    let score = 0;
    for (let i = start; i < start + size; i++) if (want.has(stripPunctuation(lowered[i]!))) score++;
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  if (best < 0) return undefined;
  return original.slice(best, best + size).join(' ');
}

const stripPunctuation = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
