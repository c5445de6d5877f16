/**
 * `npm run scenario -- import-twee <file.twee|file.html> [-o <folder>]`: a Twine story (Twee, or the
 * HTML file Twine publishes) as the skeleton of a scenario, and the whole list of what is left to
 * write: every citation at once, with its line and place, not one error at a time.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { decodeText } from '../scenario/parse.ts';
import { formatDiagnostic, formatPath, type Diagnostic } from '../scenario/diagnostic.ts';
import { parseTwee } from '../authoring/twee.ts';
import { isTwineHtml, parseTwineHtml } from '../authoring/twine-html.ts';
import {
  importedScenarioId,
  PLACEHOLDER_SOURCE_FILE,
  placeholderQuotes,
  tweeToScenario,
} from '../authoring/twee-to-scenario.ts';
import { describePlace } from '../scenario/place.ts';
import { parseScenarioText } from '../scenario/parse.ts';
import { displayPath, readBytes } from '../node/scenario-files.ts';
import { UsageError } from './usage-error.ts';
import type { CliIo } from './io.ts';
import { schemaPathFrom, SCENARIO_FILE, writeScenarioFolder } from './write-scenario.ts';

export function importTwee(file: string | undefined, out: string | undefined, io: CliIo): number {
  if (!file) throw new UsageError('name the Twee file to import: npm run scenario -- import-twee <story.twee>');
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file`);
  const shownFile = displayPath(file);
  const decoded = decodeText(readBytes(file), shownFile);
  if (!decoded.ok) {
    for (const d of decoded.diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');
    return 1;
  }
  const { story, problems } = isTwineHtml(decoded.text) ? parseTwineHtml(decoded.text) : parseTwee(decoded.text);
  for (const p of problems) io.stderr.write(`${shownFile}:${p.line}:1: warning: ${p.message}\n`);
  if (story.passages.length === 0) {
    io.stderr.write(
      `${shownFile}: no story passages found (a passage starts with a line like ":: Passage name"); nothing was written\n`,
    );
    return 1;
  }

  const fallbackTitle = basename(file, extname(file));
  const folder = out ?? join('scenarios', importedScenarioId(story, fallbackTitle));
  const imported = tweeToScenario(story, { fallbackTitle, schemaPath: schemaPathFrom(folder) });
  const result = writeScenarioFolder(folder, imported.yaml, { [PLACEHOLDER_SOURCE_FILE]: imported.sourceText }, io);
  if (!result) return 1;

  const shown = displayPath(folder);
  const decisions = story.passages.filter((p) => p.links.length > 0).length;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  // Read off the file itself, not the errors: a decision point set aside for its shape still has quotes to write.
  const parsed = parseScenarioText(imported.yaml, SCENARIO_FILE);
  const citations = parsed.ok
    ? placeholderQuotes(parsed.file.value).map((path) => ({
        line: parsed.file.locate(path).line,
        place: describePlace(formatPath(path), parsed.file.value),
      }))
    : [];
  const others = errors.filter((d) => !d.message.startsWith('this citation is still to write'));
  const warnings = result.diagnostics.length - errors.length;
  const where = (d: Pick<Diagnostic, 'line' | 'place'>) => `  line ${d.line}: ${d.place}`;
  const lines = [
    `Imported ${story.passages.length} passages from ${shownFile}: ${decisions} decision points, ${story.passages.length - decisions} endings, ${story.passages.reduce((n, p) => n + p.links.length, 0)} options.`,
    `Wrote ${shown}/${SCENARIO_FILE} and ${shown}/${PLACEHOLDER_SOURCE_FILE}.`,
    ...imported.notes.map((note) => `Note: ${note}.`),
    ...(others.length
      ? [
          `To fix first (${others.length}), before the scenario can play:`,
          ...others.map((d) => `${where(d)}: ${d.message}`),
        ]
      : []),
    `Citations still to write (${citations.length}), each in ${shown}/${SCENARIO_FILE}: replace the placeholder quote with the source's words.`,
    ...citations.map(where),
    `Next: read the comment at the top of ${shown}/${SCENARIO_FILE}, paste your source into ${shown}/${PLACEHOLDER_SOURCE_FILE}, then run`,
    `  npm run scenario -- validate ${shown}`,
    `until it lists no errors (${errors.length} now${warnings ? `, and ${warnings} warning${warnings === 1 ? '' : 's'} for the TODOs and any Twine code left in the text` : ''}).`,
    '',
  ];
  io.stdout.write(lines.join('\n'));
  return 0;
}
