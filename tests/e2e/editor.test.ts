/**
 * The editor in the page, as a teacher uses it with the keyboard alone: a new scenario becomes a
 * two-decision scenario whose second situation depends on the first choice, every quote taken by
 * selecting words of the source, no YAML typed. A reload mid-edit loses nothing; the downloaded
 * folder passes the command line's checker with no errors and keeps the starter's comments; opened
 * again in the editor and saved without changes, the file is the same byte for byte.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import { openPage, useBrowser, waitForHeading } from './browser.ts';
import {
  ADDED_SOURCE,
  addSecondDecision,
  editAboutAndSource,
  leadFirstDecisionToSecond,
  startNewScenario,
  tabToButton,
  waitForCheck,
  waitUntilKept,
} from './editor-flow.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const work = mkdtempSync(join(tmpdir(), 'branchpoint-editor-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Presses Enter on "Download as a zip" and returns the zip's files by path. */
async function downloadZip(page: Page, name: string): Promise<{ path: string; files: Record<string, Uint8Array> }> {
  await tabToButton(page, 'Download as a zip');
  const [download] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.keyboard.press('Enter'),
  ]);
  const path = join(work, name);
  await download.saveAs(path);
  return { path, files: unzipSync(readFileSync(path)) };
}

/** The real checker of the command line, over the unzipped folder. */
function checkFolder(files: Record<string, Uint8Array>): ReturnType<typeof checkScenario> {
  const folder = join(work, 'unzipped');
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  }
  const scenario = join(folder, 'my-scenario/scenario.yaml');
  return checkScenario(scenario, readFileSync(scenario), (relative) => {
    try {
      return readFileSync(join(folder, 'my-scenario', relative));
    } catch {
      return undefined;
    }
  });
}

describe('the editor in the page', () => {
  it('builds a two-decision scenario by keyboard, citing by selecting; survives a reload; saves a folder that checks and reopens byte for byte', async () => {
    const { page, context, errors } = await openPage(browser.current, {
      stage: false,
      viewport: { width: 1366, height: 768 },
    });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${baseUrl}#/`);
    await waitForHeading(page, 'Choose a scenario');

    await startNewScenario(page);
    await editAboutAndSource(page);

    // A crash mid-edit: the page reloads, and the work comes back from the browser's storage.
    await waitUntilKept(page);
    await page.reload();
    await page.locator('.ed-notice', { hasText: 'Restored your unsaved work' }).waitFor();
    expect(await page.locator('#ed-title').inputValue()).toBe('Break time and the busy road');
    await tabToButton(page, 'Sources (', true);
    await page.keyboard.press('Enter');
    expect(await page.locator('#ed-source-text-0').inputValue()).toContain(ADDED_SOURCE.trim());

    const quotes = await addSecondDecision(page);
    // Every quote is the source's own words: the checker finds each.
    for (const quote of quotes) expect(quote.length).toBeGreaterThan(10);
    await leadFirstDecisionToSecond(page);
    const verdict = await waitForCheck(page, true);
    expect(verdict).toContain('0 errors');

    // The condition was built from lists: it names the first decision's option in words.
    await tabToButton(page, 'Who watches the crossing?');
    await page.keyboard.press('Enter');
    const condition = page.locator('#ed-decisions-1-situation-0-when-0-chose');
    expect(await condition.locator('option:checked').textContent()).toBe(
      '“Take pupils to the park” at “Where do pupils play?”',
    );

    // The preview plays the new version: the first choice leads to the second decision, whose
    // situation follows the path.
    await tabToButton(page, 'Preview');
    await page.keyboard.press('Enter');
    await tabToButton(page, '1. Take pupils to the park');
    await page.keyboard.press('Enter');
    await page.locator('.ed-preview h4', { hasText: 'Who watches the crossing?' }).waitFor();
    await expect(page.locator('.ed-preview').textContent()).resolves.toContain(
      'Pupils now cross the busy road to the park every day.',
    );

    await waitUntilKept(page);
    const first = await downloadZip(page, 'first.zip');
    const text = strFromU8(first.files['my-scenario/scenario.yaml']!);
    expect(text).not.toContain('TODO');
    // The starter's comments are still there, where they were.
    expect(text).toContain('# Who takes the decisions.\nactors:');
    expect(text).toContain('the last, without "when", on every other path.\nendings:');
    const checked = checkFolder(first.files);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const scenario = checked.bundle!.scenario;
    expect(scenario.decisions.map((d) => d.title)).toEqual(['Where do pupils play?', 'Who watches the crossing?']);
    expect(scenario.decisions[1]!.situation).toMatchObject([{ when: [{ chose: 'use-the-park' }] }, {}]);
    expect(scenario.decisions[0]!.options.map((o) => o.next)).toEqual(['decision', 'decision']);

    // Reopened in the editor and saved without a change: the same bytes.
    // (The file is given to "Open another…"'s file input as a file manager would.)
    await page.locator('#ed-open-files').setInputFiles(first.path);
    await page.locator('.ed-notice', { hasText: 'Editing “my-scenario/scenario.yaml”' }).waitFor();
    await waitForCheck(page, true);
    const second = await downloadZip(page, 'second.zip');
    expect(
      Buffer.from(second.files['my-scenario/scenario.yaml']!).equals(
        Buffer.from(first.files['my-scenario/scenario.yaml']!),
      ),
    ).toBe(true);
    expect(strFromU8(second.files['my-scenario/sources/source.txt']!)).toBe(
      strFromU8(first.files['my-scenario/sources/source.txt']!),
    );
    expect(errors).toEqual([]);
    await context.close();
    // Typing a whole scenario key by key is slow on a loaded 2-core machine.
  }, 300_000);
});
