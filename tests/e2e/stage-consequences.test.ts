/**
 * The stage shows consequences: played by keyboard (number keys choose, Enter goes on), the
 * picture the stage draws (read through its typed probe) differs after every choice from the one
 * before, the "On the map" text says the same picture in words, and two paths that part at the
 * first decision end on different pictures. Options are taken by position, never by id.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';
import { playUrl } from './screens.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const screenKind = (page: Page) => page.evaluate(() => document.querySelector('main article')?.className ?? '');
const drawn = (page: Page) => page.evaluate(() => JSON.stringify(window.__branchpointStage?.drawn() ?? null));
const saidOnMap = (page: Page) =>
  page.evaluate(() => document.querySelector('#stage-notes .stage-said')?.textContent ?? '');

/** Plays to the ending by keyboard: `first(i)` says whether to take the first or the last option at decision i. */
async function playByKeyboard(page: Page, first: (i: number) => boolean): Promise<string[]> {
  const pictures = [await drawn(page)];
  for (let i = 0; i < 40; i++) {
    const kind = await screenKind(page);
    if (kind.includes('debrief-screen')) return pictures;
    expect(kind).toContain('decision-screen');
    const count = await page.locator('main .option-button').count();
    const before = pictures.at(-1)!;
    const words = await saidOnMap(page);
    await page.keyboard.press(String(first(i) ? 1 : count));
    await page.waitForFunction(
      () => document.querySelector('main article')?.className.includes('outcome-screen') === true,
    );
    // The stage draws the new picture as the outcome shows.
    await page.waitForFunction((b) => JSON.stringify(window.__branchpointStage?.drawn() ?? null) !== b, before, {
      timeout: 15_000,
    });
    const after = await drawn(page);
    expect(after, `the picture after choice ${i + 1} is the one before`).not.toBe(before);
    pictures.push(after);
    expect(await saidOnMap(page), `"On the map" after choice ${i + 1}`).not.toBe(words);
    await page.locator('#continue-button').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('main article')?.className.includes('outcome-screen'));
  }
  throw new Error('no ending after 40 decisions');
}

async function startGame(page: Page): Promise<void> {
  await page.goto(playUrl(baseUrl));
  await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 60_000 });
  await page.locator('main article.decision-screen').waitFor();
}

describe('the stage shows consequences', () => {
  it(
    'changes its picture after every choice, and two paths end on different pictures',
    { timeout: 600_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { viewport: { width: 1366, height: 768 } });
      await startGame(page);
      const start = JSON.parse(await drawn(page)) as { picture: unknown };
      expect(start.picture, 'the stage draws a picture from the start').toBeTruthy();
      const firstPath = await playByKeyboard(page, () => true);
      expect(firstPath.length).toBeGreaterThan(2);
      const ending = await saidOnMap(page);
      expect(ending).toMatch(/^On the map: /);
      await context.close();

      const other = await openPage(browser.current, { viewport: { width: 1366, height: 768 } });
      await startGame(other.page);
      const lastPath = await playByKeyboard(other.page, (i) => i > 0);
      expect(lastPath.at(-1), 'first and last option at the first decision end on the same picture').not.toBe(
        firstPath.at(-1),
      );
      await other.context.close();
      expect([...errors, ...other.errors]).toEqual([]);
    },
  );
});
