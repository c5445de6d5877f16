/**
 * Screenshots of the stage showing a consequence, at 360x640, 1366x768 and 1920x1080, written to
 * docs/screenshots/stage-*.png: the outcome of the first choice that draws a strike, and the
 * decision after it. Options are taken first-first (the flagship's first path with a strike), and,
 * if that path draws none, the last option at the first decision. Run `npx tsx tests/e2e/stage-screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser.ts';
import { playUrl } from './screens.ts';
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

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const served = await buildAndServe();
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    for (const viewport of SIZES) {
      const size = `${viewport.width}x${viewport.height}`;
      let done = false;
      for (const pick of ['first', 'last'] as const) {
        if (done) break;
        const { page, context } = await openPage(browser, { viewport });
        await page.goto(playUrl(served.url));
        await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 60_000 });
        if (await toStrike(page, pick)) {
          // Long enough for the strike to be drawn along its arc and the pulses to end.
          await page.waitForTimeout(4000);
          for (const [name, next] of [
            ['stage-strike-outcome', true],
            ['stage-decision-after-strike', false],
          ] as const) {
            const file = join(OUT, `${name}-${size}.png`);
            await page.screenshot({ path: file });
            written.push(file);
            if (next) {
              await page.locator('#continue-button').click();
              await page.locator('main article.decision-screen, main article.debrief-screen').first().waitFor();
              await page.waitForTimeout(2500);
            }
          }
          done = true;
        }
        await context.close();
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
