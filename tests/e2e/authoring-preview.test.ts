/**
 * The author preview (`npm run preview:scenario -- <folder>`), as an author uses it: a game in
 * progress follows every save of the scenario, keeping its place where the new version still has
 * it; a save with errors shows them over the game; the next good save takes them away.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, waitForHeading } from './browser.ts';
import { freePort, repoRoot } from './server.ts';

let browser: Browser;
let server: ChildProcess | undefined;
let url = '';
const folder = join(mkdtempSync(join(tmpdir(), 'branchpoint-preview-')), 'bridge');
const file = join(folder, 'scenario.yaml');

beforeAll(async () => {
  cpSync(join(repoRoot, 'tests/fixtures/valid/two-decisions'), folder, { recursive: true });
  const port = await freePort();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/build/preview-server.ts', folder, '--port', String(port)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the preview did not start within 40 s:\n${output}`)), 40_000);
    server!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /open (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    server!.once('exit', (code) => reject(new Error(`the preview exited (${code}):\n${output}`)));
  });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(join(folder, '..'), { recursive: true, force: true });
});

const original = readFileSync(join(repoRoot, 'tests/fixtures/valid/two-decisions/scenario.yaml'), 'utf8');
const save = (text: string) => writeFileSync(file, text);
const notice = (page: Page) => page.getByRole('main').locator('.notice').textContent();

describe('the author preview', () => {
  it(
    'follows each save of the scenario, keeping the player’s place, and shows errors over the game',
    { timeout: 90_000 },
    async () => {
      expect(url).toMatch(/#\/s\/bridge\/play$/);
      const { page, context, errors } = await openPage(browser, { stage: false });
      // The dev server prebundles dependencies on first use, which can take a while on a busy machine.
      await page.goto(url, { timeout: 45_000 });
      await waitForHeading(page, 'Repair now or later?');
      await page.getByRole('button', { name: /Wait until spring/ }).click();
      await page.locator('#continue-button').click();
      await waitForHeading(page, 'Limit traffic?');

      // A new title for the decision on screen: the game stays there, with the new title.
      save(original.replace('title: Limit traffic?', 'title: Limit heavy traffic?'));
      await waitForHeading(page, 'Limit heavy traffic?');
      expect(await notice(page)).toMatch(/was changed and reloaded/);
      expect(await page.getByRole('main').getByText('Your path so far (1)').count()).toBe(1);

      // A mistake: the problems show over the game, which stays as it was.
      save(original.replace('actor: council\n    title: Limit traffic?', 'actor: mayor\n    title: Limit traffic?'));
      const overlay = page.locator('.author-overlay');
      await overlay.waitFor();
      expect(await overlay.getByRole('alert').textContent()).toMatch(/^1 error, 0 warnings/);
      expect(await overlay.locator('.problem-where').textContent()).toContain(
        'line 43, column 12 · in decision point “traffic”, its “actor”',
      );
      expect(await overlay.locator('pre').textContent()).toContain('43 |     actor: mayor');
      expect(await page.locator('main h2').textContent()).toBe('Limit heavy traffic?');

      // Fixed, but the option taken is renamed: the game stops at the last point the path reaches.
      save(original.replace('id: wait\n', 'id: postpone\n'));
      await overlay.waitFor({ state: 'detached' });
      await waitForHeading(page, 'Repair now or later?');
      expect(await notice(page)).toMatch(/no longer works from its first step/);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'downloads the previewed scenario as one HTML file (the preview serves the single-file player)',
    { timeout: 240_000 },
    async () => {
      save(original);
      const { page, context, errors } = await openPage(browser, { stage: false });
      await page.goto(url, { timeout: 45_000 });
      await waitForHeading(page, 'Repair now or later?');
      await page.getByRole('navigation', { name: 'Scenario' }).getByRole('link', { name: 'Structure' }).click();
      await waitForHeading(page, 'Structure of “The bridge”');
      // The first download builds the player template, which takes a while on a busy machine.
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 200_000 }),
        page.getByRole('main').getByRole('button', { name: 'Download as one HTML file' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('bridge.html');
      const saved = join(folder, '..', 'bridge.html');
      await download.saveAs(saved);
      const html = readFileSync(saved, 'utf8');
      expect(html).toContain('id="branchpoint-scenario"');
      expect(html).toContain('Repair now or later?');
      expect(await page.getByRole('main').getByRole('status').textContent()).toMatch(/^Downloaded bridge.html/);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
