/**
 * One scenario file's problems as the checker found them, with what is needed to show them: the file's
 * text (to quote the lines) and, when the file parsed, the scenario (to name places in words). Drawn by
 * src/ui/authoring/problem-list.ts; sent by the author preview (src/build) to the page.
 */
import type { Diagnostic } from '../scenario/diagnostic.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface ProblemReport {
  file: string;
  /** The scenario file's text, to quote the offending lines; undefined when it is not text. */
  text: string | undefined;
  diagnostics: Diagnostic[];
  scenario?: Scenario;
}
