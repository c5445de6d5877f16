/**
 * Screenshots of every screen at 360x640 (a phone), 1366x768 (a laptop) and 1920x1080 (a classroom projector), written
 * to docs/screenshots/. Not part of `npm test`: run `npx tsx tests/e2e/screenshots.ts`.
 * Builds the page and serves it with vite preview, like the end-to-end tests.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, saveKey } from './browser.ts';
import { playUrl, tour } from './screens.ts';
import { buildAndServe, repoRoot } from './server.ts';

const OUT = join(repoRoot, 'docs/screenshots');
const SIZES = [
  { width: 360, height: 640 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Lets fonts, the stage (when on screen) and any scrolling settle before a picture. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (await page.locator('body.has-stage, #stage canvas').count()) {
    await page
      .waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 20_000 })
      .catch(() => console.warn('  (the stage did not report ready within 20 s)'));
  }
  await page.waitForTimeout(600);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const served = await buildAndServe();
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    for (const viewport of SIZES) {
      const size = `${viewport.width}x${viewport.height}`;
      const { page, context, errors } = await openPage(browser, { viewport });
      const shoot = async (name: string) => {
        await settle(page);
        const file = join(OUT, `${name}-${size}.png`);
        await page.screenshot({ path: file });
        written.push(file);
        if (viewport.width < 600) {
          // On a phone the page scrolls as a whole: the full length shows what a student scrolls through.
          const full = join(OUT, `${name}-${size}-full.png`);
          await page.screenshot({ path: full, fullPage: true });
          written.push(full);
        }
      };
      for (const stop of tour) {
        await stop.reach(page, served.url);
        await shoot(stop.name);
      }
      // The briefing with a game in progress: Continue, and Start again only after a question.
      await page.getByRole('navigation', { name: 'Scenario' }).getByRole('link', { name: 'Briefing' }).click();
      await page.getByRole('main').getByRole('button', { name: 'Start again', exact: true }).click();
      await page.getByRole('dialog', { name: 'Start again?' }).waitFor();
      await shoot('briefing-start-again');
      await page.keyboard.press('Escape');
      // A notice: a damaged save met on the way back into the game.
      await page.evaluate((key) => localStorage.setItem(key, '{garbage'), saveKey);
      await page.goto('about:blank');
      await page.goto(playUrl(served.url));
      await page.getByRole('alert').waitFor();
      await shoot('notice-damaged-save');
      if (errors.length > 0) console.warn(`Errors on the page at ${size}:\n  ${errors.join('\n  ')}`);
      await context.close();
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
