/**
 * Citing by selecting: the words an author selects in a source become the quote. They are the
 * source's own characters, so the quote always verifies; white space is folded as the checker folds
 * it (a selection across a line break reads as one line). And the other way: where a quote sits in
 * its source, with some words either side, to show it in context.
 */
import { findQuote, normalize } from '../../scenario/quote.ts';

/** The selected characters [start, end) of a source as a quote, or undefined for an empty selection. */
export function quoteFromSelection(source: string, start: number, end: number): string | undefined {
  const [from, to] = start <= end ? [start, end] : [end, start];
  const quote = source.slice(Math.max(0, from), Math.min(source.length, to)).replace(/\s+/g, ' ').trim();
  return quote === '' ? undefined : quote;
}

export interface QuoteInContext {
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/** Characters of context shown either side of a quote. */
const CONTEXT = 140;

/** Where the quote stands in the source, with context; undefined when it is not there word for word. */
export function locateQuote(source: string, quote: string): QuoteInContext | undefined {
  if (quote.trim() === '') return undefined;
  const found = findQuote(normalize(source), quote);
  if (!found) return undefined;
  const { start, end } = found;
  const from = Math.max(0, source.lastIndexOf(' ', Math.max(0, start - CONTEXT)) + 1);
  const toSpace = source.indexOf(' ', Math.min(source.length, end + CONTEXT));
  const to = toSpace < 0 ? source.length : toSpace;
  return {
    start,
    end,
    before: (from > 0 ? '…' : '') + source.slice(from, start),
    match: source.slice(start, end),
    after: source.slice(end, to) + (to < source.length ? '…' : ''),
  };
}
