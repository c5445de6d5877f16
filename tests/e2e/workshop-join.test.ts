/**
 * Joining a workshop as a classroom does it, through the real server (`src/server/main.ts` with the
 * built page and a temporary database): the projector shows a lobby whose count rises as three
 * phones (360x640) join — one by typing `/join` by hand, one by `/<code>` in lower case, one after
 * a wrong code, which keeps the nickname typed and puts focus on the code — and after voting the
 * phone's confirmation is on screen beside the send button, even when that button sat at the very
 * bottom edge of the screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServerProcess } from '../server/harness.ts';
import { launchBrowser, openPage, waitForHeading, type OpenPage } from './browser.ts';
import { scenario } from './flagship.ts';
import { button, decision, label, startSession, status } from './workshop-pages.ts';

const outDir = inject('outDir');
const PHONE = { width: 360, height: 640 };
let browser: Browser;
let server: Awaited<ReturnType<typeof startServerProcess>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(joinPath(tmpdir(), 'branchpoint-workshop-join-e2e-'));
  server = await startServerProcess(0, joinPath(dataDir, 'workshop.sqlite'), outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Where an element is on the screen, in CSS pixels from the viewport's top. */
async function onScreen(page: Page, selector: string): Promise<{ top: number; bottom: number }> {
  const box = (await page.locator(selector).boundingBox())!;
  return { top: box.y, bottom: box.y + box.height };
}

describe('joining a workshop without the docs', () => {
  // About 40 s on a quiet machine; the limit leaves room for a loaded one.
  it(
    'by /join typed by hand, by /<code> in lower case and after a wrong code, with a lobby on the projector',
    {
      timeout: 120_000,
    },
    async () => {
      const opened: OpenPage[] = [];
      const open = async (viewport: { width: number; height: number }) => {
        const made = await openPage(browser, { viewport, stage: false });
        opened.push(made);
        return made.page;
      };
      const first = decision([]);
      const base = `${server.url}/workshop.html`;

      const host = await open({ width: 1366, height: 768 });
      const code = await startSession(host, base, scenario.title);
      // The facilitator can read the short address out; the server's address here is 127.0.0.1.
      expect(await host.locator('#short-address').textContent()).toContain(`${server.url}/join`);

      const projector = await open({ width: 1920, height: 1080 });
      await projector.goto(`${base}#/present/${code}`);
      await waitForHeading(projector, 'Join on your phone');
      const lobby = projector.locator('.lobby-screen');
      expect(await lobby.locator('.lobby-steps').textContent()).toContain(`${server.url}/join`);
      expect(await lobby.locator('[data-room-code]').textContent()).toBe(code);
      await lobby.getByRole('img', { name: /^QR code for the join link / }).waitFor();
      const joined = (count: number) =>
        projector.locator('.lobby-count [data-participants]', { hasText: new RegExp(`^${count}$`) }).waitFor();
      await joined(0);

      // 1. `/join` typed by hand: the join form, the code typed as the projector shows it.
      const ana = await open(PHONE);
      await ana.goto(`${server.url}/join`);
      await waitForHeading(ana, 'Join a workshop');
      expect(new URL(ana.url()).pathname).toBe('/workshop.html');
      await ana.getByLabel('Room code').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
      await ana.getByLabel('Your nickname').fill('Ana');
      await button(ana, 'Join').click();
      await waitForHeading(ana, first.title);
      await joined(1);

      // 2. `/<code>` in lower case: straight to that room's form, the code filled in.
      const ben = await open(PHONE);
      await ben.goto(`${server.url}/${code.toLowerCase()}`);
      await waitForHeading(ben, 'Join a workshop');
      expect(await ben.getByLabel('Room code').inputValue()).toBe(code);
      await ben.getByLabel('Your nickname').fill('Ben');
      await button(ben, 'Join').click();
      await waitForHeading(ben, first.title);
      await joined(2);

      // 3. A wrong code: the nickname stays, the code field takes focus and says what was wrong.
      const cleo = await open(PHONE);
      await cleo.goto(`${server.url}/JOIN/`);
      await waitForHeading(cleo, 'Join a workshop');
      const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
      await cleo.getByLabel('Room code').fill(wrong.toLowerCase());
      await cleo.getByLabel('Your nickname').fill('Cleo');
      await button(cleo, 'Join').click();
      const problem = cleo.getByRole('alert');
      await problem.filter({ hasText: `no session with the code ${wrong}` }).waitFor();
      expect(await cleo.getByLabel('Your nickname').inputValue()).toBe('Cleo');
      const focused = await cleo.evaluate(() => ({
        id: document.activeElement?.id,
        invalid: document.activeElement?.getAttribute('aria-invalid'),
        described: document.activeElement?.getAttribute('aria-describedby'),
      }));
      expect(focused).toEqual({ id: 'join-code', invalid: 'true', described: 'join-code-hint join-problem' });
      // A code of the wrong shape is caught on the phone, the nickname kept again.
      await cleo.getByLabel('Room code').fill('K7M2Q');
      await button(cleo, 'Join').click();
      await problem.filter({ hasText: '“K7M2Q” is not a room code' }).waitFor();
      expect(await cleo.getByLabel('Your nickname').inputValue()).toBe('Cleo');
      await cleo.getByLabel('Room code').fill(code.toLowerCase());
      await button(cleo, 'Join').click();
      await waitForHeading(cleo, first.title);
      await joined(3);

      // The projector stays anonymous: a count, never a name.
      expect(await projector.locator('main').textContent()).not.toMatch(/Ana|Ben|Cleo/);

      // The first vote opens: the lobby gives way to the decision.
      await button(host, 'Open the vote').click();
      await waitForHeading(projector, first.title);
      expect(await projector.locator('.join-line').textContent()).toContain(`${server.url}/join`);

      // Ana's thumb is on the send button at the bottom edge of her screen; the confirmation shows beside it.
      await status(ana, 'Voting is open');
      const choice = label([], 'allow-limited');
      await ana.getByRole('radio', { name: choice, exact: true }).check();
      await ana.locator('#send-vote').evaluate((button) => button.scrollIntoView({ block: 'end' }));
      const before = await onScreen(ana, '#send-vote');
      expect(before.bottom).toBeGreaterThan(PHONE.height - 40);
      await ana.locator('#send-vote').click();
      await ana.locator('#my-vote', { hasText: choice }).waitFor();
      const confirmation = await onScreen(ana, '#my-vote');
      const sendButton = await onScreen(ana, '#send-vote');
      expect(confirmation.top).toBeGreaterThanOrEqual(0);
      expect(confirmation.bottom).toBeLessThanOrEqual(PHONE.height);
      expect(sendButton.top).toBeGreaterThanOrEqual(0);
      // Near the thumb: right under the button, not somewhere else on the page.
      expect(confirmation.top - sendButton.bottom).toBeLessThan(80);

      expect(opened.flatMap((o) => o.errors)).toEqual([]);
    },
  );
});
