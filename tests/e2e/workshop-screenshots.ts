/**
 * Screenshots of the workshop's screens, written to docs/screenshots/workshop-*.png: the phone at
 * 360x640 (with a full-length picture, since a phone scrolls), the facilitator's laptop and the
 * projector at 1920x1080. Not part of `npm test`: run `npx tsx tests/e2e/workshop-screenshots.ts`.
 * Builds the page and runs the real server on a free port with a temporary database.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess } from '../server/harness.ts';
import { launchBrowser, openPage } from './browser.ts';
import { scenario } from './flagship.ts';
import { repoRoot, viteBuild } from './server.ts';
import { button, decision, label, startSession, status, vote } from './workshop-pages.ts';

const OUT = join(repoRoot, 'docs/screenshots');
const PHONE = { width: 360, height: 640 };
const WIDE = { width: 1920, height: 1080 };
const written: string[] = [];

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(400);
  const size = `${page.viewportSize()!.width}x${page.viewportSize()!.height}`;
  const file = join(OUT, `workshop-${name}-${size}.png`);
  await page.screenshot({ path: file });
  written.push(file);
  if (page.viewportSize()!.width < 600) {
    const full = join(OUT, `workshop-${name}-${size}-full.png`);
    await page.screenshot({ path: full, fullPage: true });
    written.push(full);
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'branchpoint-workshop-shots-'));
  const dist = join(work, 'dist');
  await viteBuild(dist);
  const server = await startServerProcess(0, join(work, 'workshop.sqlite'), dist);
  const browser = await launchBrowser();
  try {
    const base = `${server.url}/workshop.html`;
    const host = (await openPage(browser, { viewport: WIDE })).page;
    await host.goto(`${base}#/`);
    await shoot(host, 'start');
    const code = await startSession(host, base, scenario.title);
    const joinUrl = `${base}#/join/${code}`;

    const projector = (await openPage(browser, { viewport: WIDE })).page;
    await projector.goto(`${base}#/present/${code}`);
    await projector.locator('.presenter-screen, .lobby-screen').waitFor();

    const phones: Page[] = [];
    for (const nickname of ['Ana', 'Ben', 'Cleo', 'Dev']) {
      const phone = (await openPage(browser, { viewport: PHONE })).page;
      await phone.goto(joinUrl);
      if (phones.length === 0) await shoot(phone, 'participant-join');
      await phone.getByLabel('Your nickname').fill(nickname);
      await button(phone, 'Join').click();
      await phone.locator('.participant-screen').waitFor();
      phones.push(phone);
    }
    const [ana, ben, cleo, dev] = phones as [Page, Page, Page, Page];
    await shoot(ana, 'participant-waiting');
    await shoot(projector, 'presenter-waiting');

    await host.getByLabel('Time limit').selectOption({ label: '2 minutes' });
    await button(host, 'Open the vote').click();
    await status(ana, 'Voting is open');
    await vote(ana, label([], 'allow-limited'), 'It is what the source reports');
    await vote(ben, label([], 'keep-restriction'), 'Escalation is too risky');
    await vote(cleo, label([], 'allow-limited'));
    await ana.getByRole('radio', { name: label([], 'allow-wider'), exact: true }).check();
    await shoot(ana, 'participant-voting');
    await host.locator('[data-voters]', { hasText: '3' }).waitFor();
    await shoot(host, 'facilitator-voting');
    await shoot(projector, 'presenter-voting');

    await button(host, 'Reveal the results').click();
    await projector.locator('.vote-chart').waitFor();
    await dev.locator('.results').waitFor();
    await shoot(projector, 'presenter-results');
    await shoot(host, 'facilitator-results');
    await shoot(dev, 'participant-results');

    await button(host, `Go on with the majority: ${label([], 'allow-limited')}`).click();
    await button(host, /^Next decision: /).click();
    const chosen = ['allow-limited', 'kursk-defensive', 'warn-and-contain', 'accelerate-arms'];
    for (const [step, option] of chosen.slice(1).entries()) {
      const before = chosen.slice(0, step + 1);
      await projector.getByRole('heading', { level: 2, name: decision(before).title, exact: true }).waitFor();
      await button(host, 'Open the vote').click();
      await status(ana, 'Voting is open');
      await vote(ana, label(before, option));
      await button(host, 'Reveal the results').click();
      await button(host, `Go on with the majority: ${label(before, option)}`).click();
      await button(host, /^(Next decision|Show the ending): /).click();
    }
    await projector.locator('.eyebrow', { hasText: 'Ending' }).waitFor();
    await ana.locator('.eyebrow', { hasText: 'Ending' }).waitFor();
    await shoot(projector, 'presenter-ending');
    await shoot(host, 'facilitator-ending');
    await shoot(ana, 'participant-ending');

    const offline = (await openPage(browser, { viewport: WIDE })).page;
    await offline.goto(`${base}#/offline/${scenario.id}`);
    await offline.locator('.hands-form').waitFor();
    await shoot(offline, 'offline');
    for (const [i, hands] of [4, 11, 7].entries())
      await offline.locator('.hand-count input').nth(i).fill(String(hands));
    await button(offline, 'Show the result').click();
    await offline.locator('.vote-chart').waitFor();
    await shoot(offline, 'offline-results');
  } finally {
    await browser.close();
    await server.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `Wrote ${written.length} screenshots:\n${written.map((f) => `  ${f.slice(repoRoot.length)}`).join('\n')}`,
  );
}

await main();
