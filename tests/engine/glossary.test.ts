import { describe, expect, it } from 'vitest';
import { markTerms, type GlossaryTerm } from '../../src/engine/glossary.ts';

const nato: GlossaryTerm = {
  term: 'NATO',
  definition: 'A military alliance of North American and European countries.',
};
const atacms: GlossaryTerm = { term: 'ATACMS', definition: 'A US missile that can fly about 300 km.' };
const atacmsMissiles: GlossaryTerm = { term: 'ATACMS missiles', definition: 'The missiles themselves.' };
const redLine: GlossaryTerm = { term: 'red line', definition: 'A limit a country warns others not to cross.' };

/** The marked terms, as "text=term". */
const marked = (text: string, terms: GlossaryTerm[], seen?: Set<string>) =>
  markTerms(text, terms, seen)
    .filter((p) => p.term)
    .map((p) => `${p.text}=${p.term!.term}`);

describe('markTerms', () => {
  it('keeps all of the text, in order, with the terms cut out', () => {
    const pieces = markTerms('Will NATO answer?', [nato]);
    expect(pieces).toEqual([{ text: 'Will ' }, { text: 'NATO', term: nato }, { text: ' answer?' }]);
    expect(pieces.map((p) => p.text).join('')).toBe('Will NATO answer?');
  });

  it('matches whole words only, in any case', () => {
    expect(marked('The NATOs and pronato groups', [nato])).toEqual([]);
    expect(marked('nato met.', [nato])).toEqual(['nato=NATO']);
    expect(marked('(NATO)', [nato])).toEqual(['NATO=NATO']);
    expect(marked('Ça, NATO-led', [nato])).toEqual(['NATO=NATO']);
  });

  it('prefers the longest term where terms overlap, whatever the glossary’s order', () => {
    expect(marked('Ukraine fired ATACMS missiles.', [atacms, atacmsMissiles])).toEqual([
      'ATACMS missiles=ATACMS missiles',
    ]);
    expect(marked('Ukraine fired ATACMS missiles.', [atacmsMissiles, atacms])).toEqual([
      'ATACMS missiles=ATACMS missiles',
    ]);
    expect(marked('ATACMS, then ATACMS missiles', [atacms, atacmsMissiles])).toEqual([
      'ATACMS=ATACMS',
      'ATACMS missiles=ATACMS missiles',
    ]);
  });

  it('matches a phrase across line breaks and double spaces', () => {
    expect(marked('crossing a Red\n  Line now', [redLine])).toEqual(['Red\n  Line=red line']);
  });

  it('marks only the first occurrence on a screen, across the screen’s texts', () => {
    const seen = new Set<string>();
    expect(marked('NATO and NATO again', [nato], seen)).toEqual(['NATO=NATO']);
    expect(marked('Later NATO', [nato], seen)).toEqual([]);
    expect(markTerms('Later NATO', [nato], seen)).toEqual([{ text: 'Later NATO' }]);
  });

  it('treats terms with regular-expression characters as plain text, and empty glossaries as nothing', () => {
    const plus: GlossaryTerm = { term: 'C++ (lang)', definition: 'x' };
    expect(marked('I like C++ (lang) a lot; C+ (lang) no', [plus])).toEqual(['C++ (lang)=C++ (lang)']);
    expect(markTerms('text', [])).toEqual([{ text: 'text' }]);
    expect(markTerms('', [nato])).toEqual([]);
  });
});
