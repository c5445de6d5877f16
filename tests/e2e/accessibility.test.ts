/**
 * Every screen: axe-core finds no serious or critical WCAG 2 A/AA violation, and on a 360x640
 * phone, with the Phaser stage running as players get it, nothing scrolls sideways. (The stage is
 * a canvas hidden from assistive technology; on the wide screen it is left out to keep the run
 * short, since software WebGL slows every step there.)
 */
import { describe, expect, inject, it } from 'vitest';
import { axeProblems, horizontalOverflow, useBrowser, openPage, overflowingElements } from './browser.ts';
import { playUrl, tour } from './screens.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('accessibility and layout of every screen', () => {
  it('has no serious or critical axe violations on any screen (1280x800)', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, {
      viewport: { width: 1280, height: 800 },
      stage: false,
    });
    const found: Record<string, string[]> = {};
    for (const stop of tour) {
      await stop.reach(page, baseUrl);
      const problems = await axeProblems(page);
      if (problems.length > 0) found[stop.name] = problems;
    }
    expect(found).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does not scroll sideways on a 360x640 phone, and passes axe there too', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { viewport: { width: 360, height: 640 } });
    const overflow: Record<string, string> = {};
    const found: Record<string, string[]> = {};
    for (const stop of tour) {
      await stop.reach(page, baseUrl);
      const extra = await horizontalOverflow(page);
      if (extra > 0) overflow[stop.name] = `${extra}px too wide: ${(await overflowingElements(page)).join('; ')}`;
      const problems = await axeProblems(page);
      if (problems.length > 0) found[stop.name] = problems;
    }
    expect(overflow).toEqual({});
    expect(found).toEqual({});
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the stage canvas out of the accessibility tree and out of the tab order', { timeout: 60_000 }, async () => {
    const { page, context } = await openPage(browser.current);
    await page.goto(playUrl(baseUrl));
    await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 45_000 });
    const canvas = page.locator('#stage canvas');
    expect(await canvas.count()).toBe(1);
    expect(await canvas.getAttribute('aria-hidden')).toBe('true');
    expect(await canvas.getAttribute('tabindex')).toBe('-1');
    // The map itself takes focus to be moved by keyboard: a labelled group that says how, whose
    // content is told in the notes beside it.
    const stage = page.locator('#stage');
    expect(await stage.getAttribute('tabindex')).toBe('0');
    expect(await stage.getAttribute('role')).toBe('group');
    expect(await stage.getAttribute('aria-describedby')).toBe('stage-help');
    await context.close();
  });
});
