// @vitest-environment happy-dom
/**
 * Glossary terms explained where they occur in student text: the first occurrence on a screen is
 * a button that unfolds its definition inline (a click, tap, Enter or Space), and axe finds
 * nothing wrong with it.
 */
import { describe, expect, it, vi } from 'vitest';
import { decisionScreen } from '../../../src/ui/screens/decision.ts';
import { outcomeScreen } from '../../../src/ui/screens/outcome.ts';
import { axeViolations, textOf } from './axe.ts';
import { decisionAfter } from './fakes.ts';

const glossary = [
  { term: 'strike', definition: 'When workers stop working to make a point.' },
  { term: 'valley road', definition: 'The low road along the river.' },
  { term: 'road', definition: 'Should lose to the longer "valley road".' },
];

describe('glossary terms in student text', () => {
  it('explain their first occurrence in a decision’s situation, by a button that unfolds the definition', async () => {
    const screen = decisionScreen(decisionAfter('shorten'), {
      choose: vi.fn(),
      showSource: vi.fn(),
      rewindTo: vi.fn(),
      tryInstead: vi.fn(),
      glossary,
    });
    const terms = [...screen.querySelectorAll<HTMLButtonElement>('.situation .term-button')];
    expect(terms.map((t) => textOf(t.querySelector('dfn')!))).toEqual(['strike']);
    const term = terms[0]!;
    const definition = screen.querySelector<HTMLElement>(`#${term.getAttribute('aria-controls')}`)!;
    expect(term.getAttribute('aria-expanded')).toBe('false');
    expect(definition.hidden).toBe(true);
    // The situation still reads as one sentence, the definition (once open) right after its term.
    expect(textOf(screen.querySelector('.situation')!).replace(': what does it mean?', '')).toMatch(
      /^The drivers threaten to strike \(When workers stop working to make a point\.\)\.$/,
    );
    term.click();
    expect(term.getAttribute('aria-expanded')).toBe('true');
    expect(definition.hidden).toBe(false);
    expect(textOf(definition)).toBe('(When workers stop working to make a point.)');
    expect(await axeViolations(screen)).toEqual([]);
    term.click();
    expect(definition.hidden).toBe(true);
  });

  it('mark the longest term in an outcome, and nothing without a glossary', () => {
    const step = decisionAfter('shorten').path[0]!;
    const marked = outcomeScreen(step, [], 'Next', { next: vi.fn(), showSource: vi.fn(), glossary });
    expect([...marked.querySelectorAll('.outcome-text dfn')].map(textOf)).toEqual(['valley road']);
    const plain = outcomeScreen(step, [], 'Next', { next: vi.fn(), showSource: vi.fn() });
    expect(plain.querySelectorAll('.term-button')).toHaveLength(0);
    expect(textOf(plain.querySelector('.outcome-text')!)).toBe('The bus takes the valley road.');
  });
});
