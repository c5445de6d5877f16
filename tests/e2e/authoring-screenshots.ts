/**
 * Screenshots of the authoring screens at 360x640 (a phone) and 1920x1080 (a classroom projector),
 * written to docs/screenshots/authoring-*.png. Not part of `npm test`: run
 * `npx tsx tests/e2e/authoring-screenshots.ts`. Builds the page and serves it like the e2e tests.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, waitForHeading } from './browser.ts';
import { buildAndServe, freePort, repoRoot } from './server.ts';

const OUT = join(repoRoot, 'docs/screenshots');
const SIZES = [
  { width: 360, height: 640 },
  { width: 1920, height: 1080 },
];

/** The flagship with the mistakes authors make: a misquote and an option leading nowhere. */
function brokenFlagship(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'branchpoint-shots-')), 'atacms-2024');
  cpSync(join(repoRoot, 'scenarios/atacms-2024'), folder, { recursive: true });
  const file = join(folder, 'scenario.yaml');
  const text = readFileSync(file, 'utf8')
    .replace(
      'quote: "Previously, Washington had refused to allow such attacks, fearing they would escalate the war."',
      'quote: "Washington had always refused to allow such attacks, fearing escalation."',
    )
    .replace('next: kremlin-response', 'next: kremlin-reply');
  writeFileSync(file, text);
  return folder;
}

async function openFolder(page: Page, baseUrl: string, folder: string): Promise<void> {
  await page.goto(`${baseUrl}#/open`);
  await waitForHeading(page, 'Open a scenario');
  await page.locator('#open-folder-input').setInputFiles(folder);
}

/** The author preview of a copy of the flagship, a decision in, after a save that breaks it. */
async function shootPreviewOverlay(shoot: (page: Page, name: string) => Promise<void>): Promise<void> {
  const folder = join(mkdtempSync(join(tmpdir(), 'branchpoint-shots-')), 'atacms-2024');
  cpSync(join(repoRoot, 'scenarios/atacms-2024'), folder, { recursive: true });
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/build/preview-server.ts', folder, '--port', String(port)],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise<string>((resolve) => {
      let output = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /open (http:\/\/\S+)/.exec(output);
        if (found) resolve(found[1]!);
      });
    });
    const browser = await launchBrowser();
    for (const viewport of SIZES) {
      const { page, context } = await openPage(browser, { viewport, stage: false });
      await page.goto(url, { timeout: 60_000 });
      await page.locator('.decision-screen').waitFor({ timeout: 60_000 });
      const file = join(folder, 'scenario.yaml');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('next: kremlin-response', 'next: kremlin-reply'));
      await page.locator('.author-overlay').waitFor();
      await shoot(page, `preview-overlay-${viewport.width}x${viewport.height}`);
      writeFileSync(file, text);
      await page.locator('.author-overlay').waitFor({ state: 'detached' });
      await context.close();
    }
    await browser.close();
  } finally {
    server.kill('SIGTERM');
    rmSync(join(folder, '..'), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const served = await buildAndServe();
  const browser = await launchBrowser();
  const broken = brokenFlagship();
  const written: string[] = [];
  try {
    for (const viewport of SIZES) {
      const size = `${viewport.width}x${viewport.height}`;
      const { page, context, errors } = await openPage(browser, { viewport, stage: false });
      const shoot = async (name: string) => {
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        await page.waitForTimeout(300);
        const file = join(OUT, `authoring-${name}-${size}.png`);
        await page.screenshot({ path: file });
        written.push(file);
      };
      await openFolder(page, served.url, broken);
      await page.locator('.problem').first().waitFor();
      await shoot('errors');
      await page.locator('.structure-view').scrollIntoViewIfNeeded();
      await shoot('errors-structure');
      await openFolder(page, served.url, join(repoRoot, 'tests/fixtures/invalid/unreachable-decision'));
      await page.locator('.structure-view').waitFor();
      await page.locator('.structure-scroll').scrollIntoViewIfNeeded();
      await shoot('unreachable');
      await openFolder(page, served.url, join(repoRoot, 'scenarios/atacms-2024'));
      await waitForHeading(page, 'Missiles across the border: Ukraine, ATACMS and the US handover (November 2024)');
      await page.getByRole('navigation', { name: 'Scenario' }).getByRole('link', { name: 'Structure' }).click();
      await page.locator('.structure-screen').waitFor();
      await shoot('structure');
      if (errors.length > 0) console.warn(`Errors on the page at ${size}:\n  ${errors.join('\n  ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await served.stop();
    rmSync(join(broken, '..'), { recursive: true, force: true });
  }
  await shootPreviewOverlay(async (page, name) => {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForTimeout(300);
    const file = join(OUT, `authoring-${name}.png`);
    await page.screenshot({ path: file });
    written.push(file);
  });
  console.log(
    `Wrote ${written.length} screenshots:\n${written.map((f) => `  ${f.slice(repoRoot.length)}`).join('\n')}`,
  );
}

await main();
