/**
 * Evidence labels at the point of choice, in Chromium: an option's label unfolds its meaning by
 * keyboard and by touch (no hover anywhere), "How to read the labels" is one link away from a
 * decision, and the decision screen with an explanation open passes axe on a phone and a projector.
 * The game is driven by the first option offered, so no flagship option id is assumed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeProblems, openPage, playHash, useBrowser, waitForHeading } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const STAGE_CHUNK = /\/assets\/stage-[A-Za-z0-9_-]{8}\.js$/;

const main = (page: Page) => page.getByRole('main');
const firstToggle = (page: Page) => main(page).locator('.evidence-toggle').first();
const panelOf = async (page: Page) => main(page).locator(`#${await firstToggle(page).getAttribute('aria-controls')}`);

async function firstDecision(page: Page): Promise<void> {
  await page.goto(`${baseUrl}${playHash}`);
  await main(page).locator('article.decision-screen').waitFor();
}

describe('an option’s evidence label', () => {
  it('opens and closes by keyboard, and leads to How to read the labels', { timeout: 90_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    await firstDecision(page);
    const toggle = firstToggle(page);
    await toggle.focus();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = await panelOf(page);
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.textContent()).toContain('Did this happen in the article?');
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.isVisible()).toBe(false);

    // From the decision, one link to the labels page, and back to the same decision.
    const heading = await main(page).locator('h2').textContent();
    await main(page).getByRole('link', { name: 'How to read the labels' }).first().click();
    await waitForHeading(page, 'How to read the labels');
    expect(await main(page).locator('tbody tr').count()).toBe(4);
    await main(page).getByRole('button', { name: 'Back to the game' }).click();
    await waitForHeading(page, heading!.trim());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens by touch on a phone', { timeout: 90_000 }, async () => {
    const context = await browser.current.newContext({
      viewport: { width: 360, height: 640 },
      hasTouch: true,
      isMobile: true,
    });
    await context.route(STAGE_CHUNK, (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    await firstDecision(page);
    const toggle = firstToggle(page);
    await toggle.scrollIntoViewIfNeeded();
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await (await panelOf(page)).isVisible()).toBe(true);
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });

  for (const viewport of [
    { width: 360, height: 640 },
    { width: 1920, height: 1080 },
  ])
    it(
      `leaves the decision screen axe clean with an explanation open at ${viewport.width}x${viewport.height}`,
      {
        timeout: 90_000,
      },
      async () => {
        const { page, context } = await openPage(browser.current, { viewport, stage: false });
        await firstDecision(page);
        await firstToggle(page).click();
        expect(await axeProblems(page)).toEqual([]);
        await context.close();
      },
    );
});
