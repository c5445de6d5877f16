/**
 * Moving about a game: going back and trying another branch, reloading and resuming, shared links
 * (good and broken), and a damaged save. Things are found by role and name, as a person would.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, openPage, playHash, saveKey, tabToButton, waitForHeading } from './browser.ts';
import { everyPath, FLAGSHIP, scenario, viewAfter } from './flagship.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const main = (page: Page) => page.getByRole('main');
const alert = (page: Page) => main(page).getByRole('alert');

function decisionAfter(options: string[]) {
  const view = viewAfter(options);
  if (view.kind !== 'decision') throw new Error(`${options.join('.')} leads to an ending`);
  return view;
}

/** Chooses `option` at the decision on screen by its number key, then moves on with the continue button. */
async function choose(page: Page, before: string[], option: string): Promise<void> {
  const view = decisionAfter(before);
  await waitForHeading(page, view.title);
  const offered = view.options.find((o) => o.id === option)!;
  await page.keyboard.press(String(offered.number));
  await waitForHeading(page, offered.label);
  await page.locator('#continue-button').press('Enter');
}

const savedOptions = (page: Page) =>
  page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { options?: string[] } | null)?.options,
    saveKey,
  );

/** A path whose decisions offer at least two options at each of the first three steps. */
const path = everyPath().find(
  (p) => p.length >= 3 && [0, 1, 2].every((i) => decisionAfter(p.slice(0, i)).options.length >= 2),
)!;

describe('moving about a game', () => {
  it('goes back to an earlier decision from the ending and takes another branch', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    await page.goto(`${baseUrl}${playHash}`);
    for (const [i, option] of path.entries()) await choose(page, path.slice(0, i), option);
    const ending = viewAfter(path);
    await waitForHeading(page, ending.title);

    // "Go back to" the second decision: the path so far is one step long again.
    const second = decisionAfter(path.slice(0, 1));
    await tabToButton(page, `Go back to “${second.title}”`);
    await page.keyboard.press('Enter');
    await waitForHeading(page, second.title);
    expect(await main(page).getByText('Your path so far (1)').count()).toBe(1);
    expect(await savedOptions(page)).toEqual(path.slice(0, 1));

    // Another branch there.
    const other = second.options.find((o) => o.id !== path[1])!;
    await choose(page, path.slice(0, 1), other.id);
    const after = viewAfter([path[0]!, other.id]);
    await waitForHeading(page, after.title);
    expect(await savedOptions(page)).toEqual([path[0], other.id]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Try instead" on the ending’s timeline takes the untaken option at that step', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    await page.goto(`${baseUrl}${playHash}`);
    for (const [i, option] of path.entries()) await choose(page, path.slice(0, i), option);
    await waitForHeading(page, viewAfter(path).title);
    expect(await main(page).getByText(`1 of ${scenario.endings.length} endings discovered`).count()).toBe(1);

    const third = decisionAfter(path.slice(0, 2));
    const untaken = third.options.find((o) => o.id !== path[2])!;
    await main(page)
      .locator('.timeline .path-step')
      .nth(2)
      .getByRole('button', { name: `Try instead: ${untaken.label}` })
      .click();
    await waitForHeading(page, untaken.label);
    expect(await savedOptions(page)).toEqual([...path.slice(0, 2), untaken.id]);
    await page.getByRole('button', { name: /^(Next decision|See the ending)$/ }).click();
    const next = viewAfter([...path.slice(0, 2), untaken.id]);
    await waitForHeading(page, next.title);
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'resumes at the same decision with the same path after a reload, and from the title’s Continue',
    { timeout: 60_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { stage: false });
      await page.goto(`${baseUrl}${playHash}`);
      const before = path.slice(0, 2);
      for (const [i, option] of before.entries()) await choose(page, before.slice(0, i), option);
      const here = decisionAfter(before);
      await waitForHeading(page, here.title);

      await page.reload();
      await waitForHeading(page, here.title);
      expect(await main(page).getByRole('alert').count()).toBe(0);
      const steps = main(page).locator('.path-so-far');
      await steps.getByText(`Your path so far (${before.length})`).click();
      const chosen = await steps.locator('.path-choice').allTextContents();
      expect(chosen.map((text) => text.replace(/^Chose: /, ''))).toEqual(
        before.map((_, i) => expect.stringContaining(here.path[i]!.optionLabel)),
      );
      expect(await savedOptions(page)).toEqual(before);

      await page.goto(`${baseUrl}#/`);
      await waitForHeading(page, 'Choose a scenario');
      await main(page)
        .getByRole('button', { name: `Continue ${scenario.title}` })
        .click();
      await waitForHeading(page, here.title);
      expect(await main(page).getByText(`Your path so far (${before.length})`).count()).toBe(1);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('shared links', () => {
  it('lands at the decision the link names, under the play address', { timeout: 30_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    const options = path.slice(0, 2);
    await page.goto(`${baseUrl}#/s/${FLAGSHIP}/at/${options.join('.')}`);
    await waitForHeading(page, decisionAfter(options).title);
    expect(await alert(page).textContent()).toContain('shared link');
    expect(new URL(page.url()).hash).toBe(playHash);
    expect(await main(page).getByText(`Your path so far (${options.length})`).count()).toBe(1);
    // A reload stays there.
    await page.reload();
    await waitForHeading(page, decisionAfter(options).title);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the student’s own game when a link replaces it, and brings it back', { timeout: 30_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    await page.goto(`${baseUrl}${playHash}`);
    await choose(page, [], path[0]!);
    const own = decisionAfter(path.slice(0, 1));
    await waitForHeading(page, own.title);
    const linked = everyPath()
      .find((p) => p[0] !== path[0])!
      .slice(0, 1);
    await page.goto(`${baseUrl}#/s/${FLAGSHIP}/at/${linked.join('.')}`);
    await waitForHeading(page, decisionAfter(linked).title);
    await alert(page).getByRole('button', { name: 'Return to my own game' }).click();
    await waitForHeading(page, own.title);
    expect(await savedOptions(page)).toEqual(path.slice(0, 1));
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'says so when a link names an option that is not there, and stops at the last point it reaches',
    { timeout: 30_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { stage: false });
      await page.goto(`${baseUrl}#/s/${FLAGSHIP}/at/${path[0]}.no-such-option`);
      await waitForHeading(page, decisionAfter(path.slice(0, 1)).title);
      expect(await alert(page).textContent()).toMatch(/step 2/);
      expect(await main(page).locator('.option-button').count()).toBeGreaterThan(1);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'goes to the title screen with a notice for a link it cannot read or a scenario it does not have',
    { timeout: 30_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { stage: false });
      for (const hash of ['#/s/no-such-scenario/play', '#/s/atacms-2024/at/Not..Valid!', '#/nonsense/x/y/z']) {
        await page.goto(`${baseUrl}#/`);
        await waitForHeading(page, 'Choose a scenario');
        await page.goto(`${baseUrl}${hash}`);
        await alert(page).waitFor();
        await waitForHeading(page, 'Choose a scenario');
        expect((await alert(page).textContent())?.length).toBeGreaterThan(10);
      }
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('a damaged save', () => {
  it('gives a notice and a fresh start, and keeps the damaged save aside', { timeout: 30_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    await page.goto(`${baseUrl}#/`);
    await waitForHeading(page, 'Choose a scenario');
    await page.evaluate((key) => localStorage.setItem(key, '{garbage'), saveKey);
    // A fresh load of the play address, as a student coming back would.
    await page.goto('about:blank');
    await page.goto(`${baseUrl}${playHash}`);
    const first = decisionAfter([]);
    await waitForHeading(page, first.title);
    expect(await alert(page).textContent()).toMatch(/saved game could not be used/);
    expect(
      await main(page)
        .getByText(/Your path so far/)
        .count(),
    ).toBe(0);
    const kept = await page.evaluate((key) => {
      const keys = Object.keys(localStorage).filter((k) => k.startsWith(`${key}:unusable:`));
      return keys.map((k) => localStorage.getItem(k));
    }, saveKey);
    expect(kept).toEqual(['{garbage']);
    // And the game goes on: a choice is saved afresh.
    await choose(page, [], first.options[0]!.id);
    expect(await savedOptions(page)).toEqual([first.options[0]!.id]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
