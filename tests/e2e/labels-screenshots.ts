/**
 * Screenshots of a decision with an option's label explanation open, and of "How to read the
 * labels", at 360x640, 1366x768 and 1920x1080, written to docs/screenshots/. Not part of `npm test`:
 * run `npx tsx tests/e2e/labels-screenshots.ts` (the full set: `npm run screenshots`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage } from './browser.ts';
import { playUrl } from './screens.ts';
import { buildAndServe, repoRoot } from './server.ts';

const OUT = join(repoRoot, 'docs/screenshots');
const SIZES = [
  { width: 360, height: 640 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

mkdirSync(OUT, { recursive: true });
const served = await buildAndServe();
const browser = await launchBrowser();
try {
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    const { page, context, errors } = await openPage(browser, { viewport });
    await page.goto(playUrl(served.url));
    const toggle = page.getByRole('main').locator('.evidence-toggle').first();
    await toggle.waitFor();
    await page
      .waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 20_000 })
      .catch(() => console.warn('  (the stage did not report ready within 20 s)'));
    await toggle.click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(OUT, `decision-label-explained-${size}.png`) });
    await page.getByRole('main').getByRole('link', { name: 'How to read the labels' }).first().click();
    await page.getByRole('main').getByRole('heading', { name: 'How to read the labels' }).waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUT, `labels-${size}.png`) });
    if (errors.length > 0) console.warn(`Errors on the page at ${size}:\n  ${errors.join('\n  ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await served.stop();
}
console.log('Wrote decision-label-explained-* and labels-* in docs/screenshots/');
