/** The browser and what every end-to-end test does with it: open pages, press keys, look, check. */
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { FLAGSHIP } from './flagship.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium (never `npx playwright install`: it downloads browsers). CHROMIUM_PATH overrides. */
/** One Chromium for a test file: launched before its tests, closed after them. */
export function useBrowser(): { readonly current: Browser } {
  const holder = {} as { current: Browser };
  beforeAll(async () => {
    holder.current = await launchBrowser();
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: install it with \`apt-get install -y chromium\` (as .ci/run does), or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw or logged; a test ends by checking there were none. */
  errors: string[];
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /**
   * false: the Phaser stage's chunk is refused, as on a machine without WebGL. The page promises to
   * play fully in text without it, and software WebGL on a 2-core test machine takes most of the
   * main thread, so tests about the text layer alone run much faster this way.
   */
  stage?: boolean;
}

// Only the stage chunk itself ("stage-<8-character hash>.js"), not the engine chunks named after the stage.
const STAGE_CHUNK = /\/assets\/stage-[A-Za-z0-9_-]{8}\.js$/;

/** A page in a context of its own, so its localStorage starts empty. */
export async function openPage(
  browser: Browser,
  { viewport = { width: 1280, height: 800 }, stage = true }: PageOptions = {},
): Promise<OpenPage> {
  const context = await browser.newContext({ viewport, reducedMotion: 'no-preference' });
  if (!stage) await context.route(STAGE_CHUNK, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // Software WebGL complains about performance on these machines; that is not the page's fault.
    if (/WebGL|GPU|GL_|swiftshader/i.test(text)) return;
    if (!stage && /ERR_BLOCKED_BY_CLIENT|The stage could not start/.test(text)) return;
    errors.push(`console: ${text}`);
  });
  return { context, page, errors };
}

export const at = (baseUrl: string, hash: string) => `${baseUrl}${hash}`;
export const playHash = `#/s/${FLAGSHIP}/play`;
export const saveKey = `branchpoint:save:${FLAGSHIP}`;

/** Waits until the screen's heading (h2 in main) reads `title`. */
export async function waitForHeading(page: Page, title: string): Promise<void> {
  await page.getByRole('main').getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
}

/**
 * Presses Tab until the focused element is the one `isTarget` (run in the page as
 * `(element, arg) => boolean`) picks, as a keyboard user would. To spare a round trip per key,
 * it first counts in the page how many presses the tab order needs, presses that many, and then
 * checks; when the count was wrong it goes on one press at a time. Fails after `limit` presses.
 */
export async function tabUntil(page: Page, isTarget: string, arg: unknown = null, limit = 80): Promise<void> {
  const test = `Boolean((${isTarget})(document.activeElement, ${JSON.stringify(arg)}))`;
  const count = `(${tabsTo.toString()})(${isTarget}, ${JSON.stringify(arg)})`;
  const needed = await page.evaluate<number>(count);
  let pressed = 0;
  if (needed > 0 && needed <= limit) {
    for (; pressed < needed; pressed++) await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(test)) return;
  }
  for (; pressed < limit; pressed++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(test)) return;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(
    `${limit} presses of Tab never reached the element (${isTarget}, ${JSON.stringify(arg)}); focus is on ${focused}`,
  );
}

/** Runs in the page: how many presses of Tab from the focused element reach the target (0: not found). */
function tabsTo(isTarget: (element: Element | null, arg: unknown) => boolean, arg: unknown): number {
  const modal = document.querySelector('dialog[open]');
  const scope = modal ?? document;
  const focusable = [
    ...scope.querySelectorAll<HTMLElement>('a[href], button, summary, select, input, textarea, [tabindex]'),
  ].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden' &&
      !el.closest('[inert]'),
  );
  const active = document.activeElement;
  let start = 0;
  if (active && active !== document.body) {
    const at = focusable.indexOf(active as HTMLElement);
    if (at >= 0) start = at + 1;
    else {
      start = focusable.findIndex((el) =>
        Boolean(active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
      );
      if (start < 0) return 0;
    }
  }
  const target = focusable.findIndex((el, i) => i >= start && isTarget(el, arg));
  return target < 0 ? 0 : target - start + 1;
}

/** Tab to the button whose visible text is exactly `text`. */
export function tabToButton(page: Page, text: string): Promise<void> {
  return tabUntil(
    page,
    '(el, text) => el?.tagName === "BUTTON" && el.textContent.replace(/\\s+/g, " ").trim() === text',
    text,
  );
}

export interface ScreenState {
  heading: string;
  citations: Array<{ quote: string; source: string }>;
}

/**
 * Waits (in the page, one round trip) until the screen's h2 reads `title`, then returns the
 * quotes of every citation on it with the source each names.
 */
export async function screenWithHeading(page: Page, title: string, timeoutMs = 5000): Promise<ScreenState> {
  return page.evaluate(
    async ([title, timeoutMs]) => {
      const deadline = performance.now() + timeoutMs;
      const heading = () => document.querySelector('main h2')?.textContent?.trim() ?? '';
      while (heading() !== title && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      const citations = [...document.querySelectorAll('main figure.citation')].map((figure) => {
        const text = figure.querySelector('blockquote')?.textContent?.trim() ?? '';
        return { quote: text, source: figure.querySelector('cite')?.textContent?.trim() ?? '' };
      });
      return { heading: heading(), citations };
    },
    [title, timeoutMs] as const,
  );
}

/** Serious and critical WCAG 2 A/AA violations axe-core finds on the page as it stands. */
export async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

/** How far the page scrolls sideways (0 when it fits its viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return Math.max(root.scrollWidth, document.body.scrollWidth) - root.clientWidth;
  });
}

/** The elements that stick out past the right edge, to say what causes sideways scrolling. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1)
        out.push(`${el.tagName.toLowerCase()}.${el.className} (right ${Math.round(box.right)} > ${width})`);
      if (out.length > 10) break;
    }
    return out;
  });
}
