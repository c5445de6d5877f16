/** A quoted passage with where it comes from, and a way to see it in its source. */
import type { CitationView } from '../../engine/view.ts';
import { h } from '../dom.ts';
import { evidenceBadge } from '../evidence.ts';

export type ShowSource = (citation: CitationView, opener: HTMLElement) => void;

export function citationBlock(citation: CitationView, showSource: ShowSource): HTMLElement {
  const button = h('button', { type: 'button', class: 'link-button' }, 'Show in source');
  button.addEventListener('click', () => showSource(citation, button));
  return h(
    'figure',
    { class: 'citation' },
    h('blockquote', {}, h('p', {}, citation.quote)),
    h(
      'figcaption',
      {},
      citation.evidence ? evidenceBadge(citation.evidence) : null,
      h('cite', {}, citation.sourceTitle),
      citation.note ? h('span', { class: 'citation-note' }, citation.note) : null,
      button,
    ),
  );
}

export function citationList(
  citations: CitationView[],
  showSource: ShowSource,
  heading = 'What the source says',
): HTMLElement | null {
  if (citations.length === 0) return null;
  return h(
    'section',
    { class: 'citations', 'aria-label': heading },
    h('h3', { class: 'small-heading' }, heading),
    citations.map((c) => citationBlock(c, showSource)),
  );
}
