/**
 * An educator with only a browser: opens a scenario by dropping files on the page or choosing a
 * folder or a zip, reads each problem with its line and column, fixes the file, opens it again
 * and plays it; sees its structure with the unreachable point flagged, and jumps the game from it.
 * Hostile files end in a message, never a blank page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  axeProblems,
  horizontalOverflow,
  useBrowser,
  openPage,
  overflowingElements,
  waitForHeading,
} from './browser.ts';
import { repoRoot } from './server.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const valid = join(repoRoot, 'tests/fixtures/valid/two-decisions');
const scenarioText = readFileSync(join(valid, 'scenario.yaml'), 'utf8');
const noteText = readFileSync(join(valid, 'sources/note.txt'), 'utf8');
// Line 43 of the file; "mayor" starts at column 12.
const brokenText = scenarioText.replace(
  'actor: council\n    title: Limit traffic?',
  'actor: mayor\n    title: Limit traffic?',
);

const main = (page: Page) => page.getByRole('main');

/** Drops files on the page as a file manager would (a DataTransfer holding Files, on a drop event). */
async function dropFiles(page: Page, files: Array<{ name: string; text?: string; bytes?: number[] }>): Promise<void> {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const file of files)
      transfer.items.add(new File([file.bytes ? new Uint8Array(file.bytes) : file.text!], file.name));
    const target = document.querySelector('main')!;
    for (const type of ['dragenter', 'dragover', 'drop'])
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, files);
}

async function openTheOpenScreen(page: Page): Promise<void> {
  await page.goto(`${baseUrl}#/`);
  await waitForHeading(page, 'Choose a scenario');
  await main(page).getByRole('button', { name: 'Open a scenario from your computer' }).click();
  await waitForHeading(page, 'Open a scenario');
}

describe('opening a scenario in the page', () => {
  it('costs players nothing: the page plays without loading the authoring code', async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(request.url()));
    await page.goto(`${baseUrl}#/s/atacms-2024/play`);
    await main(page).locator('.decision-screen').waitFor();
    await main(page).locator('.option-button').first().click();
    await page.locator('#continue-button').waitFor();
    expect(loaded.filter((url) => /authoring|check-worker|open-scenario/.test(url))).toEqual([]);
    expect(loaded.some((url) => /\/assets\/main-/.test(url))).toBe(true);
    // Nor hidden inside the chunks it does load: no YAML parser, layout library or unzipper.
    for (const url of loaded.filter((u) => u.endsWith('.js'))) {
      expect(await (await fetch(url)).text(), url).not.toMatch(/YAMLParseError|graphlib|invalid zip data/);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists a dropped broken file’s problems with line and column, then plays the fixed file', async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await openTheOpenScreen(page);

    await dropFiles(page, [
      { name: 'scenario.yaml', text: brokenText },
      { name: 'note.txt', text: noteText },
    ]);
    const problem = main(page).locator('.problem');
    await problem.first().waitFor();
    expect(await problem.count()).toBe(1);
    expect(await problem.locator('.problem-where').textContent()).toContain('line 43, column 12');
    expect(await problem.locator('.problem-message').textContent()).toBe('There is no actor "mayor"');
    // The offending line, with a caret under column 12.
    const [quoted, caret] = ((await problem.locator('pre').textContent()) ?? '').split('\n');
    expect(quoted).toBe('43 |     actor: mayor');
    expect(caret!.indexOf('^')).toBe('43 | '.length + 11);
    expect(await main(page).getByRole('alert').textContent()).toMatch(/cannot be played yet/);
    // The check ran off the main thread, so a huge file could not freeze the page.
    expect(workers).toEqual([expect.stringMatching(/check-worker/)]);

    // Fixed in the editor, dropped again: it plays at once.
    await dropFiles(page, [
      { name: 'scenario.yaml', text: scenarioText },
      { name: 'note.txt', text: noteText },
    ]);
    await waitForHeading(page, 'The bridge');
    expect(await main(page).locator('.notice').textContent()).toMatch(/Opened scenario.yaml: no errors/);
    await main(page).getByRole('button', { name: 'Begin' }).click();
    await waitForHeading(page, 'Repair now or later?');
    expect(await main(page).locator('.option-button').count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'flags an unreachable point in the structure of a folder it opens, and passes axe',
    { timeout: 90_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { stage: false });
      await openTheOpenScreen(page);
      // As a person does it: the button opens the browser's folder picker.
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        main(page).getByRole('button', { name: 'Choose a folder…' }).click(),
      ]);
      expect(await chooser.element().getAttribute('webkitdirectory')).toBe('');
      await chooser.setFiles(join(repoRoot, 'tests/fixtures/invalid/unreachable-decision'));
      const item = main(page).locator('.structure-list > li.unreachable');
      await item.waitFor();
      expect(await item.count()).toBe(1);
      expect(await item.textContent()).toMatch(/\(appeal\).*cannot be reached from the start/);
      expect(await page.locator('svg.structure-drawing g.box.unreachable').count()).toBe(1);
      expect(await page.locator('svg.structure-drawing g.box.unreachable .box-note').textContent()).toBe(
        '⚠ Unreachable',
      );
      expect(await main(page).locator('.problem-where').first().textContent()).toMatch(
        /line 61, column 9 · in decision point “appeal”/,
      );
      expect(await axeProblems(page)).toEqual([]);

      await page.setViewportSize({ width: 360, height: 640 });
      const extra = await horizontalOverflow(page);
      expect(extra, (await overflowingElements(page)).join('; ')).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('plays a zip, and jumps the game from its structure view', { timeout: 90_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    await openTheOpenScreen(page);
    const zip = zipSync({
      'bridge/scenario.yaml': new TextEncoder().encode(scenarioText),
      'bridge/sources/note.txt': new TextEncoder().encode(noteText),
    });
    await page
      .locator('#open-files-input')
      .setInputFiles({ name: 'bridge.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await waitForHeading(page, 'The bridge');

    await page.getByRole('navigation', { name: 'Scenario' }).getByRole('link', { name: 'Structure' }).click();
    await waitForHeading(page, 'Structure of “The bridge”');
    expect(await axeProblems(page)).toEqual([]);
    // The costly ending needs the cheap first choice; the jump takes the route that gets there.
    await page.locator('svg.structure-drawing g.box.ending', { hasText: 'Costly' }).click();
    await waitForHeading(page, 'Costly');
    expect(await main(page).locator('.timeline .path-step').count()).toBe(2);
    expect(await main(page).locator('.timeline').textContent()).toMatch(/Wait until spring[\s\S]*Spend more/);

    // And by keyboard, from the list.
    await page.getByRole('navigation', { name: 'Scenario' }).getByRole('link', { name: 'Structure' }).click();
    await waitForHeading(page, 'Structure of “The bridge”');
    await main(page).getByRole('button', { name: 'Jump the game to “Limit traffic?”' }).press('Enter');
    await waitForHeading(page, 'Limit traffic?');
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'downloads an opened scenario as one HTML file that plays from file:// with no network',
    { timeout: 90_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { stage: false });
      await openTheOpenScreen(page);
      await page.locator('#open-folder-input').setInputFiles(valid);
      await waitForHeading(page, 'The bridge');
      await page.getByRole('navigation', { name: 'Scenario' }).getByRole('link', { name: 'Structure' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        main(page).getByRole('button', { name: 'Download as one HTML file' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('bridge.html');
      await main(page)
        .getByRole('status')
        .getByText(/^Downloaded bridge.html/)
        .waitFor();
      const saved = join(mkdtempSync(join(tmpdir(), 'branchpoint-download-')), 'bridge.html');
      await download.saveAs(saved);

      const offline = await openPage(browser.current, { stage: false });
      await offline.context.setOffline(true);
      await offline.context.route('**/*', (route) =>
        /^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort('internetdisconnected'),
      );
      await offline.page.goto(pathToFileURL(saved).href);
      await main(offline.page).getByRole('button', { name: 'Start The bridge' }).click();
      await main(offline.page).getByRole('button', { name: 'Begin' }).click();
      await waitForHeading(offline.page, 'Repair now or later?');
      expect(offline.errors).toEqual([]);
      await offline.context.close();
      rmSync(join(saved, '..'), { recursive: true, force: true });
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('says plainly what is wrong with hostile files, and never shows a blank page', async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    await openTheOpenScreen(page);

    await dropFiles(page, [
      { name: 'scenario.yaml', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00] },
    ]);
    await main(page).locator('.problem').first().waitFor();
    expect(await main(page).locator('.problem-message').textContent()).toMatch(/binary file/);

    const bomb = zipSync(
      Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, new Uint8Array(1024 * 1024)])),
      { level: 9 },
    );
    await page
      .locator('#open-files-input')
      .setInputFiles({ name: 'bomb.zip', mimeType: 'application/zip', buffer: Buffer.from(bomb) });
    await main(page)
      .getByText(/would unpack to more than 20 MB/)
      .waitFor();

    await dropFiles(page, [{ name: 'holiday.jpg', bytes: [0xff, 0xd8, 0xff, 0xe0] }]);
    await main(page)
      .getByText(/None of the files you opened \(“holiday.jpg”\) is a scenario/)
      .waitFor();
    await waitForHeading(page, 'Open a scenario');
    expect(errors).toEqual([]);
    await context.close();
  });
});
