// @vitest-environment happy-dom
/**
 * Evidence labels at the point of choice: each option's label is a disclosure button that unfolds
 * its plain meaning (no hover needed), says which question it answers, and leads to the one-screen
 * "How to read the labels".
 */
import { describe, expect, it, vi } from 'vitest';
import { EVIDENCE_KINDS, evidenceIcon, evidenceMeaning, quoteMeaning } from '../../../src/ui/evidence.ts';
import { decisionScreen } from '../../../src/ui/screens/decision.ts';
import { labelsScreen } from '../../../src/ui/screens/labels.ts';
import { axeViolations, textOf } from './axe.ts';
import { decisionAfter } from './fakes.ts';

const actions = () => ({ choose: vi.fn(), showSource: vi.fn(), rewindTo: vi.fn(), tryInstead: vi.fn() });

describe('an option’s evidence label', () => {
  it('unfolds its plain meaning on click (tap, Enter and Space click a button) and folds again', async () => {
    const screen = decisionScreen(decisionAfter('shorten'), { ...actions(), labelsHref: '#/s/school-bus/labels' });
    const toggles = [...screen.querySelectorAll<HTMLButtonElement>('.evidence-toggle')];
    expect(toggles).toHaveLength(2);
    const toggle = toggles[0]!;
    const panel = screen.querySelector<HTMLElement>(`#${toggle.getAttribute('aria-controls')}`)!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    expect(textOf(toggle)).toMatch(/What does this label mean\?$/);

    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(textOf(panel)).toContain('Did this happen in the article?');
    expect(textOf(panel)).toContain('Who says this?');
    expect(panel.querySelector('a')?.getAttribute('href')).toBe('#/s/school-bus/labels');
    // Opening one option's explanation leaves the others' alone.
    expect(toggles[1]!.getAttribute('aria-expanded')).toBe('false');
    expect(await axeViolations(screen)).toEqual([]);

    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
  });

  it('links every decision to "How to read the labels"', () => {
    const screen = decisionScreen(decisionAfter(), { ...actions(), labelsHref: '#/s/school-bus/labels' });
    const link = [...screen.querySelectorAll('a')].find((a) => textOf(a) === 'How to read the labels');
    expect(link?.getAttribute('href')).toBe('#/s/school-bus/labels');
  });

  it('keeps the option’s description with its label’s meaning and quotes, not the toggle’s words', () => {
    const screen = decisionScreen(decisionAfter('shorten'), actions());
    const option = screen.querySelector('.option-button')!;
    const description = textOf(screen.querySelector(`#${option.getAttribute('aria-describedby')}`)!);
    expect(description).toMatch(/^(Reported|Stated position|Analysis|Hypothetical): .+ Source: “.+”/);
    expect(description).not.toContain('What does this label mean');
  });
});

describe('the label words', () => {
  it('give each kind its own icon and its own two meanings, in short plain sentences', () => {
    const icons = EVIDENCE_KINDS.map((k) => evidenceIcon(k).innerHTML);
    expect(new Set(icons).size).toBe(4);
    for (const kind of EVIDENCE_KINDS) {
      expect(evidenceMeaning(kind)).not.toBe(quoteMeaning(kind));
      for (const sentence of `${evidenceMeaning(kind)} ${quoteMeaning(kind)}`.split(/(?<=\.)\s/))
        expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(20);
      // Words above a 12-year-old's vocabulary that the old wording used.
      expect(evidenceMeaning(kind)).not.toMatch(/extrapolat|judgement|scenario author/i);
    }
    expect(evidenceMeaning('hypothetical')).toMatch(/did not happen in the article/);
    expect(evidenceMeaning('reported')).toBe('The article says this happened.');
  });
});

describe('How to read the labels', () => {
  it('explains all four labels on a choice and on a quote on one screen, and goes back', async () => {
    const back = vi.fn();
    const screen = labelsScreen(back);
    expect(textOf(screen.querySelector('h2')!)).toBe('How to read the labels');
    const rows = [...screen.querySelectorAll('tbody tr')].map((r) => textOf(r.querySelector('th')!));
    expect(rows).toEqual(['Reported', 'Stated position', 'Analysis', 'Hypothetical']);
    expect(textOf(screen.querySelector('thead')!)).toContain('did this happen in the article?');
    expect(textOf(screen.querySelector('thead')!)).toContain('who says this?');
    expect(await axeViolations(screen)).toEqual([]);
    [...screen.querySelectorAll('button')].find((b) => textOf(b) === 'Back to the game')!.click();
    expect(back).toHaveBeenCalledOnce();
  });
});
