/**
 * The offline presenter mode: no session server, no phones. The facilitator plays the flagship on
 * the projector, types in the hands counted for each option, overrides one majority with a reason,
 * reloads the page half-way (the session is kept in the browser), and downloads the same record.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { SessionRecord } from '../../src/workshop/record.ts';
import { axeProblems, useBrowser, openPage, waitForHeading } from './browser.ts';
import { scenario, viewAfter } from './flagship.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

function decision(options: string[]) {
  const view = viewAfter(options);
  if (view.kind !== 'decision') throw new Error(`${options.join('.')} is an ending`);
  return view;
}

/** After an advance the projector shows what the choice caused; the facilitator moves on from there. */
async function moveOn(page: Page, label: RegExp = /^Next decision: /): Promise<void> {
  await page.locator('.room-outcome').waitFor();
  await page.getByRole('button', { name: label }).click();
}

/** Types the hands counted for each option (by option id) and shows the result. */
async function countHands(page: Page, before: string[], hands: Record<string, number>): Promise<void> {
  const view = decision(before);
  await waitForHeading(page, view.title);
  for (const option of view.options)
    await page.getByLabel(`${option.number}. ${option.label}`, { exact: true }).fill(String(hands[option.id] ?? 0));
  await page.getByRole('button', { name: 'Show the result', exact: true }).click();
  await page.locator('.vote-chart tbody tr').first().waitFor();
}

describe('the offline presenter mode', () => {
  it('plays to an ending with hand counts and makes the record', { timeout: 90_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, {
      viewport: { width: 1920, height: 1080 },
      stage: false,
    });
    await page.goto(`${baseUrl}workshop.html#/`);
    await page.getByRole('button', { name: `Offline, with hand counts of ${scenario.title}`, exact: true }).click();
    await waitForHeading(page, decision([]).title);

    await countHands(page, [], { 'keep-restriction': 4, 'allow-limited': 11, 'allow-wider': 7 });
    expect(await page.locator('.vote-chart tr.majority').getAttribute('data-option')).toBe('allow-limited');
    expect(await axeProblems(page)).toEqual([]);
    await page
      .getByRole('button', { name: `Go on with the majority: ${decision([]).options[1]!.label}`, exact: true })
      .click();
    await moveOn(page);

    // The room votes to hold back; the facilitator takes the Kursk strikes instead, with a reason.
    await countHands(page, ['allow-limited'], {
      'occupied-territory': 3,
      'hold-and-prepare': 12,
      'kursk-defensive': 5,
    });
    await page.getByLabel('Option', { exact: true }).selectOption('kursk-defensive');
    await page.getByLabel('Reason, for the record').fill('The class wants to see the escalation branch');
    await page.getByRole('button', { name: 'Take this option', exact: true }).click();
    await page.locator('.override-notice', { hasText: 'The class wants to see the escalation branch' }).waitFor();
    await moveOn(page);

    // A reload (or a laptop that slept) keeps the session.
    await waitForHeading(page, decision(['allow-limited', 'kursk-defensive']).title);
    await page.reload();
    await waitForHeading(page, decision(['allow-limited', 'kursk-defensive']).title);
    expect(await page.locator('.override-note').textContent()).toContain(
      'The class wants to see the escalation branch',
    );

    await countHands(page, ['allow-limited', 'kursk-defensive'], { 'warn-and-contain': 9, 'nato-involvement': 2 });
    await page.getByRole('button', { name: /^Go on with the majority/ }).click();
    await moveOn(page);
    // A tie has no majority: the facilitator must choose, and say why.
    const chosen = ['allow-limited', 'kursk-defensive', 'warn-and-contain'];
    await countHands(page, chosen, { 'halt-aid': 6, 'accelerate-arms': 6 });
    expect(await page.getByRole('button', { name: /^Go on with the majority/ }).count()).toBe(0);
    await page.getByLabel('Option', { exact: true }).selectOption('accelerate-arms');
    await page.getByLabel('Reason, for the record').fill('Tie broken by the facilitator');
    await page.getByRole('button', { name: 'Take this option', exact: true }).click();
    await moveOn(page, /^Show the ending: /);
    const ending = viewAfter([...chosen, 'accelerate-arms']);
    await waitForHeading(page, ending.title);
    expect(await axeProblems(page)).toEqual([]);

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON', exact: true }).click(),
    ]);
    const record = JSON.parse(readFileSync((await file.path())!, 'utf8')) as SessionRecord;
    expect(record.path.map((s) => s.optionId)).toEqual([...chosen, 'accelerate-arms']);
    expect(record.path.map((s) => s.decidedBy)).toEqual(['majority', 'facilitator', 'majority', 'facilitator']);
    expect(record.path[1]!.override).toEqual({
      majority: 'hold-and-prepare',
      reason: 'The class wants to see the escalation branch',
    });
    expect(record.path[3]!.override).toEqual({ majority: null, reason: 'Tie broken by the facilitator' });
    expect(record.rounds[0]!.options.map((o) => [o.id, o.handVotes, o.phoneVotes])).toEqual([
      ['keep-restriction', 4, 0],
      ['allow-limited', 11, 0],
      ['allow-wider', 7, 0],
    ]);
    expect(record.reached).toMatchObject({ kind: 'ending', title: ending.title });
    expect(errors).toEqual([]);
    await context.close();
  });
});
