/**
 * How each kind of evidence is named and explained to students, in words a 12-year-old knows.
 * The same four labels answer two different questions: on an option, outcome or ending they say
 * whether it happened in the article; on a quote they say who is speaking. Both explanations live
 * here so every screen words them the same way.
 */
import type { Evidence } from '../scenario/schema.ts';
import { exhaustive } from '../lib/assert.ts';
import { h } from './dom.ts';
import { svgElement } from './svg.ts';

export const EVIDENCE_KINDS: readonly Evidence[] = ['reported', 'stated-position', 'analysis', 'hypothetical'];

/** The question an option's (or outcome's, or ending's) label answers. */
export const CHOICE_QUESTION = 'Did this happen in the article?';
/** The question a quote's label answers. */
export const QUOTE_QUESTION = 'Who says this?';

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

/** What the label means on an option, an outcome or an ending: did this happen in the article? */
export function evidenceMeaning(kind: Evidence): string {
  switch (kind) {
    case 'reported':
      return 'The article says this happened.';
    case 'stated-position':
      return 'Someone in the article said they would do this, or that it should be done. The article does not say it happened.';
    case 'analysis':
      return 'An expert in the article thinks this could happen. The article does not say it happened.';
    case 'hypothetical':
      return 'This did not happen in the article. The game imagines it from the quotes it shows with it.';
    default:
      return exhaustive(kind, 'evidence kind');
  }
}

/** What the label means on a quote: who says this? */
export function quoteMeaning(kind: Evidence): string {
  switch (kind) {
    case 'reported':
      return 'The article tells this as a fact.';
    case 'stated-position':
      return 'A person or government in the article says this: what they want, warn about or claim.';
    case 'analysis':
      return 'An expert quoted in the article gives their opinion.';
    case 'hypothetical':
      return 'The game made this up; it is not from the article.';
    default:
      return exhaustive(kind, 'evidence kind');
  }
}

/** Each kind's icon, drawn in a 16x16 box with the label's colour: a shape to tell them apart without colour. */
const ICON_PATHS: Record<Evidence, string[]> = {
  // A page of news: a sheet with lines of print.
  reported: ['M3 1.5h10v13H3z', 'M5.5 5h5M5.5 8h5M5.5 11h3'],
  // A speech bubble: someone says it.
  'stated-position': ['M2 2.5h12v8H7l-3.5 3v-3H2z'],
  // A magnifying glass: an expert looks closely.
  analysis: ['M6.5 2a4.5 4.5 0 1 1 0 9a4.5 4.5 0 1 1 0-9z', 'M10 10l4.5 4.5'],
  // A thought cloud: imagined, with the two small bubbles of a thought.
  hypothetical: [
    'M4.5 9.5a2.5 2.5 0 0 1 0-5a3.2 3.2 0 0 1 6-0.8a2.8 2.8 0 0 1 1.5 5.8z',
    'M4 12.2a0.9 0.9 0 1 1 0 0.1z',
    'M2 14.6a0.5 0.5 0 1 1 0 0.1z',
  ],
};

export function evidenceIcon(kind: Evidence): SVGSVGElement {
  const svg = svgElement('svg', {
    class: 'evidence-icon',
    viewBox: '0 0 16 16',
    width: '16',
    height: '16',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  for (const d of ICON_PATHS[kind])
    svg.appendChild(
      svgElement('path', {
        d,
        fill: 'none',
        stroke: 'currentColor',
        'stroke-width': '1.6',
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      }),
    );
  return svg;
}

/** A label whose icon, not only its colour, tells the kinds apart; the name is always written beside it. */
export function evidenceBadge(kind: Evidence): HTMLElement {
  return h('span', { class: `evidence evidence-${kind}` }, evidenceIcon(kind), evidenceName(kind));
}

/**
 * An option's label as a disclosure button that unfolds its plain meaning beneath: a click, a tap,
 * Enter or Space all open it, so it works where there is no hover. `id` must be unique on the page.
 */
export function explainedBadge(
  kind: Evidence,
  id: string,
  labelsHref: string | undefined,
): { toggle: HTMLButtonElement; explanation: HTMLElement } {
  const explanation = h(
    'div',
    { class: 'evidence-explanation', id, hidden: true },
    h('p', {}, h('strong', {}, `${evidenceName(kind)}: `), evidenceMeaning(kind)),
    h(
      'p',
      { class: 'evidence-questions' },
      `This label answers “${CHOICE_QUESTION}” The labels on the quotes answer another question: “${QUOTE_QUESTION}”`,
    ),
    labelsHref ? h('p', {}, h('a', { href: labelsHref }, 'How to read the labels')) : null,
  );
  const toggle = h(
    'button',
    { type: 'button', class: 'evidence-toggle', 'aria-expanded': 'false', 'aria-controls': id },
    evidenceBadge(kind),
    h('span', { class: 'evidence-toggle-mark', 'aria-hidden': 'true' }, '?'),
    h('span', { class: 'visually-hidden' }, ' What does this label mean?'),
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    explanation.hidden = !open;
  });
  return { toggle, explanation };
}
