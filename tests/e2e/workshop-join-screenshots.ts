/**
 * Screenshots of joining a workshop, written to docs/screenshots/workshop-join-*.png and
 * workshop-lobby-*.png: the phone's join form at 360x640 (reached by the short address, and after a
 * wrong code), the phone's vote confirmation at 360x640 (sent from the bottom edge of the screen),
 * the projector's lobby at 1920x1080 with three phones in, and the facilitator's start page and
 * room at 1366x768. Not part of `npm test`: run `npx tsx tests/e2e/workshop-join-screenshots.ts`.
 * Builds the page and runs the real server on a free port with a temporary database.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServerProcess } from '../server/harness.ts';
import { launchBrowser, openPage, waitForHeading } from './browser.ts';
import { scenario } from './flagship.ts';
import { repoRoot, viteBuild } from './server.ts';
import { button, decision, label, startSession, status } from './workshop-pages.ts';

const OUT = join(repoRoot, 'docs/screenshots');
const PHONE = { width: 360, height: 640 };
const LAPTOP = { width: 1366, height: 768 };
const WIDE = { width: 1920, height: 1080 };
const written: string[] = [];

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(400);
  const size = `${page.viewportSize()!.width}x${page.viewportSize()!.height}`;
  const file = join(OUT, `workshop-${name}-${size}.png`);
  await page.screenshot({ path: file });
  written.push(file);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'branchpoint-workshop-join-shots-'));
  const dist = join(work, 'dist');
  await viteBuild(dist);
  const server = await startServerProcess(0, join(work, 'workshop.sqlite'), dist);
  const browser = await launchBrowser();
  const phone = async () => (await openPage(browser, { viewport: PHONE, stage: false })).page;
  try {
    const base = `${server.url}/workshop.html`;
    const host = (await openPage(browser, { viewport: LAPTOP, stage: false })).page;
    await host.goto(`${base}#/`);
    await waitForHeading(host, 'Workshop');
    await shoot(host, 'join-start');
    const code = await startSession(host, base, scenario.title);

    const projector = (await openPage(browser, { viewport: WIDE, stage: false })).page;
    await projector.goto(`${base}#/present/${code}`);
    await waitForHeading(projector, 'Join on your phone');

    // Ana types the short address by hand, then the code as the projector shows it.
    const ana = await phone();
    await ana.goto(`${server.url}/join`);
    await waitForHeading(ana, 'Join a workshop');
    await ana.getByLabel('Room code').fill(code.toLowerCase());
    await ana.getByLabel('Your nickname').fill('Ana');
    await shoot(ana, 'join-phone');
    await button(ana, 'Join').click();
    await waitForHeading(ana, decision([]).title);

    // Ben mistypes the code: the nickname stays, the code field says what was wrong.
    const ben = await phone();
    await ben.goto(`${server.url}/join`);
    await ben.getByLabel('Room code').fill(code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
    await ben.getByLabel('Your nickname').fill('Ben');
    await button(ben, 'Join').click();
    await ben.getByRole('alert').waitFor();
    await shoot(ben, 'join-wrong-code');
    await ben.getByLabel('Room code').fill(code);
    await button(ben, 'Join').click();
    await waitForHeading(ben, decision([]).title);

    const cleo = await phone();
    await cleo.goto(`${server.url}/${code.toLowerCase()}`);
    await cleo.getByLabel('Your nickname').fill('Cleo');
    await button(cleo, 'Join').click();
    await waitForHeading(cleo, decision([]).title);

    await projector.locator('.lobby-count [data-participants]', { hasText: /^3$/ }).waitFor();
    await shoot(projector, 'lobby-projector');
    await host.getByRole('heading', { name: 'Participants (3)' }).waitFor();
    await shoot(host, 'lobby-facilitator');

    await button(host, 'Open the vote').click();
    await status(ana, 'Voting is open');
    const choice = label([], 'allow-limited');
    await ana.getByRole('radio', { name: choice, exact: true }).check();
    await ana.getByLabel('Why? (optional, one line)').fill('It is what the source reports');
    await ana.locator('#send-vote').evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await ana.locator('#send-vote').click();
    await ana.locator('#my-vote', { hasText: choice }).waitFor();
    await shoot(ana, 'join-vote-confirmation');
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
