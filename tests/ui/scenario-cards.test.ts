// @vitest-environment happy-dom
/** The scenario cards: one part, shown by the title screen and the workshop's start screen with their own buttons. */
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/engine/catalog.ts';
import { titleScreen } from '../../src/ui/screens/title.ts';
import { startScreen } from '../../src/ui/workshop/screens/start.ts';

const entry: CatalogEntry = {
  id: 'bridge',
  title: 'The bridge',
  summary: 'A town decides about its bridge.',
  language: 'en',
  decisions: 2,
  endings: 2,
  sources: [{ title: 'Council note', date: '2024-01-02' }],
};

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('scenario cards', () => {
  it('on the title screen: title, summary, size and sources, and Start or Continue', () => {
    let saved = false;
    const opened: string[] = [];
    const actions = {
      open: (id: string) => opened.push(`open ${id}`),
      resume: (id: string) => opened.push(`resume ${id}`),
      hasSave: () => saved,
    };
    const fresh = titleScreen([entry], actions).querySelector('.scenario-card')!;
    expect(text(fresh.querySelector('h3'))).toBe('The bridge');
    expect(text(fresh.querySelector('.fine-print'))).toBe(
      '2 decision points · 2 endings · Source: Council note (2024-01-02)',
    );
    expect([...fresh.querySelectorAll('button')].map(text)).toEqual(['Start The bridge']);
    saved = true;
    const card = titleScreen([entry], actions).querySelector('.scenario-card')!;
    const buttons = [...card.querySelectorAll('button')];
    expect(buttons.map(text)).toEqual(['Continue The bridge', 'Start again The bridge']);
    buttons.forEach((b) => b.click());
    expect(opened).toEqual(['resume bridge', 'open bridge']);
  });

  it('on the workshop’s start screen: the same card, a heading a level lower, no sources, its own buttons', () => {
    const card = startScreen([entry], undefined, false, {
      host: () => {},
      offline: () => {},
      join: () => {},
    }).querySelector('.scenario-card')!;
    expect(text(card.querySelector('h4.card-title'))).toBe('The bridge');
    expect(text(card.querySelector('.fine-print'))).toBe('2 decision points · 2 endings');
    expect([...card.querySelectorAll('button')].map(text)).toEqual([
      'Start a session of The bridge',
      'Offline, with hand counts of The bridge',
    ]);
  });

  it('says so when there are no scenarios', () => {
    const screen = titleScreen([], { open: () => {}, resume: () => {}, hasSave: () => false });
    expect(screen.textContent).toContain('No scenarios were found');
  });
});
