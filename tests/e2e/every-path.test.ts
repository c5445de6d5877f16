/**
 * The flagship played by keyboard alone, in one page, the way a student exploring would: after each
 * ending, "Try instead" on the step where the next path parts from this one (or "Play again" when it
 * parts at the first decision). Number keys choose some options, Tab and Enter the others; Tab and
 * Enter move on. At every screen, each quote shown must stand verbatim in the source file it names,
 * and the page must show the quotes the engine says belong there, and beside each meter a choice
 * moved, the change with its own reason.
 *
 * Every path goes through the engine in tests/flagship-truth.test.ts; here the browser plays a
 * covering set of them (every text variant and every ending at least once), which keeps this test
 * within a few minutes on a 2-core machine however many paths the flagship has.
 */
import { describe, expect, inject, it } from 'vitest';
import type { GameView } from '../../src/engine/view.ts';
import { at, useBrowser, openPage, playHash, screenWithHeading, tabToButton, tabUntil } from './browser.ts';
import {
  analysedPathCount,
  coveringPaths,
  everyPlayedPath,
  expectedQuotes,
  normalizeQuote,
  quoteInSource,
  raw,
  scenario,
  viewAfter,
} from './flagship.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/**
 * The pieces of a text that must stand on the page word for word: the page may add an explanation
 * after a glossary term, so the text is cut at each term.
 */
const glossaryTerms = ((raw.teacher?.glossary ?? []) as Array<{ term: string }>).map((g) => g.term);
const textFragments = (text: string): string[] =>
  glossaryTerms
    .reduce((parts, term) => parts.flatMap((p) => p.split(term)), [text.replace(/\s+/g, ' ')])
    .map((p) => p.trim())
    .filter((p) => p.length >= 12);

const sharedPrefix = (a: string[], b: string[]) => {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
};

describe('the flagship by keyboard: every text variant and every ending', () => {
  const played = everyPlayedPath();
  const covering = coveringPaths(played);
  const paths = covering.map((p) => p.options);

  it('lists as many paths as the engine counts, and plays a covering set of them', () => {
    expect(played.length).toBe(analysedPathCount);
    expect(new Set(covering.flatMap((p) => p.shown.map((s) => s.key)))).toEqual(
      new Set(played.flatMap((p) => p.shown.map((s) => s.key))),
    );
    expect(new Set(covering.map((p) => p.ending)).size).toBe(scenario.endings.length);
    expect(paths.length).toBeLessThan(60);
  });

  it(
    'plays each one to its ending, every citation found verbatim in its source file, every text the one the engine chose',
    { timeout: 240_000 },
    async () => {
      // The text layer alone: the stage has tests of its own, and drawing it in software for every
      // path would take most of the time on a 2-core machine (see docs/performance.md).
      const { page, context, errors } = await openPage(browser.current, { stage: false });
      const problems: string[] = [];
      const expectScreen = async (
        title: string,
        view: GameView,
        screen: 'decision' | 'outcome' | 'ending',
        where: string,
      ) => {
        const shown = await screenWithHeading(page, title);
        if (shown.heading !== title)
          throw new Error(`${where}: expected the ${screen} screen “${title}”, the page shows “${shown.heading}”`);
        for (const { quote, source } of shown.citations) {
          if (!quoteInSource(source, quote))
            problems.push(`${where} (${screen}): “${quote}” is not in the file of “${source}”`);
        }
        const engineText =
          view.kind === 'ending' && screen === 'ending'
            ? view.text
            : screen === 'outcome'
              ? view.path.at(-1)!.outcome
              : view.kind === 'decision'
                ? view.situation
                : '';
        const pageText = (await page.evaluate(() => document.querySelector('main')?.textContent ?? '')).replace(
          /\s+/g,
          ' ',
        );
        const missing = textFragments(engineText).filter((fragment) => !pageText.includes(fragment));
        if (missing.length > 0) problems.push(`${where} (${screen}): the page does not show “${missing[0]}”`);
        if (screen === 'outcome') {
          // Beside each meter the choice moved: its change and the effect's own reason, never the outcome again.
          const reasons = await page.locator('main .meter-moved .meter-reason').allTextContents();
          const expected = view.meters
            .filter((m) => m.change !== 0)
            .map((m) => `${m.change > 0 ? '+' : '−'}${Math.abs(m.change)}: ${m.reason}`);
          if (JSON.stringify(reasons) !== JSON.stringify(expected))
            problems.push(
              `${where} (outcome): the meters show ${JSON.stringify(reasons)}, expected ${JSON.stringify(expected)}`,
            );
          if (view.meters.some((m) => m.change !== 0 && m.reason === view.path.at(-1)!.outcome))
            problems.push(`${where} (outcome): a meter's change has no reason of its own`);
        }
        const shownSet = [...new Set(shown.citations.map((c) => normalizeQuote(c.quote)))].sort();
        const expected = expectedQuotes(view, screen);
        if (JSON.stringify(shownSet) !== JSON.stringify(expected))
          problems.push(`${where} (${screen}): shows ${shownSet.length} quotes, the engine has ${expected.length}`);
      };
      const moveOn = async (label: string) => {
        await tabUntil(page, '(el) => el?.id === "continue-button"');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(label);
        await page.keyboard.press('Enter');
      };

      await page.goto(at(baseUrl, playHash));
      const endings = new Set<string>();
      let choices = 0;
      for (const [n, path] of paths.entries()) {
        const where = `path ${n + 1} (${path.join('.')})`;
        let from = 0;
        if (n > 0) {
          from = sharedPrefix(paths[n - 1]!, path);
          if (from === 0) {
            await tabToButton(page, 'Play again');
            await page.keyboard.press('Enter');
          } else {
            // "Try instead" on the timeline step where this path parts from the last one.
            const here = viewAfter(path.slice(0, from));
            const label = here.kind === 'decision' ? here.options.find((o) => o.id === path[from])!.label : '';
            await tabUntil(
              page,
              '(el, [step, text]) => el?.tagName === "BUTTON" && el.closest(".path-step") === document.querySelectorAll(".timeline .path-step")[step] && el.textContent.trim() === text',
              [from, `Try instead: ${label}`],
            );
            await page.keyboard.press('Enter');
            const after = viewAfter(path.slice(0, from + 1));
            await expectScreen(label, after, 'outcome', `${where}, step ${from + 1}`);
            await moveOn(after.kind === 'ending' ? 'See the ending' : 'Next decision');
            choices++;
            from++;
          }
        }
        for (let step = from; step < path.length; step++) {
          const option = path[step]!;
          const view = viewAfter(path.slice(0, step));
          if (view.kind !== 'decision') throw new Error(`${where}: the engine ended early`);
          await expectScreen(view.title, view, 'decision', `${where}, step ${step + 1}`);
          const offered = view.options.find((o) => o.id === option)!;
          if ((n + step) % 2 === 0) {
            await page.keyboard.press(String(offered.number));
          } else {
            await tabUntil(page, '(el, id) => el?.dataset?.option === id', option);
            await page.keyboard.press('Enter');
          }
          const after = viewAfter(path.slice(0, step + 1));
          await expectScreen(offered.label, after, 'outcome', `${where}, step ${step + 1}`);
          await moveOn(after.kind === 'ending' ? 'See the ending' : 'Next decision');
          choices++;
        }
        const ending = viewAfter(path);
        if (ending.kind !== 'ending') throw new Error(`${where}: the engine did not end`);
        await expectScreen(ending.title, ending, 'ending', where);
        endings.add(ending.endingId);
        await page
          .getByText(`${endings.size} of ${scenario.endings.length} endings discovered`, { exact: true })
          .waitFor({ timeout: 2000 });
      }
      expect(endings.size).toBe(scenario.endings.length);
      expect(choices).toBeGreaterThanOrEqual(paths.length);
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
