/** A problem found in a scenario, with where it is, so terminals and editors can jump to it. */
import type { QuoteDifference } from './quote-diff.ts';

export type Severity = 'error' | 'warning';
export type DocPath = ReadonlyArray<string | number>;

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  /** Where in the document, like decisions.2.options.0.citations.0.quote. */
  path: string;
  /** The same place in the author's words (decision point “council”, option “wait”), for people. */
  place?: string;
  message: string;
  /**
   * For a quote not found in its source: the closest passage and what differs, word by word, with
   * plain reasons (curly quotes, "...", 1000 vs 1,000). The message says the same in words; this
   * is for screens that mark the words (the page) and for tools reading the JSON output.
   */
  difference?: QuoteDifference;
}

export const formatPath = (path: DocPath): string => path.join('.');

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.place ? ` (${d.place})` : d.path ? ` (${d.path})` : '';
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}${where}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}

export const hasErrors = (list: readonly Diagnostic[]): boolean => list.some((d) => d.severity === 'error');
