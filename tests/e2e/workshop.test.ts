/**
 * A whole workshop session through the real server (`src/server/main.ts` serving the built page
 * and Socket.IO, with a temporary database): a facilitator, a projector and three phones run the
 * flagship to an ending. One phone reloads mid-vote and keeps its vote, one votes by keyboard
 * alone, one has a nickname made of HTML; the server is killed mid-vote and restarted, and every
 * page carries on; the facilitator overrides the majority with a reason, goes back to an earlier
 * decision, pauses, ends the session and downloads the record in all three formats, whose
 * contents are checked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SessionRecord } from '../../src/workshop/record.ts';
import { escapeMarkdown } from '../../src/workshop/record-markdown.ts';
import { startServerProcess } from '../server/harness.ts';
import {
  axeProblems,
  horizontalOverflow,
  launchBrowser,
  openPage,
  tabUntil,
  waitForHeading,
  type OpenPage,
} from './browser.ts';
import { FLAGSHIP, scenario, viewAfter } from './flagship.ts';
import { button, decision, download, join, label, startSession, status, vote } from './workshop-pages.ts';

const outDir = inject('outDir');
let browser: Browser;
let server: Awaited<ReturnType<typeof startServerProcess>>;
let dataDir: string;
let port: number;
const database = () => joinPath(dataDir, 'workshop.sqlite');

beforeAll(async () => {
  dataDir = mkdtempSync(joinPath(tmpdir(), 'branchpoint-workshop-e2e-'));
  // The server picks a free port and says which; the restart below takes the same one again.
  server = await startServerProcess(0, database(), outDir);
  port = server.port;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

async function noAxeProblems(pages: Record<string, Page>): Promise<void> {
  const found: Record<string, string[]> = {};
  for (const [name, page] of Object.entries(pages)) {
    const problems = await axeProblems(page);
    if (problems.length > 0) found[name] = problems;
  }
  expect(found).toEqual({});
}

describe('a workshop session: facilitator, projector and three phones', () => {
  it('runs the flagship to an ending and downloads the record', { timeout: 240_000 }, async () => {
    const base = `${server.url}/workshop.html`;
    const opened: OpenPage[] = [];
    const open = async (viewport: { width: number; height: number }) => {
      const made = await openPage(browser, { viewport });
      made.page.on('dialog', (dialog) => {
        made.errors.push(`a dialog opened: ${dialog.message()}`);
        void dialog.dismiss();
      });
      opened.push(made);
      return made.page;
    };

    // The facilitator starts a session and gets a room code, a join link and a QR code.
    const host = await open({ width: 1920, height: 1080 });
    await host.goto(`${base}#/`);
    await noAxeProblems({ start: host });
    const code = await startSession(host, base, scenario.title);
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    const joinUrl = await host.locator('.room-panel a.join-url').getAttribute('href');
    expect(joinUrl).toBe(`${base}#/join/${code}`);
    await expect(host.getByRole('img', { name: `QR code for the join link ${joinUrl}` }).count()).resolves.toBe(1);

    // The projector opens the presenter view from the facilitator's link.
    const presenterUrl = await host.locator('#presenter-link').getAttribute('href');
    expect(presenterUrl).toBe(`${base}#/present/${code}`);
    const projector = await open({ width: 1920, height: 1080 });
    await projector.goto(presenterUrl!);
    // Until the first vote opens, the projector is the lobby (tests/e2e/workshop-join.test.ts).
    await waitForHeading(projector, 'Join on your phone');
    expect(await projector.locator('[data-room-code]').textContent()).toBe(code);

    // Three phones join: by the link, by typing the code (loosely), and with an HTML nickname.
    const ana = await open({ width: 360, height: 640 });
    await ana.goto(joinUrl!);
    expect(await ana.getByLabel('Room code').inputValue()).toBe(code);
    await noAxeProblems({ join: ana });
    await ana.getByLabel('Your nickname').fill('Ana');
    await button(ana, 'Join').click();
    await waitForHeading(ana, decision([]).title);

    const ben = await open({ width: 360, height: 640 });
    await ben.goto(`${base}#/`);
    await button(ben, 'Join with a room code').click();
    await ben.getByLabel('Room code').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`);
    await ben.getByLabel('Your nickname').fill('Ben');
    await button(ben, 'Join').click();
    await waitForHeading(ben, decision([]).title);
    expect(ben.url()).toBe(`${base}#/join/${code}`);

    const htmlName = '<img src=x onerror=alert(1)>';
    const cleo = await open({ width: 360, height: 640 });
    await join(cleo, joinUrl!, htmlName, decision([]).title);
    await host.getByRole('heading', { name: 'Participants (3)' }).waitFor();
    expect(await host.locator('.people .person-name').allTextContents()).toEqual(['Ana', 'Ben', htmlName]);
    expect(await host.locator('.people img').count()).toBe(0);

    // A phone checks an option's quotation in its source.
    await ana.getByText('Sources for option 2', { exact: true }).click();
    await ana.locator('.ballot-option').nth(1).getByRole('button', { name: 'Show in source' }).first().click();
    await ana.getByRole('dialog').locator('#cited-passage').waitFor();
    await ana.keyboard.press('Escape');
    await ana.getByRole('dialog').waitFor({ state: 'hidden' });

    // Decision 1: a timed vote. Ben reloads mid-vote and keeps his vote; Cleo votes by keyboard alone.
    const d1 = decision([]);
    // Long enough that the server's clock does not close it while the server is killed and restarted below.
    await host.getByLabel('Time limit').selectOption({ label: '5 minutes' });
    await button(host, 'Open the vote').click();
    for (const phone of [ana, ben, cleo]) await status(phone, 'Voting is open');
    expect(await ana.locator('#announcer').textContent()).toBe(`Voting is open: ${d1.title}.`);
    await projector.locator('.vote-timer', { hasText: /left$/ }).waitFor();
    await vote(ana, label([], 'allow-limited'), 'It is what happened');
    await vote(ben, label([], 'keep-restriction'));
    await ben.reload();
    await ben.locator('#my-vote', { hasText: label([], 'keep-restriction') }).waitFor();
    expect(await ben.getByRole('radio', { name: label([], 'keep-restriction'), exact: true }).isChecked()).toBe(true);
    expect(await ben.getByLabel('Your nickname').count()).toBe(0);

    await cleo.locator('h2').focus();
    await tabUntil(cleo, '(el) => el?.type === "radio"');
    await cleo.keyboard.press('ArrowDown');
    const cleoPick = await cleo.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await cleo.keyboard.press('Space');
    await tabUntil(cleo, '(el) => el?.id === "vote-reason"');
    await cleo.keyboard.type('<b>bold</b> claims');
    await cleo.keyboard.press('Enter');
    await cleo.locator('#my-vote').waitFor();
    expect(cleoPick).toBe(d1.options[1]!.id);

    await projector.locator('[data-voters]', { hasText: '3' }).waitFor();

    // The server dies mid-vote and comes back: every page joins again by itself, nothing is lost.
    const before = opened.map((page) => page.errors.length);
    await server.kill('SIGKILL');
    for (const page of [host, projector, ana, ben, cleo]) await page.locator('.link-state.link-reconnecting').waitFor();
    server = await startServerProcess(port, database(), outDir);
    for (const page of [host, projector, ana, ben, cleo])
      await page.locator('.link-state.link-joined').waitFor({ timeout: 20_000 });
    // While the server was down, the browser logged the refused reconnection attempts; nothing else may appear.
    opened.forEach((page, i) =>
      page.errors.splice(
        before[i]!,
        Infinity,
        ...page.errors
          .slice(before[i])
          .filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/.test(e)),
      ),
    );
    await ben.locator('#my-vote', { hasText: label([], 'keep-restriction') }).waitFor();
    await status(ana, 'Voting is open');
    await host.locator('.vote-chart tr[data-option="allow-limited"] [data-count]', { hasText: '2' }).waitFor();
    await noAxeProblems({ facilitator: host, projector, phone: cleo });
    expect(await horizontalOverflow(cleo)).toBe(0);

    await button(host, 'Reveal the results').click();
    await projector.locator('.vote-chart tr.majority[data-option="allow-limited"]').waitFor();
    for (const phone of [ana, ben, cleo]) await phone.locator('.results .vote-chart').waitFor();
    expect(
      await projector
        .locator('.vote-chart tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [r.getAttribute('data-option'), r.querySelector('[data-count]')!.textContent]),
        ),
    ).toEqual([
      ['keep-restriction', '1'],
      ['allow-limited', '2'],
      ['allow-wider', '0'],
    ]);
    // Reasons reach the projector without names, and HTML in them stays text.
    expect(await projector.locator('.reasons li').allTextContents()).toEqual([
      'Option 2: It is what happened',
      'Option 2: <b>bold</b> claims',
    ]);
    expect(await projector.locator('.reasons b').count()).toBe(0);
    await noAxeProblems({ facilitator: host, projector, phone: ana });
    expect(await horizontalOverflow(ana)).toBe(0);
    await button(host, `Go on with the majority: ${label([], 'allow-limited')}`).click();
    // Every screen shows what the choice caused; the facilitator then moves on.
    await button(host, /^Next decision: /).click();

    // Decision 2: the room goes with its majority, then the facilitator goes back to it.
    const d2 = decision(['allow-limited']);
    for (const page of [host, projector, ana, ben, cleo]) await waitForHeading(page, d2.title);
    await button(host, 'Open the vote').click();
    for (const phone of [ana, ben, cleo]) await status(phone, 'Voting is open');
    for (const phone of [ana, ben, cleo]) await vote(phone, label(['allow-limited'], 'occupied-territory'));
    await button(host, 'Reveal the results').click();
    await button(host, `Go on with the majority: ${label(['allow-limited'], 'occupied-territory')}`).click();
    await button(host, /^Next decision: /).click();
    const d3rejected = decision(['allow-limited', 'occupied-territory']);
    await waitForHeading(ana, d3rejected.title);
    // Going back moves the whole room, so it asks first.
    await button(host, `Go back to “${d2.title}”`).click();
    await host.getByRole('dialog').getByRole('button', { name: 'Go back', exact: true }).click();
    for (const page of [host, projector, ana]) await waitForHeading(page, d2.title);

    // Decision 2 again: the same majority, and this time the facilitator overrides it with a reason.
    await button(host, 'Open the vote').click();
    for (const phone of [ana, ben]) {
      await status(phone, 'Voting is open');
      await vote(phone, label(['allow-limited'], 'occupied-territory'));
    }
    await button(host, 'Reveal the results').click();
    await host.getByLabel('Option', { exact: true }).selectOption('kursk-defensive');
    await host.getByLabel('Reason, for the record').fill('To see how Moscow answers strikes in Russia');
    await button(host, 'Take this option').click();
    await button(host, /^Next decision: /).click();
    const d3 = decision(['allow-limited', 'kursk-defensive']);
    for (const page of [host, projector, ana, ben, cleo]) await waitForHeading(page, d3.title);
    await host.locator('.override-note', { hasText: 'To see how Moscow answers strikes in Russia' }).waitFor();

    // Decision 3: a pause stops the vote; after it, the vote goes on.
    await button(host, 'Open the vote').click();
    await status(ana, 'Voting is open');
    await button(host, 'Pause').click();
    for (const page of [projector, ana]) await status(page, 'Paused');
    await button(host, 'Resume').click();
    await status(ana, 'Voting is open');
    // The facilitator's browser keeps the room's key: a reload keeps control.
    await host.reload();
    await waitForHeading(host, d3.title);
    await status(host, 'Voting is open');
    await vote(ana, label(['allow-limited', 'kursk-defensive'], 'warn-and-contain'));
    await button(host, 'Reveal the results').click();
    await button(
      host,
      `Go on with the majority: ${label(['allow-limited', 'kursk-defensive'], 'warn-and-contain')}`,
    ).click();
    await button(host, /^Next decision: /).click();

    // Decision 4, then the ending on every screen.
    const chosen = ['allow-limited', 'kursk-defensive', 'warn-and-contain'];
    await waitForHeading(ben, decision(chosen).title);
    await button(host, 'Open the vote').click();
    await status(ben, 'Voting is open');
    await vote(ben, label(chosen, 'accelerate-arms'));
    await button(host, 'Close the vote').click();
    await status(ben, 'Voting has closed');
    expect(await ben.locator('#announcer').textContent()).toBe('Voting has closed.');
    expect(await ben.getByRole('radio', { name: label(chosen, 'accelerate-arms'), exact: true }).isDisabled()).toBe(
      true,
    );
    await button(host, 'Reveal the results').click();
    await button(host, `Go on with the majority: ${label(chosen, 'accelerate-arms')}`).click();
    await button(host, /^Show the ending: /).click();
    const ending = viewAfter([...chosen, 'accelerate-arms']);
    expect(ending.kind).toBe('ending');
    for (const page of [host, projector, ana, ben, cleo]) await waitForHeading(page, ending.title);
    await noAxeProblems({ facilitator: host, projector, phone: ben });

    // A participant's browser cannot take the facilitator's place.
    const intruder = await ana.context().newPage();
    await intruder.goto(`${base}#/host/${code}`);
    await intruder.getByText('Only the browser that started this session can lead it').waitFor();
    await intruder.close();

    // At the ending the end of the session is offered as it is, not folded away.
    await button(host, 'End the session').click();
    for (const page of [host, projector, ana]) await status(page, 'The session has ended');

    // The record, in three formats.
    const json = await download(host, 'JSON');
    expect(json.name).toMatch(new RegExp(`^${FLAGSHIP}-${code}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const record = JSON.parse(json.text) as SessionRecord;
    expect(record.status).toBe('ended');
    expect(record.participants).toBe(3);
    expect(record.path.map((step) => step.optionId)).toEqual([...chosen, 'accelerate-arms']);
    expect(record.path[1]).toMatchObject({
      decidedBy: 'facilitator',
      override: { majority: 'occupied-territory', reason: 'To see how Moscow answers strikes in Russia' },
    });
    expect(record.path.every((step) => step.citations.length > 0)).toBe(true);
    expect(record.reached).toMatchObject({ kind: 'ending', title: ending.title });
    expect(record.rewinds).toEqual([expect.objectContaining({ fromStep: 2, toStep: 1 })]);
    const first = record.rounds[0]!;
    expect(Object.fromEntries(first.options.map((o) => [o.id, o.total]))).toEqual({
      'keep-restriction': 1,
      'allow-limited': 2,
      'allow-wider': 0,
    });
    expect(first.reasons.map((r) => [r.nickname, r.reason])).toEqual([
      ['Ana', 'It is what happened'],
      [htmlName, '<b>bold</b> claims'],
    ]);
    expect(record.rounds.map((r) => [r.decisionId, r.outcome, r.total])).toEqual([
      ['us-permission', 'taken', 3],
      ['ukraine-plan', 'taken', 3],
      ['ukraine-plan', 'taken', 2],
      ['kremlin-response', 'taken', 1],
      ['incoming-choice', 'taken', 1],
    ]);

    const markdown = await download(host, 'Markdown');
    expect(markdown.name.endsWith('.md')).toBe(true);
    // Scenario text is escaped in the Markdown record like participants' text.
    for (const text of [
      scenario.title,
      ending.title,
      'It is what happened',
      'To see how Moscow answers strikes in Russia',
      label([], 'allow-limited'),
    ])
      expect(markdown.text).toContain(escapeMarkdown(text));

    const csv = await download(host, 'CSV');
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]!.startsWith('round,step,decision_id')).toBe(true);
    expect(rows).toContainEqual(expect.stringMatching(/^1,1,us-permission,.*,allow-limited,.*,2,0,2,yes,yes,/));
    expect(
      rows.some(
        (row) => row.includes('kursk-defensive') && row.includes('To see how Moscow answers strikes in Russia'),
      ),
    ).toBe(true);

    for (const page of opened) expect(page.errors).toEqual([]);
    for (const page of opened) await page.context.close();
  });
});
