/**
 * The published single file: `npm run scenario -- export` writes the flagship into one HTML
 * file, which must stay under 2 MB and play from file:// with the network cut off, stage and
 * all, to an ending by keyboard alone.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type Run } from '../cli/helpers/run-cli.ts';
import { launchBrowser, openPage, tabToButton, tabUntil, waitForHeading } from './browser.ts';
import { FLAGSHIP, scenario, viewAfter } from './flagship.ts';

const folder = mkdtempSync(join(tmpdir(), 'branchpoint-export-'));
const file = join(folder, `${FLAGSHIP}.html`);
let exported: Run;
let browser: Browser;

beforeAll(async () => {
  [exported, browser] = await Promise.all([cli('export', `scenarios/${FLAGSHIP}`, '-o', file), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the exported single-file player', () => {
  it('is one file under 2 MB', () => {
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Wrote .+\.html \(\d\.\d\d MB\) in \d+\.\d s/);
    expect(statSync(file).size).toBeLessThan(2_000_000);
  });

  it('plays the flagship from file:// with no network, by keyboard, to an ending', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await context.setOffline(true);
    const leaving: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|data|blob):/.test(url)) return route.continue();
      leaving.push(url);
      return route.abort('internetdisconnected');
    });

    await page.goto(pathToFileURL(file).href);
    expect(await page.title()).toBe(`${scenario.title} · Branchpoint`);
    await waitForHeading(page, 'Choose a scenario');
    await tabToButton(page, `Start ${scenario.title}`);
    await page.keyboard.press('Enter');
    await waitForHeading(page, scenario.title);
    await tabToButton(page, 'Begin');
    await page.keyboard.press('Enter');

    // The stage, map included, comes from inside the file too.
    await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 60_000 });

    const chosen: string[] = [];
    for (let view = viewAfter(chosen); view.kind === 'decision'; view = viewAfter(chosen)) {
      await waitForHeading(page, view.title);
      const option = view.options[chosen.length % view.options.length]!;
      await page.keyboard.press(String(option.number));
      chosen.push(option.id);
      await waitForHeading(page, option.label);
      await tabUntil(page, '(el) => el?.id === "continue-button"');
      await page.keyboard.press('Enter');
    }
    const ending = viewAfter(chosen);
    if (ending.kind !== 'ending') throw new Error('the engine did not end');
    await waitForHeading(page, ending.title);
    await page.getByText(`1 of ${scenario.endings.length} endings discovered`, { exact: true }).waitFor();

    expect(leaving).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so, instead of a blank page, when the scenario in it is damaged', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const damaged = join(folder, 'damaged.html');
    writeFileSync(
      damaged,
      readFileSync(file, 'utf8').replace(/(<script type="application\/json" id="branchpoint-scenario">)\{/, '$1{oops'),
    );
    const { context, page } = await openPage(browser);
    await page.goto(pathToFileURL(damaged).href);
    await page
      .getByRole('alert')
      .filter({ hasText: 'The scenario in this file is damaged (it is not valid JSON). Export it again.' })
      .waitFor();
    await context.close();
  });
});
