/**
 * Every page under the Content-Security-Policy the real server sends: the game's screens with the
 * Phaser stage, the scenario checker, and the workshop's facilitator, projector and phone through a
 * vote to its revealed results (the vote bars). Any `securitypolicyviolation` event in a page, or a
 * console report of a refused resource, fails the test; so does a page that could be framed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, startServerProcess } from '../server/harness.ts';
import { launchBrowser, openPage, waitForHeading, type OpenPage } from './browser.ts';
import { FLAGSHIP } from './flagship.ts';
import { button } from './workshop-pages.ts';

const outDir = inject('outDir');
let browser: Browser;
let server: Awaited<ReturnType<typeof startServerProcess>>;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(joinPath(tmpdir(), 'branchpoint-csp-e2e-'));
  server = await startServerProcess(await freePort(), joinPath(dataDir, 'workshop.sqlite'), outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/** A page that records every CSP violation it sees, from its first script on. */
async function watched(): Promise<OpenPage> {
  const opened = await openPage(browser);
  await opened.context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations.push(
        `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
  return opened;
}

async function violations(opened: OpenPage): Promise<string[]> {
  const found: string[] = [];
  for (const page of opened.context.pages())
    found.push(...(await page.evaluate(() => window.__cspViolations ?? [])).map((v) => `${page.url()}: ${v}`));
  return [...found, ...opened.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))];
}

describe('the Content-Security-Policy', () => {
  it('is sent with every page, with framing refused', async () => {
    // '/join' is a short address: the redirect and the page it leads to carry the policy.
    for (const path of ['/', '/index.html', '/workshop.html', '/join']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('lets the game, its stage and the scenario checker run without a violation', { timeout: 150_000 }, async () => {
    const opened = await watched();
    const { page } = opened;
    await page.goto(`${server.url}/#/`);
    await page.locator('main h2').first().waitFor();
    await page.goto(`${server.url}/#/s/${FLAGSHIP}/play`);
    await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 90_000 });
    expect(await page.locator('#stage canvas').count()).toBe(1);
    // Then the other screens a link can open.
    for (const hash of [`#/s/${FLAGSHIP}/map`, `#/s/${FLAGSHIP}/compare`, `#/s/${FLAGSHIP}/briefing`, '#/open'])
      await visit(page, `${server.url}/${hash}`);
    // The scenario checker's worker, on a file the author picks.
    await page.locator('#open-files-input').setInputFiles({
      name: 'scenario.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('format: 1\nid: broken\n'),
    });
    await page.locator('.problems').first().waitFor({ timeout: 30_000 });
    expect(await violations(opened)).toEqual([]);
    expect(opened.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    await opened.context.close();
  });

  it(
    'lets the workshop run a vote to its results on every role without a violation',
    { timeout: 150_000 },
    async () => {
      const base = `${server.url}/workshop.html`;
      const host = await watched();
      await host.page.goto(`${base}#/`);
      await host.page
        .getByRole('button', { name: /^Start a session of / })
        .first()
        .click();
      await host.page.waitForURL(/#\/host\/[2-9A-Z]{6}$/);
      const code = (await host.page.locator('[data-room-code]').textContent())!.trim();
      const projector = await watched();
      await projector.page.goto(`${base}#/present/${code}`);
      await projector.page.locator('.lobby-screen .qr-code').waitFor();
      const phone = await watched();
      // The room's short address, as a phone types it.
      await phone.page.goto(`${server.url}/${code.toLowerCase()}`);
      await phone.page.getByLabel('Your nickname').fill('Ada');
      await button(phone.page, 'Join').click();
      await phone.page.locator('input[type=radio]').first().waitFor();
      await button(host.page, 'Open the vote').click();
      await phone.page.locator('input[type=radio]').first().check();
      await phone.page.locator('#send-vote').click();
      await phone.page.locator('#my-vote').waitFor();
      await host.page.locator('.vote-chart .bar').first().waitFor();
      await button(host.page, 'Reveal the results').click();
      for (const { page } of [host, projector, phone]) await page.locator('.vote-chart .bar').first().waitFor();
      // The bars are drawn: their width came through the CSSOM, not a refused style attribute.
      const width = await projector.page
        .locator('.vote-chart .bar')
        .first()
        .evaluate((bar) => (bar as HTMLElement).style.width);
      expect(width).toBe('100%');
      for (const opened of [host, projector, phone]) {
        expect(await violations(opened)).toEqual([]);
        expect(opened.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
        await opened.context.close();
      }
    },
  );
});

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('main h2').first().waitFor();
  if (url.endsWith('/compare')) await waitForHeading(page, 'Compare two paths');
}
