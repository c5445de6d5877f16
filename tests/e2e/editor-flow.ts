/**
 * A teacher builds a two-decision scenario in the page's editor with the keyboard alone: Tab to a
 * field, type, Enter on buttons, arrow keys in lists, Shift+Control+arrows to select the words of
 * the source that become a quote. No YAML is typed. Shared by the e2e test and the screenshots.
 */
import type { Page } from 'playwright-core';
import { tabUntil } from './browser.ts';

/** The paragraph the teacher adds to the starter's source, and cites. */
export const ADDED_SOURCE =
  '\nThe council agreed to pay for a crossing guard until the summer. Parents offered to help at the gate.';

const byId = '(element, id) => element?.id === id';
const byText = '(element, text) => element?.tagName === "BUTTON" && element.textContent.trim() === text';
const byStart = '(element, text) => element?.tagName === "BUTTON" && element.textContent.trim().startsWith(text)';

export async function tabToId(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).waitFor();
  await tabUntil(page, byId, id, 400);
}

export async function tabToButton(page: Page, text: string, startsWith = false): Promise<void> {
  await tabUntil(page, startsWith ? byStart : byText, text, 400);
}

/** Replaces a field's text by typing, as a keyboard user does (select all, type). */
export async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabToId(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/**
 * Cites by selecting: Enter on the citation's "Cite by selecting" button, then in the source's text
 * Control+End, `skipWords` words back, and Shift+Control+Left over `words` words; Enter takes them.
 */
export async function citeBySelecting(page: Page, citation: string, skipWords: number, words: number): Promise<string> {
  await tabToId(page, `ed-${citation}-cite`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'ed-source-reader');
  await page.keyboard.press('Control+End');
  await press(page, 'Control+ArrowLeft', skipWords);
  await press(page, 'Shift+Control+ArrowLeft', words);
  await page.keyboard.press('Enter');
  const quote = page.locator(`#ed-${citation}-quote`);
  await page.waitForFunction((id) => document.activeElement?.id === id, `ed-${citation}-quote`);
  return quote.inputValue();
}

/** Waits until the checker has looked at the latest change and says so. */
export async function waitForCheck(page: Page, ok: boolean): Promise<string> {
  const status = page.locator('.ed-check-status');
  await page.waitForFunction(
    (ok) => {
      const el = document.querySelector('.ed-check-status');
      return el instanceof HTMLElement && el.classList.contains(ok ? 'ok' : 'has-errors') && !el.dataset.checking;
    },
    ok,
    { timeout: 30_000 },
  );
  return (await status.textContent()) ?? '';
}

/** Waits until the draft is written to IndexedDB. */
export async function waitUntilKept(page: Page): Promise<void> {
  await page.locator('.ed-kept', { hasText: 'kept in this browser.' }).waitFor();
}

/** From the title screen to a new scenario in the editor. */
export async function startNewScenario(page: Page): Promise<void> {
  await tabToButton(page, 'write one in the page');
  await page.keyboard.press('Enter');
  await tabToButton(page, 'Start a new scenario');
  await page.keyboard.press('Enter');
  await waitForCheck(page, true);
}

/** Sets the title and adds the cited paragraph to the source. */
export async function editAboutAndSource(page: Page): Promise<void> {
  await typeInto(page, 'ed-title', 'Break time and the busy road');
  await tabToButton(page, 'Sources (', true);
  await page.keyboard.press('Enter');
  await tabToId(page, 'ed-source-text-0');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(ADDED_SOURCE);
}

/** The second decision point, with a situation that differs by the first choice, all cited by selecting. */
export async function addSecondDecision(page: Page): Promise<string[]> {
  await tabToButton(page, 'Add a decision point');
  await page.keyboard.press('Enter');
  await typeInto(page, 'ed-decisions-1-title', 'Who watches the crossing?');
  await tabToButton(page, 'Add a version of the situation for some paths');
  await page.keyboard.press('Enter');
  await typeInto(page, 'ed-decisions-1-situation-0-text', 'Pupils now cross the busy road to the park every day.');
  await typeInto(page, 'ed-decisions-1-situation-1-text', 'Pupils stay inside, but the road is busy at home time too.');
  const quotes = [
    await citeBySelecting(page, 'decisions-1-situation-0-citations-0', 7, 12),
    await citeBySelecting(page, 'decisions-1-situation-1-citations-0', 0, 7),
    await citeBySelecting(page, 'decisions-1-citations-0', 0, 4),
  ];
  await typeInto(page, 'ed-decisions-1-options-0-label', 'Pay for a crossing guard');
  quotes.push(await citeBySelecting(page, 'decisions-1-options-0-citations-0', 7, 12));
  await typeInto(page, 'ed-decisions-1-options-1-label', 'Ask parents to help');
  quotes.push(await citeBySelecting(page, 'decisions-1-options-1-citations-0', 0, 7));
  // Both new options lead to the starter's one ending, as a new option does at first.
  return quotes;
}

/**
 * Both options of the first decision lead to the second instead of the ending: one step up the list
 * of points (the decision points, then the endings).
 */
export async function leadFirstDecisionToSecond(page: Page): Promise<void> {
  await tabToButton(page, 'Where do pupils play?');
  await page.keyboard.press('Enter');
  await tabToId(page, 'ed-decisions-0-options-0-next');
  await page.keyboard.press('ArrowUp');
  await tabToId(page, 'ed-decisions-0-options-1-next');
  await page.keyboard.press('ArrowUp');
}
