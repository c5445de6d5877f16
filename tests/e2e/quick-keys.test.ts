/**
 * After a choice the page draws the new screen in a task after the stage's transition has started
 * (src/ui/app.ts). Keys a student presses in that moment must act on the new screen, never on the
 * old one still in view: a second number key chooses nothing more, and Tab moves on from the new
 * screen's heading.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, playHash, saveKey, useBrowser, waitForHeading } from './browser.ts';
import { viewAfter } from './flagship.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const first = viewAfter([]);
if (first.kind !== 'decision' || first.options.length < 2) throw new Error('the flagship opens on a choice of two');
const [one, two] = first.options as [(typeof first.options)[0], (typeof first.options)[0]];

const savedOptions = (page: Page) =>
  page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { options?: string[] })?.options, saveKey);

describe('keys pressed while a choice’s screen is being drawn', () => {
  // With the stage drawing, frames take long enough on a test machine that the keys below all
  // arrive before the new screen's task (without the stage they often arrive after it).
  it('take one choice for two number keys, and Tab from the new heading', async () => {
    const { page, context, errors } = await openPage(browser.current);
    await page.goto(`${baseUrl}${playHash}`);
    await waitForHeading(page, first.title);
    await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 30_000 });

    // Pressed back to back: the second key arrives before the outcome's screen would be drawn.
    await page.keyboard.press(String(one.number));
    await page.keyboard.press(String(two.number));
    await page.keyboard.press('Tab');
    await waitForHeading(page, one.label);
    expect(await savedOptions(page)).toEqual([one.id]);

    // Tab went from the outcome's heading to what follows it, not through the old decision.
    const focus = await page.evaluate(() => {
      const active = document.activeElement;
      return {
        inOutcome: Boolean(active?.closest('.outcome-screen')),
        onHeading: active?.tagName === 'H2',
        connected: Boolean(active?.isConnected),
      };
    });
    expect(focus).toEqual({ inOutcome: true, onHeading: false, connected: true });
    expect(await page.locator('#content').getAttribute('aria-busy')).toBeNull();
    expect(await page.locator('#announcer').textContent()).toBe(one.label);
    expect(errors).toEqual([]);
    await context.close();
  });
});
