/** `npm run scenario -- new <id> [--dir scenarios]`: a commented starter scenario that validates as written. */
import { join } from 'node:path';
import { formatDiagnostic } from '../scenario/diagnostic.ts';
import { ScenarioSchema } from '../scenario/schema.ts';
import { displayPath } from '../node/scenario-files.ts';
import { STARTER_SOURCE_FILE, STARTER_SOURCE_TEXT, starterScenario } from '../authoring/starter.ts';
import { UsageError } from './usage-error.ts';
import type { CliIo } from './io.ts';
import { schemaPathFrom, SCENARIO_FILE, writeScenarioFolder } from './write-scenario.ts';

export function newScenario(id: string | undefined, dir: string, io: CliIo): number {
  if (!id) throw new UsageError('name the new scenario: npm run scenario -- new <id>, for example new bus-route');
  const checked = ScenarioSchema.shape.id.safeParse(id);
  if (!checked.success)
    throw new UsageError(
      `"${id}" cannot be a scenario id: ${checked.error.issues[0]?.message ?? 'it is not a valid id'}`,
    );
  const folder = join(dir, id);
  const result = writeScenarioFolder(
    folder,
    starterScenario({ id, schemaPath: schemaPathFrom(folder) }),
    {
      [STARTER_SOURCE_FILE]: STARTER_SOURCE_TEXT,
    },
    io,
  );
  if (!result) return 1;
  for (const d of result.diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');
  const shown = displayPath(folder);
  io.stdout.write(
    [
      `Created ${shown}/${SCENARIO_FILE} and ${shown}/${STARTER_SOURCE_FILE}: a complete little scenario to rewrite piece by piece.`,
      `Next: paste your source text into ${shown}/${STARTER_SOURCE_FILE}, edit ${shown}/${SCENARIO_FILE}, and check it with`,
      `  npm run scenario -- validate ${shown}`,
      '',
    ].join('\n'),
  );
  return result.bundle ? 0 : 1;
}
