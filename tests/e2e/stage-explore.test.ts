/**
 * Exploring the stage, in Chromium with the Phaser stage running as players get it: the map moves
 * and zooms by keyboard (with a visible focus ring), by mouse drag and wheel, and by touch (pinch,
 * one-finger drag, tap) on an emulated phone at two device pixels per CSS pixel; a place or actor
 * picked in the page's list or on the stage itself is ringed there and described in the page; and
 * axe finds nothing serious on any screen at 360x640 and 1920x1080 with the stage and its notes
 * (legend, places and actors, something picked) open.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeProblems, openPage, tabUntil, useBrowser } from './browser.ts';
import { playUrl, tour } from './screens.ts';
import { FLAGSHIP } from './flagship.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

const view = (page: Page) => page.evaluate(() => window.__branchpointStage!.view());
const selected = (page: Page) => page.evaluate(() => window.__branchpointStage!.selected());

async function stageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 60_000 });
}

/** Waits until the map's view satisfies `test` (run in the page on the probe's view). */
async function viewBecomes(page: Page, test: string): Promise<void> {
  await page.waitForFunction(`(() => { const v = window.__branchpointStage.view(); return ${test}; })()`, null, {
    timeout: 10_000,
  });
}

/**
 * The countries' names whose letters overlap a place's name or the scale's words on the map. A
 * name's letters are capitals: from its box's top to the baseline plus the outline, not the line
 * box's room for descenders (the stage places them by their letters, see region-map.ts).
 */
function namesOverPlaces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const names = [...document.querySelectorAll<SVGTextElement>('#stage svg text.country-name')];
    const layer = names[0]?.closest('svg');
    if (!layer) return [];
    const places = [...layer.querySelectorAll('text:not(.country-name)')].map((t) => t.getBoundingClientRect());
    const measure = document.createElement('canvas').getContext('2d')!;
    return names
      .filter((name) => {
        const box = name.getBoundingClientRect();
        const start = name.getStartPositionOfChar(0);
        const baseline = new DOMPoint(start.x, start.y).matrixTransform(name.getScreenCTM()!).y;
        measure.font = `${getComputedStyle(name).fontSize} ${name.getAttribute('font-family')}`;
        const letters = measure.measureText(name.textContent ?? '');
        const outline = Number(name.getAttribute('stroke-width') ?? 0) / 2;
        const top = baseline - letters.actualBoundingBoxAscent - outline;
        const bottom = baseline + letters.actualBoundingBoxDescent + outline;
        return places.some((p) => box.left < p.right && p.left < box.right && top < p.bottom && p.top < bottom);
      })
      .map((name) => name.textContent ?? '');
  });
}

describe('exploring the stage', () => {
  it('pans and zooms by keyboard with a focus ring, and by mouse', { timeout: 240_000 }, async () => {
    const { page, context, errors } = await openPage(browser.current, { viewport: { width: 1366, height: 768 } });
    await page.goto(playUrl(baseUrl));
    await stageReady(page);
    expect(await view(page)).toEqual({ scale: 1, x: 0, y: 0 });

    // The stage is reached by Tab, says what it is and how to move it, and shows a ring.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await tabUntil(page, '(el) => el?.id === "stage"');
    const stage = page.locator('#stage');
    expect(await stage.getAttribute('aria-label')).toMatch(/^Map: /);
    const helpId = await stage.getAttribute('aria-describedby');
    expect(await page.locator(`#${helpId}`).textContent()).toMatch(/arrow keys move it/);
    expect(await stage.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    expect(await page.locator('#stage canvas').getAttribute('aria-hidden')).toBe('true');

    await page.keyboard.press('+');
    await viewBecomes(page, 'v.scale > 1.2');
    const zoomed = await view(page);
    await page.keyboard.press('ArrowLeft');
    await viewBecomes(page, `v.x > ${zoomed.x + 5}`);
    await page.keyboard.press('ArrowUp');
    await viewBecomes(page, `v.y > ${zoomed.y + 5}`);
    await page.keyboard.press('-');
    await viewBecomes(page, `v.scale < ${zoomed.scale - 0.1}`);
    await page.keyboard.press('0');
    await viewBecomes(page, 'v.scale === 1 && v.x === 0 && v.y === 0');

    // Mouse: the wheel zooms about the pointer, a drag moves the map, Reset view puts it back.
    const box = (await stage.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.wheel(0, -400);
    await viewBecomes(page, 'v.scale > 1.5');
    const before = await view(page);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3 + 60, box.y + box.height * 0.3 + 30, { steps: 6 });
    await page.mouse.up();
    await viewBecomes(page, `Math.abs(v.x - ${before.x} - 60) < 2 && Math.abs(v.y - ${before.y} - 30) < 2`);
    // A drag is not a pick.
    expect(await selected(page)).toBeUndefined();
    await page.getByRole('button', { name: 'Show the whole map' }).click();
    await viewBecomes(page, 'v.scale === 1 && v.x === 0');
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await viewBecomes(page, 'v.scale > 1.2');

    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'names the countries in view on the map and says so in the page, as the view moves, without announcing it',
    { timeout: 240_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { viewport: { width: 1366, height: 768 } });
      await page.goto(playUrl(baseUrl));
      await stageReady(page);
      const countries = () => page.evaluate(() => window.__branchpointStage!.countries());
      const named = await countries();
      expect(named).toEqual(expect.arrayContaining(['Ukraine', 'Russia']));
      // Drawn as SVG text in the map's layer, in capitals, and never over a place's name.
      const drawn = await page.evaluate(() =>
        [...document.querySelectorAll('#stage svg text.country-name')].map((t) => t.textContent),
      );
      expect(drawn).toEqual(named.map((name) => name.toLocaleUpperCase('en')));
      expect(await namesOverPlaces(page)).toEqual([]);
      // In the page, outside the live region: a pan or zoom changes it without talking over the student.
      const line = page.locator('#stage-notes .stage-countries');
      await expect.poll(() => line.textContent()).toBe(`Countries on the map: ${named.join(', ')}.`);
      expect(await line.evaluate((el) => el.closest('[aria-live]'))).toBeNull();
      expect(await page.locator('.stage-said').textContent()).not.toContain('Countries');

      // Zoomed far in on one corner, fewer countries are in view, and the page follows the map.
      const box = (await page.locator('#stage').boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
      for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -400);
      await viewBecomes(page, 'v.scale > 4');
      await page.waitForFunction((before) => window.__branchpointStage!.countries().join() !== before, named.join());
      const after = await countries();
      await expect
        .poll(() => line.textContent())
        .toBe(after.length ? `Countries on the map: ${after.join(', ')}.` : '');
      expect(await line.isVisible()).toBe(after.length > 0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "names Russia and Ukraine, the scenario's countries, on a phone's small map and a projector's, clear of the places",
    { timeout: 240_000 },
    async () => {
      for (const viewport of [
        { width: 360, height: 640 },
        { width: 390, height: 844 },
        { width: 1920, height: 1080 },
      ]) {
        const size = `${viewport.width}x${viewport.height}`;
        const { page, context, errors } = await openPage(browser.current, { viewport });
        await page.goto(playUrl(baseUrl));
        await stageReady(page);
        // The places crowd Russia's part of a phone's map: its name still finds a gap between them.
        await expect
          .poll(() => page.evaluate(() => window.__branchpointStage!.countries()), { message: size })
          .toEqual(expect.arrayContaining(['Russia', 'Ukraine']));
        expect(await namesOverPlaces(page), size).toEqual([]);
        const sizes = await page.evaluate(() =>
          [...document.querySelectorAll('#stage svg text.country-name')].map((t) => getComputedStyle(t).fontSize),
        );
        expect(
          sizes.every((px) => parseFloat(px) >= 12),
          size,
        ).toBe(true);
        // The countries' line is on screen whole, not cut off by the phone's two-line clamp of the notes.
        const line = page.locator('#stage-notes .stage-countries');
        expect(await line.textContent(), size).toMatch(/^Countries on the map: .*Russia.*\.$/);
        expect(await line.isVisible(), size).toBe(true);
        expect(await line.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), size).toBe(true);
        expect(errors, size).toEqual([]);
        await context.close();
      }
    },
  );

  it(
    'shows the clamped "On the map" words whole on a phone with More, and folds them again',
    { timeout: 240_000 },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { viewport: { width: 360, height: 640 } });
      await page.goto(playUrl(baseUrl));
      await stageReady(page);
      // After a choice the picture has more to say than two lines hold.
      await page.keyboard.press('2');
      await page.waitForFunction(() => (document.querySelector('.stage-said')?.textContent ?? '').length > 160);
      const said = page.locator('#stage-notes .stage-said');
      const more = page.locator('#stage-notes .stage-said-more');
      const clipped = () => said.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
      await expect.poll(() => more.isVisible()).toBe(true);
      expect(await clipped()).toBe(true);
      expect(await more.getAttribute('aria-expanded')).toBe('false');
      expect(await more.getAttribute('aria-controls')).toBe(await said.getAttribute('id'));
      await more.click();
      expect(await clipped()).toBe(false);
      expect(await more.getAttribute('aria-expanded')).toBe('true');
      expect(await more.textContent()).toBe('Less');
      await more.click();
      expect(await clipped()).toBe(true);
      expect(await axeProblems(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('pinches to zoom, drags with one finger and picks by a tap on a phone', { timeout: 240_000 }, async () => {
    // A phone as Chromium emulates one: touch only, two device pixels per CSS pixel.
    const context = await browser.current.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(playUrl(baseUrl));
    await stageReady(page);
    const box = (await page.locator('#stage').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Array<[number, number]>) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map(([x, y], id) => ({ x: box.x + x, y: box.y + y, id })),
      });
    const cx = box.width / 2;
    const cy = box.height * 0.35;

    // Two fingers moving apart zoom the map in about them.
    await touch('touchStart', [
      [cx - 20, cy],
      [cx + 20, cy],
    ]);
    for (let step = 1; step <= 6; step++)
      await touch('touchMove', [
        [cx - 20 - step * 10, cy],
        [cx + 20 + step * 10, cy],
      ]);
    await touch('touchEnd', []);
    await viewBecomes(page, 'v.scale > 1.5');
    const pinched = await view(page);

    // One finger moves it, and is not a pick.
    await touch('touchStart', [[cx, cy]]);
    for (let step = 1; step <= 5; step++) await touch('touchMove', [[cx + step * 8, cy + step * 4]]);
    await touch('touchEnd', []);
    await viewBecomes(page, `Math.abs(v.x - ${pinched.x} - 40) < 2 && Math.abs(v.y - ${pinched.y} - 20) < 2`);
    expect(await selected(page)).toBeUndefined();

    // A tap on a place's dot picks it, where the moved map shows it now (a place still in view).
    const places = ['kursk', 'kyiv', 'zaporizhzhia', 'crimea', 'deep-russia', 'kursk-occupied'];
    const points = await page.evaluate(
      (ids) => ids.map((id) => ({ id, at: window.__branchpointStage!.pointOf({ kind: 'place', id })! })),
      places,
    );
    // The map is the top of a phone's stage; the actors' panel is under it.
    const inView = points.find(({ at }) => at.x > 16 && at.x < box.width - 16 && at.y > 16 && at.y < box.height * 0.55);
    expect(inView, JSON.stringify({ points, box })).toBeDefined();
    await page.touchscreen.tap(box.x + inView!.at!.x, box.y + inView!.at!.y);
    await page.waitForFunction((id) => window.__branchpointStage?.selected()?.id === id, inView!.id);
    expect(await page.locator('.stage-picked h3').isVisible()).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });

  it(
    'picks a place or an actor by keyboard, by click on the stage, and says what the scenario says',
    {
      timeout: 240_000,
    },
    async () => {
      const { page, context, errors } = await openPage(browser.current, { viewport: { width: 1366, height: 768 } });
      await page.goto(playUrl(baseUrl));
      await stageReady(page);
      const notes = page.locator('#stage-notes');

      // By keyboard: open the list of places and actors, Tab to a place, Enter.
      await notes.locator('.stage-things summary').focus();
      await page.keyboard.press('Enter');
      await tabUntil(page, '(el) => el?.dataset?.id === "kursk"');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__branchpointStage?.selected()?.id === 'kursk');
      const picked = notes.locator('.stage-picked');
      expect(await picked.getAttribute('aria-live')).toBe('polite');
      expect(await picked.locator('h3').textContent()).toBe('Kursk region');
      expect(await picked.textContent()).toContain('North Korean troops');
      expect(await notes.locator('[data-id="kursk"]').getAttribute('aria-pressed')).toBe('true');

      // On the stage itself: a click on a place's dot picks it; on an actor's emblem, the actor.
      const box = (await page.locator('#stage').boundingBox())!;
      const kyiv = await page.evaluate(() => window.__branchpointStage!.pointOf({ kind: 'place', id: 'kyiv' }));
      await page.mouse.click(box.x + kyiv!.x, box.y + kyiv!.y);
      await page.waitForFunction(() => window.__branchpointStage?.selected()?.id === 'kyiv');
      await expectText(page, '.stage-picked h3', 'Kyiv');
      const kremlin = await page.evaluate(() => window.__branchpointStage!.pointOf({ kind: 'actor', id: 'kremlin' }));
      await page.mouse.click(box.x + kremlin!.x, box.y + kremlin!.y);
      await page.waitForFunction(() => window.__branchpointStage?.selected()?.id === 'kremlin');
      await expectText(page, '.stage-picked h3', "The Kremlin (Russia's leadership, President Putin)");

      // After a choice the words follow the new picture; Close lets go of the pick.
      await page.keyboard.press('1');
      await page.locator('#continue-button').waitFor();
      await notes.getByRole('button', { name: /^Close what the map says/ }).click();
      await page.waitForFunction(() => window.__branchpointStage?.selected() === undefined);
      expect(await picked.isHidden()).toBe(true);

      expect(errors).toEqual([]);
      await context.close();
    },
  );

  for (const viewport of [
    { width: 360, height: 640 },
    { width: 1920, height: 1080 },
  ])
    it(
      `passes axe on every screen at ${viewport.width}x${viewport.height}, stage and notes open`,
      {
        timeout: 420_000,
      },
      async () => {
        const { page, context, errors } = await openPage(browser.current, { viewport });
        const found: Record<string, string[]> = {};
        const check = async (name: string) => {
          const problems = await axeProblems(page);
          if (problems.length > 0) found[name] = problems;
        };
        for (const stop of tour) {
          await stop.reach(page, baseUrl);
          if (stop.name === 'decision') {
            await stageReady(page);
            // Everything the notes can show: the legend, the list, a picked place.
            await page.locator('.stage-legend summary').click();
            await page.locator('.stage-things summary').click();
            await page.locator('.stage-thing[data-id="kursk"]').click();
            await page.locator('.stage-picked h3').waitFor();
          }
          await check(stop.name);
        }
        await page.goto(`${baseUrl}#/s/${FLAGSHIP}/labels`);
        await page.getByRole('main').getByRole('heading', { level: 2, name: 'How to read the labels' }).waitFor();
        await check('labels');
        expect(found).toEqual({});
        expect(errors).toEqual([]);
        await context.close();
      },
    );
});

async function expectText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector!)?.textContent === text,
    [selector, text] as const,
    { timeout: 10_000 },
  );
}
