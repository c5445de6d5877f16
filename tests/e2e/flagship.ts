/**
 * The flagship scenario as the engine sees it, in Node: every path to an ending, and what each
 * point of a path must show. The browser tests drive the page and compare it with this.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeScenario } from '../../src/engine/analyze.ts';
import type { GameView } from '../../src/engine/view.ts';
import { findQuote, normalize, normalizeQuote } from '../../src/scenario/quote.ts';
import { flagshipFile as file, scenario } from '../flagship-paths.ts';

// The flagship as the engine sees it (loaded, checked and compiled once, in tests/flagship-paths.ts).
export {
  FLAGSHIP,
  bundle,
  scenario,
  index,
  machine,
  viewAfter,
  everyPath,
  everyPlayedPath,
  coveringPaths,
  raw,
} from '../flagship-paths.ts';

/** How many paths the engine's analysis counts (it counts, it does not list). */
export const analysedPathCount = Number(analyzeScenario(scenario).paths ?? -1n);

/** The text of each source file as it lies on disk, by the title the page shows it under. */
export const sourceFilesByTitle = new Map(
  scenario.sources.map((s) => [
    s.title,
    { file: join(dirname(file), s.file), text: normalize(readFileSync(join(dirname(file), s.file), 'utf8')) },
  ]),
);

/** Is this quote in the source file the page names, allowing only for white space, quote and dash styles? */
export function quoteInSource(sourceTitle: string, quote: string): boolean {
  const source = sourceFilesByTitle.get(sourceTitle);
  return source !== undefined && findQuote(source.text, quote) !== undefined;
}

export { normalizeQuote };

/** The quotes a view shows (situation, options, outcome or ending), normalized, as a sorted set. */
export function expectedQuotes(view: GameView, screen: 'decision' | 'outcome' | 'ending'): string[] {
  const citations =
    screen === 'outcome'
      ? (view.path[view.path.length - 1]?.citations ?? [])
      : view.kind === 'decision'
        ? [...view.citations, ...view.options.flatMap((o) => o.citations)]
        : view.citations;
  return [...new Set(citations.map((c) => normalizeQuote(c.quote)))].sort();
}
