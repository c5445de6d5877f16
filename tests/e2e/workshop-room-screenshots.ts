/**
 * Screenshots of what the room sees between decisions and at its ending, written to
 * docs/screenshots/workshop-*.png: the outcome of a choice (and an override) on the projector at
 * 1920x1080, on a phone at 360x640 and on the facilitator's laptop at 1366x768; the facilitator's
 * options before a vote, the way on after a reveal, the rewind question; the ending and each page
 * of the debrief. Not part of `npm test`: run `npx tsx tests/e2e/workshop-room-screenshots.ts`
 * (set BRANCHPOINT_DIST to a built folder to skip the build).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess } from '../server/harness.ts';
import { launchBrowser, openPage } from './browser.ts';
import { scenario, viewAfter } from './flagship.ts';
import { repoRoot, viteBuild } from './server.ts';
import { button, decision, join as joinRoom, label, startSession, status, vote } from './workshop-pages.ts';

const OUT = join(repoRoot, 'docs/screenshots');
const PHONE = { width: 360, height: 640 };
const PROJECTOR = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };
const written: string[] = [];

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(600);
  const size = `${page.viewportSize()!.width}x${page.viewportSize()!.height}`;
  const file = join(OUT, `workshop-${name}-${size}.png`);
  await page.screenshot({ path: file });
  written.push(file);
}

/** Waits until the projector's stage has drawn its latest picture. */
async function stageSettled(projector: Page): Promise<void> {
  await projector.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 60_000 });
  await projector.waitForTimeout(2500);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'branchpoint-room-shots-'));
  const dist = process.env.BRANCHPOINT_DIST ?? join(work, 'dist');
  if (!process.env.BRANCHPOINT_DIST) await viteBuild(dist);
  const server = await startServerProcess(0, join(work, 'workshop.sqlite'), dist);
  const browser = await launchBrowser();
  try {
    const base = `${server.url}/workshop.html`;
    const host = (await openPage(browser, { viewport: LAPTOP })).page;
    const code = await startSession(host, base, scenario.title);
    const projector = (await openPage(browser, { viewport: PROJECTOR })).page;
    await projector.goto(`${base}#/present/${code}`);
    const phones: Page[] = [];
    for (const nickname of ['Ana', 'Ben', 'Cleo']) {
      const phone = (await openPage(browser, { viewport: PHONE, stage: false })).page;
      await joinRoom(phone, `${base}#/join/${code}`, nickname, decision([]).title);
      phones.push(phone);
    }
    const [ana, ben, cleo] = phones as [Page, Page, Page];
    await shoot(host, 'facilitator-before-vote');

    await button(host, 'Open the vote').click();
    await status(ana, 'Voting is open');
    await vote(ana, label([], 'allow-limited'), 'It is what the source reports');
    await vote(ben, label([], 'allow-limited'));
    await vote(cleo, label([], 'keep-restriction'), 'Escalation is too risky');
    await button(host, 'Reveal the results').click();
    await host.locator('#advance-majority').waitFor();
    await shoot(host, 'facilitator-revealed');
    await button(host, `Go on with the majority: ${label([], 'allow-limited')}`).click();
    await projector.locator('.room-outcome').waitFor();
    await stageSettled(projector);
    await shoot(projector, 'presenter-outcome');
    await shoot(ana, 'participant-outcome');
    await shoot(host, 'facilitator-outcome');
    await button(host, /^Next decision: /).click();

    // An override, announced with its reason.
    const first = ['allow-limited'];
    await projector.getByRole('heading', { level: 2, name: decision(first).title, exact: true }).waitFor();
    await button(host, 'Open the vote').click();
    await status(ana, 'Voting is open');
    await vote(ana, label(first, 'occupied-territory'));
    await vote(ben, label(first, 'occupied-territory'));
    await button(host, 'Reveal the results').click();
    await host.getByLabel('Option', { exact: true }).selectOption('kursk-defensive');
    await host.getByLabel('Reason, for the record').fill('To see how Moscow answers strikes in Russia');
    await button(host, 'Take this option').click();
    await projector.locator('.override-notice').waitFor();
    await stageSettled(projector);
    await shoot(projector, 'presenter-override');
    await ben.locator('.override-notice').waitFor();
    await shoot(ben, 'participant-override');

    // The rewind question, then on to the ending.
    await button(host, `Go back to “${decision([]).title}”`).click();
    await host.getByRole('dialog').waitFor();
    await shoot(host, 'facilitator-rewind-question');
    await host.getByRole('dialog').getByRole('button', { name: 'Stay here', exact: true }).click();
    await button(host, /^Next decision: /).click();
    let path = [...first, 'kursk-defensive'];
    for (const option of ['warn-and-contain', 'accelerate-arms']) {
      await projector.getByRole('heading', { level: 2, name: decision(path).title, exact: true }).waitFor();
      await button(host, 'Open the vote').click();
      await status(ana, 'Voting is open');
      await vote(ana, label(path, option));
      await button(host, 'Reveal the results').click();
      await button(host, `Go on with the majority: ${label(path, option)}`).click();
      path = [...path, option];
      await button(host, /^(Next decision|Show the ending): /).click();
    }
    const ending = viewAfter(path);
    await projector.getByRole('heading', { level: 2, name: ending.title, exact: true }).waitFor();
    await shoot(host, 'facilitator-at-ending');
    await button(host, 'Start the debrief').click();
    for (const part of ['path', 'reported', 'votes', 'common', 'questions']) {
      await projector.locator(`[data-debrief="${part}"]`).waitFor();
      await ana.locator(`[data-debrief="${part}"]`).waitFor();
      await shoot(projector, `presenter-debrief-${part}`);
      if (part === 'path' || part === 'reported') await shoot(ana, `participant-debrief-${part}`);
      if (part === 'path') await shoot(host, 'facilitator-debrief');
      const next = host.locator('#debrief-next');
      if (await next.count()) await next.click();
    }
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
