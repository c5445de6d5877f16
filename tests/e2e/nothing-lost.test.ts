/**
 * Nothing a student did is lost by moving about, and nothing needs a scroll of the whole page:
 * Back, Forward and the briefing never restart a game; "Start again" asks first; at 1366x768 the
 * top bar stays and every option of a decision shows without scrolling; the ending's way on is a
 * few key presses from its heading. The game is driven by the first option offered, so these hold
 * whatever the flagship's decisions are.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeProblems, openPage, saveKey, tabUntil, useBrowser, waitForHeading } from './browser.ts';
import { scenario } from './flagship.ts';
import { playToEnding, tour } from './screens.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const LAPTOP = { width: 1366, height: 768 };

const main = (page: Page) => page.getByRole('main');

/** The screen on show: its kind (the article's class) and its heading. */
const screen = (page: Page) =>
  page.evaluate(() => ({
    kind: document.querySelector('main article')?.className ?? '',
    heading: document.querySelector('main h2')?.textContent?.trim() ?? '',
    eyebrow: document.querySelector('main .eyebrow')?.textContent?.trim() ?? '',
  }));

const savedOptions = (page: Page) =>
  page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { options?: string[] } | null)?.options,
    saveKey,
  );

/** Waits until the screen's article is of `kind` (decision-screen, outcome-screen, debrief-screen, briefing-screen). */
const waitForScreen = (page: Page, kind: string) => main(page).locator(`article.${kind}`).waitFor();

/** From the title screen, through the briefing's Begin, to the first decision. */
async function begin(page: Page): Promise<void> {
  await page.goto(`${baseUrl}#/`);
  await waitForHeading(page, 'Choose a scenario');
  await main(page)
    .getByRole('button', { name: `Start ${scenario.title}` })
    .click();
  await waitForHeading(page, scenario.title);
  await main(page).getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'decision-screen');
}

/** Takes the first option at `count` decisions in a row, reading each outcome, and stops at the next decision. */
async function chooseFirst(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await waitForScreen(page, 'decision-screen');
    await main(page).locator('.option-button').first().click();
    await page.locator('#continue-button').click();
    const next = await main(page).locator('article.decision-screen, article.debrief-screen').first();
    await next.waitFor();
    if ((await screen(page)).kind.includes('debrief-screen'))
      throw new Error(`the first options lead to an ending after ${i + 1} decisions; this test needs ${count + 1}`);
  }
}

describe('no navigation restarts a game', () => {
  it('keeps the game through Back, Forward, the top bar’s Briefing and Continue', { timeout: 90_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false });
    await begin(page);
    await chooseFirst(page, 2);
    const third = await screen(page);
    expect(third.eyebrow).toMatch(/^Decision 3\b/);
    const chosen = await savedOptions(page);
    expect(chosen).toHaveLength(2);

    // Back: the briefing, which offers to continue rather than to begin afresh.
    await page.goBack();
    await waitForHeading(page, scenario.title);
    expect(await main(page).getByRole('button', { name: 'Begin' }).count()).toBe(0);
    expect(await main(page).getByRole('button', { name: 'Continue' }).count()).toBe(1);
    expect(await savedOptions(page)).toEqual(chosen);

    // Forward: the same decision, the same game.
    await page.goForward();
    await waitForHeading(page, third.heading);
    expect(await screen(page)).toEqual(third);

    // The top bar's Briefing link, then Continue.
    await page.getByRole('navigation', { name: 'Scenario' }).getByRole('link', { name: 'Briefing' }).click();
    await waitForHeading(page, scenario.title);
    await main(page).getByRole('button', { name: 'Continue' }).click();
    await waitForHeading(page, third.heading);
    expect(await screen(page)).toEqual(third);
    expect(await savedOptions(page)).toEqual(chosen);

    // And after a reload of the briefing's address, the saved game is still offered.
    await page.goBack();
    await page.reload();
    await waitForHeading(page, scenario.title);
    await main(page).getByRole('button', { name: 'Continue' }).click();
    await waitForHeading(page, third.heading);
    expect(await savedOptions(page)).toEqual(chosen);
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'asks before “Start again” replaces a game, and keeps it when the student says no',
    { timeout: 60_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { stage: false });
      await begin(page);
      await chooseFirst(page, 1);
      const second = await screen(page);
      await page.getByRole('navigation', { name: 'Scenario' }).getByRole('link', { name: 'Briefing' }).click();
      await waitForHeading(page, scenario.title);

      const confirmation = page.getByRole('dialog', { name: 'Start again?' });
      const startAgain = main(page).getByRole('button', { name: 'Start again', exact: true });
      await startAgain.click();
      await confirmation.waitFor();
      expect(await axeProblems(page)).toEqual([]);
      // Focus is in the question, on the answer that keeps the game.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep my game');
      await page.keyboard.press('Escape');
      await confirmation.waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Start again');
      await startAgain.click();
      await confirmation.getByRole('button', { name: 'Keep my game' }).click();
      await confirmation.waitFor({ state: 'hidden' });
      expect(await savedOptions(page)).toHaveLength(1);
      await main(page).getByRole('button', { name: 'Continue' }).click();
      await waitForHeading(page, second.heading);

      // Saying yes starts the game afresh.
      await page.getByRole('navigation', { name: 'Scenario' }).getByRole('link', { name: 'Briefing' }).click();
      await waitForHeading(page, scenario.title);
      await startAgain.click();
      await confirmation.getByRole('button', { name: 'Yes, start again' }).click();
      await waitForScreen(page, 'decision-screen');
      expect((await screen(page)).eyebrow).toMatch(/^Decision 1\b/);
      expect(await savedOptions(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('the page at 1366x768', () => {
  it('never scrolls as a whole, on any screen', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { viewport: LAPTOP });
    const scrolled: Record<string, string> = {};
    for (const stop of tour) {
      await stop.reach(page, baseUrl);
      const { height, viewport, topbar } = await page.evaluate(() => ({
        height: document.scrollingElement!.scrollHeight,
        viewport: innerHeight,
        topbar: document.getElementById('topbar')!.getBoundingClientRect().top,
      }));
      if (height > viewport || topbar !== 0)
        scrolled[stop.name] = `page ${height}px for ${viewport}px, top bar at ${topbar}`;
    }
    expect(scrolled).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'shows every option’s label and evidence label without scrolling, at every decision of a path',
    { timeout: 180_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { viewport: LAPTOP });
      await begin(page);
      // The options must fit beside the stage, as players get it: wait until it has taken its place.
      await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 45_000 });
      const hidden: string[] = [];
      let decisions = 0;
      for (let step = 0; step < 50; step++) {
        const here = await screen(page);
        if (here.kind.includes('debrief-screen')) break;
        decisions++;
        // Whatever the stage's arrival does to the layout, the options must stay in view.
        await page.waitForTimeout(300);
        const outOfView = await page.evaluate(() => {
          const content = document.getElementById('content')!.getBoundingClientRect();
          const bottom = Math.min(innerHeight, content.bottom);
          return [...document.querySelectorAll('main .option')]
            .flatMap((option, i) =>
              [option.querySelector('.option-label'), option.querySelector('.option-basis .evidence')].map((el, j) => {
                const box = el?.getBoundingClientRect();
                return !box || box.height === 0 || box.top < content.top || box.bottom > bottom
                  ? `option ${i + 1} ${j === 0 ? 'label' : 'evidence label'} (${box ? `${Math.round(box.top)}-${Math.round(box.bottom)}` : 'missing'}, visible ${Math.round(content.top)}-${Math.round(bottom)})`
                  : '';
              }),
            )
            .filter(Boolean);
        });
        for (const problem of outOfView) hidden.push(`${here.heading}: ${problem}`);
        await main(page).locator('.option-button').first().click();
        await page.locator('#continue-button').click();
        await main(page).locator('article.decision-screen, article.debrief-screen').first().waitFor();
      }
      expect(decisions).toBeGreaterThan(1);
      expect(hidden).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('a decision on a 360x640 phone', () => {
  it(
    'shows the first option with the situation, once the screen’s top is scrolled up past the stage',
    { timeout: 120_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { viewport: { width: 360, height: 640 } });
      await begin(page);
      const hidden: string[] = [];
      for (let step = 0; step < 50; step++) {
        const here = await screen(page);
        if (here.kind.includes('debrief-screen')) break;
        await page.waitForTimeout(300);
        const problem = await page.evaluate(() => {
          document.querySelector('main article')!.scrollIntoView();
          const option = document.querySelector('main .option')!;
          const label = option.querySelector('.option-label')!.getBoundingClientRect();
          const evidence = option.querySelector('.option-basis .evidence')!.getBoundingClientRect();
          return label.top >= 0 && evidence.bottom <= innerHeight
            ? ''
            : `first option at ${Math.round(label.top)}-${Math.round(evidence.bottom)}`;
        });
        if (problem) hidden.push(`${here.heading}: ${problem}`);
        await main(page).locator('.option-button').first().click();
        await page.locator('#continue-button').click();
        await main(page).locator('article.decision-screen, article.debrief-screen').first().waitFor();
      }
      expect(hidden).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('the ending', () => {
  it('puts Play again and the branch map a few Tab presses from its heading', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { stage: false, viewport: LAPTOP });
    await begin(page);
    await playToEnding(page, 'first');
    await waitForScreen(page, 'debrief-screen');
    const isButton = '(el, text) => el?.tagName === "BUTTON" && el.textContent.trim() === text';
    for (const text of ['Play again', 'Branch map']) {
      await main(page).locator('h2').focus();
      // The ending's text comes first and may hold a glossary term or two (each a button): still a few presses.
      await tabUntil(page, isButton, text, 6);
      const box = await page.evaluate(() => document.activeElement!.getBoundingClientRect().bottom);
      expect(box).toBeLessThanOrEqual(LAPTOP.height);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
