/**
 * Finds a scenario's glossary terms in student text, so each can be explained where it occurs.
 * Pure: the DOM side (src/ui/parts/glossary.ts) turns the pieces into inline explanations.
 *
 * A term matches as a whole word or phrase (not inside a longer word), in any letter case, with
 * any run of spaces where the term has one. Where terms overlap the longest wins ("ATACMS
 * missiles" over "ATACMS"). Only a term's first occurrence on a screen is marked: `seen` carries
 * the terms already marked by earlier texts of the same screen.
 */
export interface GlossaryTerm {
  term: string;
  definition: string;
}

export type TextPiece = { text: string; term?: undefined } | { text: string; term: GlossaryTerm };

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const key = (term: string) => term.trim().replace(/\s+/g, ' ').toLowerCase();

/** A matcher for the terms, longest first; undefined when there are none. */
export function glossaryPattern(terms: readonly GlossaryTerm[]): RegExp | undefined {
  const usable = terms.filter((t) => t.term.trim() !== '');
  if (usable.length === 0) return undefined;
  const alternatives = [...usable]
    .sort((a, b) => key(b.term).length - key(a.term).length)
    .map((t) => key(t.term).split(' ').map(escape).join('\\s+'));
  // Letters and digits of any script count as word characters, so "NATO" does not match in "NATOs".
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** `text` cut into plain pieces and the first occurrence of each term not in `seen` (which it updates). */
export function markTerms(text: string, terms: readonly GlossaryTerm[], seen: Set<string> = new Set()): TextPiece[] {
  const pattern = glossaryPattern(terms);
  if (!pattern) return text === '' ? [] : [{ text }];
  const byKey = new Map(terms.map((t) => [key(t.term), t]));
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    const found = key(match[0]);
    const term = byKey.get(found);
    if (!term || seen.has(found)) continue;
    seen.add(found);
    if (match.index > from) pieces.push({ text: text.slice(from, match.index) });
    pieces.push({ text: match[0], term });
    from = match.index + match[0].length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
  return pieces;
}
