/** The text `npm run scenario -- paths` prints. */
import type { CheckResult } from '../engine/check.ts';

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
