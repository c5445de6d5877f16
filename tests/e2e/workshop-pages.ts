/** What the workshop's end-to-end test and its screenshot script do on its pages, by role and name as a person would. */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { viewAfter } from './flagship.ts';

/** The decision reached after these choices, as the engine sees it. */
export function decision(options: string[]) {
  const view = viewAfter(options);
  if (view.kind !== 'decision') throw new Error(`${options.join('.')} is an ending`);
  return view;
}

export const label = (options: string[], option: string) =>
  decision(options).options.find((o) => o.id === option)!.label;

/** Waits until the room's status line reads `text`. */
export const status = (page: Page, text: string) => page.locator('.room-status', { hasText: text }).waitFor();

export const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });

/** A participant picks an option (by its label), gives a reason if any, sends, and waits for the vote to be taken. */
export async function vote(page: Page, optionLabel: string, reason?: string): Promise<void> {
  await page.getByRole('radio', { name: optionLabel, exact: true }).check();
  if (reason !== undefined) await page.getByLabel('Why? (optional, one line)').fill(reason);
  await page.locator('#send-vote').click();
  await page.locator('#my-vote', { hasText: optionLabel }).waitFor();
}

/** The facilitator downloads the record in one format: the file's name and text. */
export async function download(
  page: Page,
  format: 'Markdown' | 'CSV' | 'JSON',
): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button(page, `Download ${format}`).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** The facilitator starts a session of a scenario from the workshop's start page; returns the room code. */
export async function startSession(page: Page, workshopUrl: string, title: string): Promise<string> {
  await page.goto(`${workshopUrl}#/`);
  await button(page, `Start a session of ${title}`).click();
  await page.waitForURL(/#\/host\/[2-9A-Z]{6}$/);
  return (await page.locator('[data-room-code]').textContent())!.trim();
}

/** A participant joins by the room's link with a nickname. */
export async function join(page: Page, joinUrl: string, nickname: string, firstTitle: string): Promise<void> {
  await page.goto(joinUrl);
  await page.getByLabel('Your nickname').fill(nickname);
  await button(page, 'Join').click();
  await page.getByRole('main').getByRole('heading', { level: 2, name: firstTitle, exact: true }).waitFor();
}
