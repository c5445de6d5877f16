/**
 * An assignment through the real server (src/server/main.ts serving the built page, with a
 * temporary database): a teacher sets the flagship as an assignment from the workshop page, asking
 * for reasons; three students play the ordinary game from the class link at their own pace — one
 * loses the network mid-game and comes back, one reloads and carries on where they were — and the
 * teacher's live report shows each path, the splits, the sources opened and the reasons, downloads
 * in three formats, and deleting the assignment removes its records from the database file.
 * The game is driven by its first offered option, so nothing here depends on the flagship's ids.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AssignmentReport } from '../../src/workshop/assignment-report.ts';
import { startServerProcess } from '../server/harness.ts';
import { launchBrowser, openPage, type OpenPage } from './browser.ts';
import { download } from './workshop-pages.ts';

const outDir = inject('outDir');
/** Set to a folder (docs/screenshots) to keep the pictures the documentation shows. */
const shots = process.env.ASSIGNMENT_SCREENSHOTS;
let browser: Browser;
let server: Awaited<ReturnType<typeof startServerProcess>>;
let dataDir: string;
const database = () => joinPath(dataDir, 'workshop.sqlite');

beforeAll(async () => {
  dataDir = mkdtempSync(joinPath(tmpdir(), 'branchpoint-assignment-e2e-'));
  server = await startServerProcess(0, database(), outDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** What the game shows next, once it has drawn: a decision, an outcome to read on, or an ending. */
async function screen(page: Page): Promise<'decision' | 'outcome' | 'ending'> {
  await page.waitForFunction(
    () => document.querySelector('#continue-button, .option-button') || document.body.dataset.screen === 'ending',
  );
  if ((await page.locator('#continue-button').count()) > 0) return 'outcome';
  return (await page.locator('.option-button').count()) > 0 ? 'decision' : 'ending';
}

/** Takes the first option offered (giving a reason when asked), and reads on past its outcome. Returns the decision's title. */
async function choose(page: Page, reason?: string): Promise<string> {
  while ((await screen(page)) === 'outcome') await page.locator('#continue-button').click();
  const title = (await page.getByRole('main').getByRole('heading', { level: 2 }).first().textContent())!;
  await page.locator('.option-button').first().click();
  const panel = page.getByRole('complementary', { name: 'Your reason' });
  await panel.waitFor();
  if (reason) {
    await panel.getByLabel(/^Why/).fill(reason);
    await panel.getByRole('button', { name: 'Send reason' }).click();
  } else await panel.getByRole('button', { name: 'Skip' }).click();
  return title;
}

async function playToEnd(page: Page, reason?: string): Promise<number> {
  let choices = 0;
  for (;;) {
    const now = await screen(page);
    if (now === 'ending') return choices;
    if (now === 'outcome') await page.locator('#continue-button').click();
    else {
      await choose(page, reason);
      choices++;
    }
  }
}

const sent = (page: Page) => page.locator('.assignment-status[data-pending="0"][data-online="true"]').waitFor();

async function openStudent(url: string, nickname: string): Promise<OpenPage> {
  const opened = await openPage(browser, { viewport: { width: 360, height: 640 }, stage: false });
  await opened.page.goto(url);
  await opened.page.getByLabel(/^Your nickname/).fill(nickname);
  if (shots && nickname === 'Ana')
    await opened.page.screenshot({ path: joinPath(shots, 'assignment-join-360x640.png') });
  await opened.page.getByRole('button', { name: 'Start the assignment' }).click();
  await screen(opened.page);
  return opened;
}

describe('an assignment: a teacher and three students', () => {
  it('records every student exactly once and reports it live', { timeout: 300_000 }, async () => {
    if (shots) mkdirSync(shots, { recursive: true });
    const teacherPage = await openPage(browser, { viewport: { width: 1366, height: 768 }, stage: false });
    const teacher = teacherPage.page;
    await teacher.goto(`${server.url}/workshop.html#/`);
    await teacher
      .getByRole('button', { name: /^Set as an assignment/ })
      .first()
      .click();
    await teacher.getByLabel('Ask for a reason at each decision').check();
    await teacher.getByLabel('Deadline (optional)').fill('2030-06-01T17:00');
    await teacher.getByRole('button', { name: 'Create the assignment' }).click();
    await teacher.waitForURL(/#\/assignment\/[2-9A-Z]{6}$/);
    const code = teacher.url().slice(-6);
    const link = (await teacher.locator('a.assignment-url').getAttribute('href'))!;
    expect(link).toBe(`${server.url}/?assignment=${code}`);
    await expect(teacher.getByRole('img', { name: `QR code for the assignment link ${link}` }).count()).resolves.toBe(
      1,
    );
    expect(await teacher.locator('.assignment-code').textContent()).toBe(code);
    // The teacher's key stays in the teacher's browser.
    const secret = await teacher.evaluate((c) => localStorage.getItem(`branchpoint:assignment-teacher:${c}`), code);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{22}$/);

    // Ana plays to an ending, giving a reason each time, and checks the first outcome in its source.
    const ana = await openStudent(link, 'Ana');
    if (shots) await ana.page.screenshot({ path: joinPath(shots, 'assignment-student-360x640.png') });
    await choose(ana.page, 'The minutes back this');
    await ana.page.getByRole('main').getByRole('button', { name: 'Show in source' }).first().click();
    await ana.page.locator('dialog#source-panel[open]').waitFor();
    const sourceTitle = (await ana.page.locator('#source-panel-title').textContent())!.trim();
    await ana.page.keyboard.press('Escape');
    const anaChoices = 1 + (await playToEnd(ana.page, 'The minutes back this'));
    await sent(ana.page);

    // Ben loses the network after his first choice, plays on offline, and comes back.
    const ben = await openStudent(link, 'Ben');
    await choose(ben.page);
    await sent(ben.page);
    await ben.context.setOffline(true);
    await choose(ben.page, 'Chosen while offline');
    await choose(ben.page);
    await ben.page.locator('.assignment-status:not([data-pending="0"])').waitFor();
    await ben.context.setOffline(false);
    const benChoices = 3 + (await playToEnd(ben.page));
    await sent(ben.page);

    // Cy makes one choice, reloads, and goes on from the same place for one more.
    const cy = await openStudent(link, 'Cy');
    await choose(cy.page, 'First thought');
    while ((await screen(cy.page)) === 'outcome') await cy.page.locator('#continue-button').click();
    const before = await cy.page.getByRole('main').getByRole('heading', { level: 2 }).first().textContent();
    await sent(cy.page);
    await cy.page.reload();
    expect(await screen(cy.page)).toBe('decision');
    expect(await cy.page.getByRole('main').getByRole('heading', { level: 2 }).first().textContent()).toBe(before);
    await choose(cy.page);
    await sent(cy.page);

    // The report, live: counts, splits, sources, reasons and every path.
    await teacher.locator('.assignment-counts', { hasText: '3 students started, 2 finished.' }).waitFor();
    const paths = async (nickname: string) =>
      teacher
        .locator('.assignment-student', { has: teacher.getByRole('heading', { name: new RegExp(`^${nickname} —`) }) })
        .locator('.assignment-path li')
        .count();
    await expect.poll(() => paths('Ana')).toBe(anaChoices);
    await expect.poll(() => paths('Ben')).toBe(benChoices);
    await expect.poll(() => paths('Cy')).toBe(2);
    const firstSplit = teacher.locator('.assignment-split').first().locator('td.count');
    const counts = (await firstSplit.allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(counts[0]).toBe(3); // all three took the first option
    await expect(teacher.locator('.assignment-sources').textContent()).resolves.toContain(
      `Most opened: ${sourceTitle} (1 student)`,
    );
    const reasons = await teacher.locator('.assignment-reasons').allTextContents();
    expect(reasons.join('\n')).toContain('Ana');
    expect(reasons.join('\n')).toContain('The minutes back this');
    expect(reasons.join('\n')).toContain('Chosen while offline');
    expect(reasons.join('\n')).toContain('First thought');
    if (shots) await teacher.screenshot({ path: joinPath(shots, 'assignment-report-1366x768.png') });

    // Each path is drawn on the branch map too: one bold line per step (Ana reached an ending, so
    // her last step leads into it), the points passed filled, the ending outlined.
    const map = (nickname: string) =>
      teacher
        .locator('.assignment-student', { has: teacher.getByRole('heading', { name: new RegExp(`^${nickname} —`) }) })
        .locator('.assignment-map svg.branch-map');
    await expect(map('Ana').locator('.edge.taken').count()).resolves.toBe(anaChoices);
    await expect(map('Ana').locator('.node.decision.explored').count()).resolves.toBe(anaChoices);
    await expect(map('Ana').locator('.node.ending.current').count()).resolves.toBe(1);
    await expect(map('Cy').locator('.node.ending.current').count()).resolves.toBe(0);
    await expect(map('Cy').locator('.node.decision.explored').count()).resolves.toBe(2);
    expect(await map('Cy').getAttribute('aria-hidden')).toBe('true');
    if (shots) {
      await teacher.locator('#report-students').scrollIntoViewIfNeeded();
      await teacher.evaluate(() => document.getElementById('report-students')!.scrollIntoView({ block: 'start' }));
      await teacher.screenshot({ path: joinPath(shots, 'assignment-report-paths-1366x768.png') });
    }

    // Each reason once, though Ben's were resent after the network came back.
    const json = await download(teacher, 'JSON');
    const report = JSON.parse(json.text) as AssignmentReport;
    expect(json.name).toMatch(new RegExp(`^assignment-${code}-.*\\.json$`));
    expect(report.students.map((s) => s.nickname)).toEqual(['Ana', 'Ben', 'Cy']);
    const all = report.decisions.flatMap((d) => d.reasons.map((r) => r.text));
    expect(all.filter((t) => t === 'Chosen while offline')).toHaveLength(1);
    expect(all.filter((t) => t === 'The minutes back this')).toHaveLength(anaChoices);
    const md = await download(teacher, 'Markdown');
    expect(md.text).toContain('3 students started, 2 finished');
    expect(md.text).toContain('Chosen while offline');
    const csv = await download(teacher, 'CSV');
    expect(csv.text.split('\r\n')[0]).toBe(
      'student,step,decision_id,decision,option_id,option,evidence,reason,ending,sources_opened',
    );
    expect(csv.text.split('\r\n').filter((l) => l.startsWith('Cy,'))).toHaveLength(2);

    // Students hold no key to the report.
    await cy.page.goto(`${server.url}/workshop.html#/assignment/${code}`);
    await cy.page.getByRole('alert').filter({ hasText: 'does not hold the teacher key' }).waitFor();

    // Deleting erases the students' records from the database file.
    const file = () => readFileSync(database()).toString('latin1') + readIfAny(`${database()}-wal`);
    expect(file()).toContain('Chosen while offline');
    await teacher.getByRole('button', { name: 'Delete…' }).click();
    await teacher.getByRole('button', { name: 'Yes, delete the assignment and all its records' }).click();
    await teacher.getByRole('status').filter({ hasText: 'have been deleted' }).waitFor();
    const after = file();
    for (const text of ['Chosen while offline', 'The minutes back this', 'First thought', 'Ana', code])
      expect(after).not.toContain(text);

    for (const opened of [teacherPage, ana, ben, cy])
      expect(opened.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|net::/.test(e))).toEqual([]);
  });
});

function readIfAny(path: string): string {
  try {
    return readFileSync(path).toString('latin1');
  } catch {
    return '';
  }
}
