/** The benches' printed table. */

export interface Row {
  figure: string;
  ours: string;
  /** Our CPU time, for timed figures: steadier than wall-clock time when the machine is busy. */
  cpu?: string;
  baseline: string;
  ratio: string;
  goal: string;
  /** Undefined when the figure has no goal. */
  pass?: boolean;
}

export function table(rows: readonly Row[]): string {
  const header: Row = {
    figure: 'figure',
    ours: 'ours',
    cpu: 'ours, CPU',
    baseline: 'baseline',
    ratio: 'ratio',
    goal: 'goal',
  };
  // The CPU column appears only when some figure has one (bench/web.ts shares this table).
  const withCpu = rows.some((row) => row.cpu !== undefined);
  const cells = (row: Row) => [
    row.figure,
    row.ours,
    ...(withCpu ? [row.cpu ?? ''] : []),
    row.baseline,
    row.ratio,
    row.goal,
    row === header ? 'result' : row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL',
  ];
  const all = [header, ...rows].map(cells);
  const widths = all[0]!.map((_, column) => Math.max(...all.map((line) => line[column]!.length)));
  const line = (values: string[]) =>
    values
      .map((value, column) => value.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export const ms = (value: number): string =>
  `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en')} ms`;
export const perSecond = (value: number, unit: string): string => `${Math.round(value).toLocaleString('en')} ${unit}/s`;
export const times = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)}x`;
