/**
 * The message for a quote that is not in its source, in the words a teacher needs: when the usual
 * causes can be proved (curly quote marks typed around the value, "..." to skip words), it says so
 * and nothing else; otherwise it shows the closest passage with the differing words marked and
 * any plain reasons found (1000 vs 1,000). The difference travels with the diagnostic as data.
 */
import type { Detail } from './validate.ts';
import { closestPassageInContext } from './quote.ts';
import { CLOSEST_PASSAGE, differsInWords, markedPassage, plainPassage, quoteDifference } from './quote-diff.ts';

const AROUND = /^\s*[“”"„«»‘’']+([\s\S]*?)[“”"„«»‘’']+\s*$/;
const SKIP = /\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|…)\s*/;

export function misquote(
  quote: string,
  sourceId: string,
  sourceText: string,
  hasQuote: (quote: string) => boolean,
): { message: string; detail: Detail } {
  // A placeholder (the Twine import writes "TODO: …") is work still to do, not a misquote.
  if (/^\s*TODO\b/.test(quote))
    return {
      message: `this citation is still to write: replace the placeholder with the exact words of source "${sourceId}" that back it`,
      detail: {},
    };
  const lead = `this quote is not in source "${sourceId}" word for word`;
  const inner = AROUND.exec(quote)?.[1];
  if (inner !== undefined && inner.trim() !== '' && hasQuote(inner))
    return {
      message: `${lead}: the quote marks around it became part of the quote. Without them it is in the source: leave them out (in YAML only straight quotes "..." around a value are not part of it)`,
      detail: {},
    };
  const pieces = quote.split(SKIP).filter((piece) => piece.trim() !== '');
  if (pieces.length > 1 && pieces.every((piece) => hasQuote(piece)))
    return {
      message: `${lead}: "..." cannot skip words in a quote. Each part is in the source: cite them as ${pieces.length === 2 ? 'two' : pieces.length} quotes, ${pieces.map((piece) => `"${piece.trim()}"`).join(' and ')}`,
      detail: {},
    };
  const near = closestPassageInContext(sourceText, quote);
  if (!near) return { message: `${lead}.`, detail: {} };
  const difference = quoteDifference(quote, near.passage, near);
  const marked = differsInWords(difference) ? markedPassage(difference) : plainPassage(difference);
  const legend = differsInWords(difference) ? ' ([source words], «your words»)' : '';
  const notes = difference.notes.length ? ` ${capitalize(difference.notes.join('; '))}.` : '';
  return { message: `${lead}.${CLOSEST_PASSAGE}"${marked}"${legend}.${notes}`, detail: { difference } };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
