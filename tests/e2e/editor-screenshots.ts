/**
 * Screenshots of the editor at 1366x768 (a school laptop) and one at 360x640 (a phone, which need
 * not edit but must not break), written to docs/screenshots/editor-*.png for docs/authoring.md.
 * Not part of `npm test`: run `npx tsx tests/e2e/editor-screenshots.ts`. Builds the page and serves
 * it like the e2e tests, then follows the keyboard-only flow of tests/e2e/editor.test.ts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, waitForHeading } from './browser.ts';
import {
  citeBySelecting,
  editAboutAndSource,
  leadFirstDecisionToSecond,
  press,
  startNewScenario,
  tabToButton,
  tabToId,
  typeInto,
  waitForCheck,
} from './editor-flow.ts';
import { buildAndServe, repoRoot } from './server.ts';

const OUT = join(repoRoot, 'docs/screenshots');
const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `editor-${name}.png`) });

const served = await buildAndServe();
const browser = await launchBrowser();
try {
  const { page, context } = await openPage(browser, { stage: false, viewport: { width: 1366, height: 768 } });
  await page.goto(`${served.url}#/`);
  await waitForHeading(page, 'Choose a scenario');
  await startNewScenario(page);
  await editAboutAndSource(page);
  await tabToButton(page, 'Add a decision point');
  await page.keyboard.press('Enter');
  await typeInto(page, 'ed-decisions-1-title', 'Who watches the crossing?');
  await waitForCheck(page, false);
  // The new point's empty quotes are errors; the list names each in the author's words.
  await tabToButton(page, 'Problems (', true);
  await page.keyboard.press('Enter');
  await shot(page, 'problems-1366x768');

  await tabToButton(page, 'Add a version of the situation for some paths');
  await page.keyboard.press('Enter');
  await typeInto(page, 'ed-decisions-1-situation-0-text', 'Pupils now cross the busy road to the park every day.');
  await typeInto(page, 'ed-decisions-1-situation-1-text', 'Pupils stay inside, but the road is busy at home time too.');
  await tabToId(page, 'ed-decisions-1-situation-0-citations-0-cite');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+End');
  await press(page, 'Control+ArrowLeft', 7);
  await press(page, 'Shift+Control+ArrowLeft', 12);
  await page.dispatchEvent('#ed-source-reader', 'select');
  await shot(page, 'cite-1366x768');
  await page.keyboard.press('Enter');
  await citeBySelecting(page, 'decisions-1-situation-1-citations-0', 0, 7);
  await citeBySelecting(page, 'decisions-1-citations-0', 0, 4);
  await citeBySelecting(page, 'decisions-1-options-0-citations-0', 7, 12);
  await citeBySelecting(page, 'decisions-1-options-1-citations-0', 0, 7);
  await leadFirstDecisionToSecond(page);
  await waitForCheck(page, true);
  await tabToButton(page, 'Who watches the crossing?');
  await page.keyboard.press('Enter');
  await tabToId(page, 'ed-decisions-1-situation-0-when-0-chose');
  await shot(page, 'versions-1366x768');

  await tabToButton(page, 'Preview');
  await page.keyboard.press('Enter');
  await tabToButton(page, '1. Take pupils to the park');
  await page.keyboard.press('Enter');
  await page.locator('.ed-preview h4', { hasText: 'Who watches the crossing?' }).waitFor();
  await shot(page, 'preview-1366x768');
  await context.close();

  const phone = await openPage(browser, { stage: false, viewport: { width: 360, height: 640 } });
  await phone.page.goto(`${served.url}#/edit`);
  await phone.page.getByRole('button', { name: 'Start a new scenario' }).click();
  await phone.page.locator('.ed-check-status.ok').waitFor();
  await phone.page.screenshot({ path: join(OUT, 'editor-360x640.png') });
  await phone.context.close();
} finally {
  await browser.close();
  await served.stop();
}
