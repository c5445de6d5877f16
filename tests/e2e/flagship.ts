/**
 * The flagship scenario as the engine sees it, in Node: every path to an ending, and what each
 * point of a path must show. The browser tests drive the page and compare it with this.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readBeside, readBytes } from '../../src/node/scenario-files.ts';
import { analyzeScenario } from '../../src/engine/analyze.ts';
import { checkScenario } from '../../src/engine/check.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import { replay } from '../../src/engine/game-actor.ts';
import { ScenarioIndex, viewOf, type GameView } from '../../src/engine/view.ts';
import { findQuote, normalize, normalizeQuote } from '../../src/scenario/quote.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostic.ts';
import { repoRoot } from './server.ts';

export const FLAGSHIP = 'atacms-2024';
const file = join(repoRoot, 'scenarios', FLAGSHIP, 'scenario.yaml');

const checked = checkScenario(file, readBytes(file), readBeside(file));
if (!checked.bundle)
  throw new Error(`The flagship does not validate:\n${checked.diagnostics.map(formatDiagnostic).join('\n')}`);
export const bundle = checked.bundle;
export const scenario = bundle.scenario;
export const index = new ScenarioIndex(bundle);
export const machine = compileScenario(scenario);

/** The view after a list of choices; throws when the engine refuses one. */
export function viewAfter(options: readonly string[]): GameView {
  const result = replay(machine, options);
  if (!result.ok)
    throw new Error(
      `the engine refuses "${result.error.option}" at step ${result.error.step + 1} of ${options.join('.')}`,
    );
  const view = viewOf(index, result.value.getSnapshot());
  result.value.stop();
  return view;
}

/** Every sequence of choices from the start to an ending, in depth-first order of the options shown. */
export function everyPath(): string[][] {
  const paths: string[][] = [];
  const walk = (options: string[]) => {
    const view = viewAfter(options);
    if (view.kind === 'ending') paths.push(options);
    else for (const option of view.options) walk([...options, option.id]);
  };
  walk([]);
  return paths;
}

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
