/** `npm run scenario -- import-twee <file.twee> [-o <folder>]`: a Twine story as the skeleton of a scenario. */
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { decodeText } from '../scenario/parse.ts';
import { formatDiagnostic } from '../scenario/diagnostic.ts';
import { parseTwee } from '../authoring/twee.ts';
import { importedScenarioId, PLACEHOLDER_SOURCE_FILE, tweeToScenario } from '../authoring/twee-to-scenario.ts';
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
  const { story, problems } = parseTwee(decoded.text);
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
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const lines = [
    `Imported ${story.passages.length} passages from ${shownFile}: ${decisions} decision points, ${story.passages.length - decisions} endings, ${story.passages.reduce((n, p) => n + p.links.length, 0)} options.`,
    `Wrote ${shown}/${SCENARIO_FILE} and ${shown}/${PLACEHOLDER_SOURCE_FILE}.`,
    ...imported.notes.map((note) => `Note: ${note}.`),
    `Next: read the comment at the top of ${shown}/${SCENARIO_FILE}, then run`,
    `  npm run scenario -- validate ${shown}`,
    `and fill in what it lists (${errors} error${errors === 1 ? '' : 's'} now, one per citation still to write).`,
    '',
  ];
  io.stdout.write(lines.join('\n'));
  return 0;
}
