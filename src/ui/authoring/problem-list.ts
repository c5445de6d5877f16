/**
 * The problems the checker found, as an educator reads them: how serious, where (line, column and
 * in words), what to do, and the line of the file itself with a caret under the column. Used by
 * the "Open a scenario" screen and by the author preview's overlay alike.
 */
import type { Diagnostic } from '../../scenario/diagnostic.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { h } from '../dom.ts';
import { describePlace } from '../../authoring/describe-place.ts';
import type { ProblemReport } from '../../authoring/problem-report.ts';
import { CLOSEST_PASSAGE } from '../../scenario/quote-diff.ts';
import { quoteDifferenceView } from './quote-difference.ts';

export type { ProblemReport };

/** Lines longer than this are shown as a window around the column. */
const LINE_WINDOW = 90;

export function problemCount(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}

/** `after`: what the author does once the file is fixed (open it again; or just save, under the preview). */
export function problemList(report: ProblemReport, after = 'open the files again'): HTMLElement {
  const lines = report.text?.split(/\r\n|\r|\n/);
  return h(
    'section',
    { class: 'problems', 'aria-label': `Problems in ${report.file}` },
    h('h3', { class: 'problems-title' }, `${report.file}: ${problemCount(report.diagnostics)}`),
    h(
      'p',
      { class: 'fine-print' },
      report.diagnostics.some((d) => d.severity === 'error')
        ? `Errors must be fixed before the scenario can be played. Fix them in your editor at the line shown, save, and ${after}.`
        : 'Warnings do not stop the scenario from being played, but each points at something a student may never see.',
    ),
    h(
      'ol',
      { class: 'problem-list' },
      report.diagnostics.map((d) => problemItem(d, lines, report.scenario)),
    ),
  );
}

function problemItem(d: Diagnostic, lines: string[] | undefined, scenario: Scenario | undefined): HTMLElement {
  const severity = d.severity === 'error' ? 'Error' : 'Warning';
  const line = lines?.[d.line - 1];
  return h(
    'li',
    { class: `problem ${d.severity}` },
    h(
      'p',
      { class: 'problem-where' },
      h('span', { class: 'problem-severity' }, severity),
      ` · line ${d.line}, column ${d.col}`,
      h('span', { class: 'problem-place' }, ` · in ${d.place ?? describePlace(d.path, scenario)}`),
    ),
    // A misquote: the message up to its closest passage, then the passage with its differences marked.
    d.difference
      ? [
          h('p', { class: 'problem-message' }, capitalize(d.message.split(CLOSEST_PASSAGE)[0]!)),
          quoteDifferenceView(d.difference),
        ]
      : h('p', { class: 'problem-message' }, capitalize(d.message)),
    line === undefined || line.trim() === '' ? null : quotedLine(d, line),
  );
}

function quotedLine(d: Diagnostic, line: string): HTMLElement {
  const col = Math.max(1, Math.min(d.col, line.length + 1));
  // A long line is shown around the column, so the caret stays on screen.
  const start =
    line.length > LINE_WINDOW ? Math.max(0, Math.min(col - 1 - LINE_WINDOW / 2, line.length - LINE_WINDOW)) : 0;
  const shown =
    (start > 0 ? '…' : '') +
    line.slice(start, start + LINE_WINDOW).replace(/\t/g, ' ') +
    (start + LINE_WINDOW < line.length ? '…' : '');
  const caretAt = col - 1 - start + (start > 0 ? 1 : 0);
  const gutter = `${d.line} | `;
  return h(
    'figure',
    { class: 'problem-line' },
    h('pre', { 'aria-hidden': 'true' }, h('code', {}, `${gutter}${shown}\n${' '.repeat(gutter.length + caretAt)}^`)),
    h('figcaption', { class: 'visually-hidden' }, `Line ${d.line} reads: ${line.trim()}`),
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
