/**
 * Screenshots of the player with its stage, at 360x640, 1366x768 and 1920x1080, written to
 * docs/screenshots/player-*.png: the first decision, the outcome of the first choice that draws a
 * strike (with a place picked, so the page's words about it show), and the ending of that path.
 * Options are taken first-first (the flagship's first path with a strike), and, if that path draws
 * none, the last option at the first decision. Run `npx tsx tests/e2e/stage-screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser.ts';
import { playToEnding, playUrl } from './screens.ts';
import { buildAndServe, repoRoot } from './server.ts';

const OUT = join(repoRoot, 'docs/screenshots');
const SIZES = [
  { width: 360, height: 640 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

const kind = (page: Page) => page.evaluate(() => document.querySelector('main article')?.className ?? '');
const strikes = (page: Page) => page.evaluate(() => window.__branchpointStage?.drawn().picture?.strikes.length ?? 0);

/** Plays until an outcome with a strike shows; false if the ending comes first. */
async function toStrike(page: Page, firstPick: 'first' | 'last'): Promise<boolean> {
  for (let i = 0; i < 30; i++) {
    const screen = await kind(page);
    if (screen.includes('debrief-screen')) return false;
    if (screen.includes('outcome-screen')) await page.locator('#continue-button').click();
    else await page.locator('main .option-button')[i === 0 ? firstPick : 'first']().click();
    await page.waitForFunction((before) => document.querySelector('main article')?.className !== before, screen);
    if ((await kind(page)).includes('outcome-screen') && (await strikes(page)) > 0) return true;
  }
  return false;
}

/** Waits for the stage's transitions (strike arcs, pulses) to end before a picture. */
const still = (page: Page) => page.waitForTimeout(4000);

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const served = await buildAndServe();
  const browser = await launchBrowser();
  const written: string[] = [];
  const shoot = async (page: Page, name: string, size: string) => {
    const file = join(OUT, `player-${name}-${size}.png`);
    // A phone scrolls the screen's heading to the top; the picture shows the stage above it too.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: file });
    written.push(file);
  };
  try {
    for (const viewport of SIZES) {
      const size = `${viewport.width}x${viewport.height}`;
      for (const pick of ['first', 'last'] as const) {
        const { page, context } = await openPage(browser, { viewport });
        await page.goto(playUrl(served.url));
        await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 60_000 });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await still(page);
        if (pick === 'first') await shoot(page, 'decision', size);
        const struck = await toStrike(page, pick);
        if (!struck) {
          await context.close();
          continue;
        }
        // The place the strike reached, picked in the page's list: its words show beside the map.
        const target = await page.evaluate(() => window.__branchpointStage?.drawn().picture?.strikes.at(-1)?.to);
        if (viewport.width >= 1000 && target) {
          await page.locator('.stage-things summary').click();
          await page.locator(`.stage-thing[data-id="${target}"]`).click();
        }
        await still(page);
        await shoot(page, 'outcome', size);
        await playToEnding(page, 'first');
        await still(page);
        await shoot(page, 'ending', size);
        await context.close();
        break;
      }
    }
  } finally {
    await browser.close();
    await served.stop();
  }
  console.log(
    `Wrote ${written.length} screenshots:\n${written.map((f) => `  ${f.slice(repoRoot.length)}`).join('\n')}`,
  );
}

await main();
