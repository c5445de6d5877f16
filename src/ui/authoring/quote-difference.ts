/**
 * A misquote's closest passage as the page shows it: the source's words around it, and each place
 * where the quote and the source differ as the author's words crossed out (<del>) beside the
 * source's words underlined (<ins>). Not colour alone, and read aloud as "you wrote … the source
 * says …". Built from the diagnostic's `difference`, the same data the CLI prints in [ ] and « ».
 */
import type { DiffPart, QuoteDifference } from '../../scenario/quote-diff.ts';
import { differsInWords } from '../../scenario/quote-diff.ts';
import { h } from '../dom.ts';

export function quoteDifferenceView(difference: QuoteDifference): HTMLElement {
  const marked = differsInWords(difference);
  return h(
    'div',
    { class: 'quote-difference' },
    h(
      'p',
      { class: 'quote-difference-title' },
      marked
        ? 'The closest passage in the source, with the words that differ marked:'
        : 'The closest passage in the source:',
    ),
    h(
      'blockquote',
      {},
      h('p', {}, spaced([difference.before, ...inReadingOrder(difference.parts).map(part), difference.after])),
    ),
    marked ? h('p', { class: 'fine-print' }, 'Crossed out: your words. Underlined: the source’s words.') : null,
    difference.notes.length
      ? h(
          'ul',
          { class: 'quote-notes' },
          difference.notes.map((note) => h('li', {}, capitalize(note) + '.')),
        )
      : null,
  );
}

/** The author's words before the source's where they stand for the same place, as a correction reads. */
function inReadingOrder(parts: readonly DiffPart[]): DiffPart[] {
  const out = [...parts];
  for (let i = 0; i + 1 < out.length; i++)
    if (out[i]!.kind === 'source-only' && out[i + 1]!.kind === 'quote-only')
      [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  return out;
}

function part(p: DiffPart): Node | string {
  if (p.kind === 'same') return p.text;
  const [tag, said] =
    p.kind === 'quote-only' ? (['del', 'you wrote: '] as const) : (['ins', 'the source says: '] as const);
  return h(tag, {}, h('span', { class: 'visually-hidden' }, said), p.text);
}

/** Pieces joined with single spaces, leaving out empty ones. */
function spaced(pieces: Array<Node | string>): Array<Node | string> {
  return pieces.filter((piece) => piece !== '').flatMap((piece, i) => (i === 0 ? [piece] : [' ', piece]));
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
