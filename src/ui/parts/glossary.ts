/**
 * Glossary terms explained where they occur in student text: the term becomes a button that
 * unfolds its definition inline (a click, a tap, Enter or Space; no hover), and its state is
 * announced with aria-expanded. Only the first occurrence per screen is marked (see
 * src/engine/glossary.ts); a screen makes one `Glossary` and passes every text through it.
 */
import { markTerms, type GlossaryTerm } from '../../engine/glossary.ts';
import { h } from '../dom.ts';

let count = 0;

export class Glossary {
  private readonly seen = new Set<string>();

  constructor(private readonly terms: readonly GlossaryTerm[] = []) {}

  /** The text as nodes: plain text, with the first occurrence of each term not yet marked on this screen explained. */
  text(text: string): Node[] {
    return markTerms(text, this.terms, this.seen).map((piece) =>
      piece.term ? explainedTerm(piece.text, piece.term) : document.createTextNode(piece.text),
    );
  }
}

function explainedTerm(text: string, term: GlossaryTerm): HTMLElement {
  const id = `term-${++count}`;
  const definition = h('span', { class: 'term-definition', id, hidden: true }, ` (${term.definition})`);
  const button = h(
    'button',
    { type: 'button', class: 'term-button', 'aria-expanded': 'false', 'aria-controls': id },
    h('dfn', {}, text),
    h('span', { class: 'visually-hidden' }, ': what does it mean?'),
  );
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    definition.hidden = !open;
  });
  return h('span', { class: 'term' }, button, definition);
}
