/** How each kind of evidence is named and explained to students. */
import type { Evidence } from '../scenario/schema.ts';
import { exhaustive } from '../lib/assert.ts';
import { h } from './dom.ts';

export function evidenceName(kind: Evidence): string {
  switch (kind) {
    case 'reported':
      return 'Reported';
    case 'stated-position':
      return 'Stated position';
    case 'analysis':
      return 'Analysis';
    case 'hypothetical':
      return 'Hypothetical';
    default:
      return exhaustive(kind, 'evidence kind');
  }
}

export function evidenceMeaning(kind: Evidence): string {
  switch (kind) {
    case 'reported':
      return 'The source states this as fact.';
    case 'stated-position':
      return 'Someone quoted in the source argues, warns or claims this.';
    case 'analysis':
      return "An analyst's judgement quoted in the source.";
    case 'hypothetical':
      return "The scenario author's extrapolation: it did not happen in the source. The citation shows what it extrapolates from.";
    default:
      return exhaustive(kind, 'evidence kind');
  }
}

/** A label whose shape, not only its colour, tells the kinds apart. */
export function evidenceBadge(kind: Evidence): HTMLElement {
  return h(
    'span',
    { class: `evidence evidence-${kind}`, title: evidenceMeaning(kind) },
    h('span', { class: 'evidence-mark', 'aria-hidden': 'true' }),
    evidenceName(kind),
  );
}
