/**
 * A tour of every screen of the page, reached the way a person would (by role and name), for the
 * accessibility and layout tests and the screenshot script. Each step leaves the page on its screen.
 */
import type { Page } from 'playwright-core';
import { FLAGSHIP, scenario } from './flagship.ts';

export interface TourStop {
  name: string;
  /** Brings the page from the previous stop to this screen and waits until it shows. */
  reach: (page: Page, baseUrl: string) => Promise<void>;
}

const main = (page: Page) => page.getByRole('main');
const h2 = (page: Page, name: string) => main(page).getByRole('heading', { level: 2, name, exact: true });

/** Chooses the first (or last) option at each decision, and moves on, until the ending shows. */
export async function playToEnding(page: Page, pick: 'first' | 'last' = 'first'): Promise<void> {
  for (let step = 0; step < 100; step++) {
    const screen = (await page.locator('main article').getAttribute('class')) ?? '';
    if (screen.includes('debrief-screen')) return;
    if (screen.includes('outcome-screen')) await page.locator('#continue-button').click();
    else await main(page).locator('.option-button')[pick]().click();
    // Every step changes the kind of screen: decision -> outcome -> decision or ending.
    await page.waitForFunction((before) => document.querySelector('main article')?.className !== before, screen);
  }
  throw new Error('no ending after 100 steps');
}

export const tour: TourStop[] = [
  {
    name: 'title',
    reach: async (page, baseUrl) => {
      await page.goto(`${baseUrl}#/`);
      await h2(page, 'Choose a scenario').waitFor();
    },
  },
  {
    name: 'briefing',
    reach: async (page) => {
      await main(page)
        .getByRole('button', { name: `Start ${scenario.title}` })
        .click();
      await h2(page, scenario.title).waitFor();
    },
  },
  {
    name: 'decision',
    reach: async (page) => {
      await main(page).getByRole('button', { name: 'Begin' }).click();
      await main(page).locator('.decision-screen').waitFor();
    },
  },
  {
    name: 'outcome',
    reach: async (page) => {
      await main(page).locator('.option-button').first().click();
      await page.locator('#continue-button').waitFor();
    },
  },
  {
    name: 'source-panel',
    reach: async (page) => {
      await main(page).getByRole('button', { name: 'Show in source' }).first().click();
      await page.getByRole('dialog').locator('#cited-passage').waitFor();
    },
  },
  {
    name: 'ending',
    reach: async (page) => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await playToEnding(page, 'first');
    },
  },
  {
    name: 'branch-map',
    reach: async (page) => {
      await main(page).getByRole('button', { name: 'Branch map' }).click();
      await h2(page, 'Branch map').waitFor();
    },
  },
  {
    name: 'compare',
    reach: async (page) => {
      await main(page).getByRole('button', { name: 'Back to the game' }).click();
      await main(page).getByRole('button', { name: 'Play again' }).click();
      await main(page).locator('.decision-screen').waitFor();
      // A second, different path: the last option at each decision.
      await playToEnding(page, 'last');
      await main(page).getByRole('button', { name: 'Compare paths' }).click();
      await h2(page, 'Compare two paths').waitFor();
    },
  },
];

export const playUrl = (baseUrl: string) => `${baseUrl}#/s/${FLAGSHIP}/play`;
