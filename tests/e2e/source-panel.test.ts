/**
 * "Show in source": the dialog opens with the full source text and the cited passage highlighted;
 * the highlighted words are the quoted words; Escape closes it and focus goes back to the button.
 * All by keyboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, openPage, playHash, tabUntil, waitForHeading } from './browser.ts';
import { normalizeQuote, sourceFilesByTitle, viewAfter } from './flagship.ts';
import { playToEnding } from './screens.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Tabs to the n-th visible "Show in source" button in main, opens it with Enter, checks the dialog, closes it with Escape. */
async function checkShowInSource(page: Page, n: number): Promise<void> {
  await page.evaluate(() => (document.querySelector('main h2') as HTMLElement | null)?.focus());
  await tabUntil(
    page,
    '(el, n) => el?.matches?.("main button") && el.textContent === "Show in source" && [...document.querySelectorAll("main button")].filter((b) => b.textContent === "Show in source" && b.getClientRects().length > 0 && b.tabIndex >= 0).indexOf(el) === n',
    n,
  );
  const opener = await page.evaluateHandle(() => document.activeElement as HTMLElement);
  const { quote, source } = await page.evaluate(() => {
    const figure = document.activeElement!.closest('figure')!;
    return {
      quote: figure.querySelector('blockquote')!.textContent!.trim(),
      source: figure.querySelector('cite')!.textContent!.trim(),
    };
  });
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: source });
  await dialog.waitFor();
  const mark = dialog.locator('mark#cited-passage');
  expect(await mark.isVisible()).toBe(true);
  expect(normalizeQuote((await mark.textContent()) ?? '')).toBe(normalizeQuote(quote));
  // The passage is in view and has focus, so a screen reader starts reading there.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('cited-passage');
  const inView = await mark.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });
  expect(inView).toBe(true);
  // The dialog holds the full text of the source file.
  const text = (await dialog.locator('.source-text').textContent()) ?? '';
  expect(normalizeQuote(text)).toBe(sourceFilesByTitle.get(source)?.text.text);

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await page.evaluate((el) => document.activeElement === el, opener)).toBe(true);
  await opener.dispose();
}

describe('the source panel', () => {
  it(
    'shows each cited passage of a decision (the situation and every option) highlighted in the full source, by keyboard',
    { timeout: 90_000 },
    async () => {
      // On a phone each option's sources sit in its own "Sources for option N" disclosure.
      const { page, context, errors } = await openPage(browser.current, {
        viewport: { width: 360, height: 640 },
        stage: false,
      });
      await page.goto(`${baseUrl}${playHash}`);
      const first = viewAfter([]);
      if (first.kind !== 'decision') throw new Error('the flagship starts at an ending');
      await waitForHeading(page, first.title);
      // Open every disclosure by keyboard: Tab to its summary, Enter.
      const summaries = [
        ...(first.citations.length > 0 ? [`Check the situation in the source (${first.citations.length})`] : []),
        ...first.options.map((o) => `Sources for option ${o.number}`),
      ];
      for (const summary of summaries) {
        await tabUntil(page, '(el, text) => el?.tagName === "SUMMARY" && el.textContent === text', summary);
        await page.keyboard.press('Enter');
      }
      const count = await page
        .locator('main button', { hasText: /^Show in source$/ })
        .evaluateAll((buttons) => buttons.filter((b) => b.getClientRects().length > 0).length);
      const expected = new Set(
        [...first.citations, ...first.options.flatMap((o) => o.citations)].map((c) => `${c.sourceId}:${c.quote}`),
      );
      expect(count).toBeGreaterThanOrEqual(expected.size);
      for (let n = 0; n < count; n++) await checkShowInSource(page, n);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('shows the passages an outcome and an ending rest on', { timeout: 90_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    await page.goto(`${baseUrl}${playHash}`);
    const first = viewAfter([]);
    if (first.kind !== 'decision') throw new Error('the flagship starts at an ending');
    await waitForHeading(page, first.title);
    await page.keyboard.press('1');
    await waitForHeading(page, first.options[0]!.label);
    const outcomeButtons = await page.getByRole('main').getByRole('button', { name: 'Show in source' }).count();
    expect(outcomeButtons).toBeGreaterThan(0);
    for (let n = 0; n < outcomeButtons; n++) await checkShowInSource(page, n);
    await playToEnding(page, 'first');
    // The ending's sources fold below its way on.
    await page.getByRole('main').locator('details.citations > summary').click();
    const endingButtons = await page
      .getByRole('main')
      .locator('.citations')
      .getByRole('button', { name: 'Show in source' })
      .count();
    expect(endingButtons).toBeGreaterThan(0);
    for (let n = 0; n < endingButtons; n++) await checkShowInSource(page, n);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('closes when the student clicks outside it, and opens a whole source from the briefing', async () => {
    const { page, context } = await openPage(browser.current, { stage: false });
    await page.goto(`${baseUrl}#/s/atacms-2024`);
    const read = page.getByRole('main').getByRole('button', { name: 'Read the source' }).first();
    await read.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.locator('mark').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close source');
    await page.mouse.click(2, 2);
    await dialog.waitFor({ state: 'hidden' });
    expect(await read.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });
});
