/** What `npm run scenario -- paths` prints: a summary, the analysis as JSON (--json), or actual paths (--list). */
import type { CheckResult } from '../engine/check.ts';
import { listPaths } from '../engine/analyze.ts';
import { UsageError } from './usage-error.ts';

export function formatAnalysis({ bundle, analysis }: CheckResult): string {
  if (!bundle || !analysis) return '';
  const { scenario } = bundle;
  const paths = analysis.paths === undefined ? 'unbounded (the scenario can loop)' : analysis.paths.toString();
  const lines = [
    `${scenario.title} (${scenario.id})`,
    `  decision points:          ${scenario.decisions.length}`,
    `  reachable configurations: ${analysis.configurations} (decision point + world state)`,
    `  distinct paths:           ${paths}`,
    `  endings reachable:        ${analysis.endings.length} of ${scenario.endings.length}`,
    '',
  ];
  const width = Math.max(6, ...scenario.endings.map((e) => e.id.length));
  lines.push(`  ${'ending'.padEnd(width)}  ${'paths'.padStart(8)}  shortest  longest`);
  for (const ending of scenario.endings) {
    const reach = analysis.endings.find((e) => e.ending === ending.id);
    const row = reach
      ? `${reach.paths.toString().padStart(8)}  ${String(reach.shortest).padStart(8)}  ${String(reach.longest ?? 'unbounded').padStart(7)}`
      : `${'-'.padStart(8)}  ${'unreachable'.padStart(8)}`;
    lines.push(`  ${ending.id.padEnd(width)}  ${row}`);
  }
  return lines.join('\n') + '\n';
}

/** A path count as a JSON number while it is exact, else as a string of digits. */
const count = (n: bigint): number | string => (n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString());

/**
 * The analysis as JSON: `endings` (the ids of the endings reachable), `pathsPerEnding` (ending id
 * to number of paths, a string when larger than a JSON number holds exactly), `byFirstOption`
 * (each option of the start decision to the endings reachable after it), and the rest of the figures.
 */
export function analysisJson({ bundle, analysis }: CheckResult): string {
  if (!bundle || !analysis) return '';
  const json = {
    scenario: bundle.scenario.id,
    configurations: analysis.configurations,
    paths: analysis.paths === undefined ? null : count(analysis.paths),
    hasLoop: analysis.hasLoop,
    endings: analysis.endings.map((e) => e.ending),
    unreachableEndings: analysis.unreachableEndings,
    pathsPerEnding: Object.fromEntries(
      analysis.endings.map((e) => [e.ending, analysis.hasLoop ? null : count(e.paths)]),
    ),
    shortestPerEnding: Object.fromEntries(analysis.endings.map((e) => [e.ending, e.shortest])),
    longestPerEnding: Object.fromEntries(analysis.endings.map((e) => [e.ending, e.longest ?? null])),
    byFirstOption: Object.fromEntries(analysis.byFirstOption.map((f) => [f.option, f.endings])),
  };
  return JSON.stringify(json, null, 2) + '\n';
}

export const DEFAULT_PATH_LIMIT = 20;

export function pathLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PATH_LIMIT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--limit must be a whole number of 1 or more, not "${value}"`);
  return n;
}

/** Actual paths, one per line: the chosen option ids with their labels, and the ending. */
export function formatPathList({ bundle, analysis }: CheckResult, limit: number): string {
  if (!bundle) return '';
  const { scenario } = bundle;
  const labels = new Map(scenario.decisions.flatMap((d) => d.options.map((o) => [`${d.id}/${o.id}`, o.label])));
  const paths = listPaths(scenario, limit);
  const lines = paths.map((path, i) => {
    const steps = path.choices.map((c) => `${c.option} (${labels.get(`${c.decision}/${c.option}`)})`).join(' > ');
    return `${String(i + 1).padStart(4)}. ${steps} => ${path.ending ?? '(cut off in a loop)'}`;
  });
  const total = analysis?.paths;
  const shown =
    total !== undefined && total > BigInt(paths.length)
      ? `${paths.length} of ${total} paths (--limit N for more)`
      : `${paths.length} path${paths.length === 1 ? '' : 's'}`;
  return [`${scenario.title} (${scenario.id}): ${shown}`, ...lines].join('\n') + '\n';
}
