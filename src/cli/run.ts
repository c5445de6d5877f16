/**
 * `npm run scenario -- <command>`: the author's tools on the command line, as a function from
 * arguments to an exit code, so tests run it in their own process (src/cli/main.ts is the wrapper).
 * Exit codes: 0 fine, 1 the scenario has errors, 2 the command was used wrongly, 3 a bug of ours.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkScenario, type CheckResult } from '../engine/check.ts';
import { exportGraph, type GraphFormat } from '../authoring/graph-export.ts';
import { formatDiagnostic, hasErrors } from '../scenario/diagnostic.ts';
import { scenarioJsonSchema } from '../scenario/schema.ts';
import { displayPath, findScenarioFiles, readBeside, readBytes } from '../node/scenario-files.ts';
import { analysisJson, formatAnalysis, formatPathList, pathLimit } from './format-analysis.ts';
import { guideTarget, writeGuide } from './guide.ts';
import { playInTerminal } from './play.ts';
import { exportScenario, exportTarget } from './export.ts';
import { importTwee } from './import-twee.ts';
import { newScenario } from './new-scenario.ts';
import { UsageError } from './usage-error.ts';
import type { CliIo } from './io.ts';

const USAGE = `Usage: npm run scenario -- <command> [options]

Commands:
  validate <file-or-folder>...   check scenario files; --json prints the problems as JSON
  paths <file-or-folder>         reachable states, paths and endings of a scenario; --json prints them as
                                 JSON; --list [--limit N] prints actual paths (default 20)
  guide <file-or-folder> -o <file>.html [--handout]
                                 the printable teacher's guide (or, with --handout, the student handout)
  graph <file-or-folder> --format mermaid|dot
                                 the structure as a diagram
  play <file-or-folder>          play a scenario in the terminal
  schema [--out <file>]          write the JSON Schema editors use (default scenarios/scenario.schema.json)
  new <id> [--dir <folder>]      start a scenario: a commented starter in <folder>/<id> (default scenarios/)
  import-twee <file.twee or story.html> [-o <folder>]
                                 turn a Twine story (Twee 3) into a scenario skeleton to fill in
  export <file-or-folder> -o <file>.html
                                 one HTML file that plays the scenario offline, from any folder
  export <file-or-folder> --scorm 1.2|2004 -o <file>.zip
                                 a SCORM package for Moodle and other learning platforms
  export <file-or-folder> --cmi5 -o <file>.zip
                                 a cmi5 package (xAPI) for platforms with a learning record store
`;

/** Runs one command; every error becomes a message on io.stderr and an exit code, never a throw. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await command(argv, io);
  } catch (error: unknown) {
    if (
      error instanceof UsageError ||
      (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    // A bug of ours, not the author's: say so plainly, keep the details for a report.
    io.stderr.write(`Branchpoint hit an internal error; please report it with this file attached.\n${String(error)}\n`);
    return 3;
  }
}

async function command(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      dir: { type: 'string' },
      list: { type: 'boolean', default: false },
      limit: { type: 'string' },
      handout: { type: 'boolean', default: false },
      scorm: { type: 'string' },
      cmi5: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...targets] = positionals;
  if (values.help || !command) {
    io.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'validate':
      return validate(requireTargets(targets), values.json, io);
    case 'paths': {
      const limit = pathLimit(values.limit);
      const print = values.list
        ? (result: CheckResult) => formatPathList(result, limit)
        : values.json
          ? analysisJson
          : formatAnalysis;
      return withScenario(single(targets), io, (result) => (io.stdout.write(print(result)), 0));
    }
    case 'guide': {
      const out = guideTarget(values.out);
      return withScenario(single(targets), io, ({ bundle }) => writeGuide(bundle!, out, values.handout, io));
    }
    case 'graph': {
      const format = values.format ?? 'mermaid';
      if (format !== 'mermaid' && format !== 'dot')
        throw new UsageError(`--format must be mermaid or dot, not "${format}"`);
      return withScenario(
        single(targets),
        io,
        ({ bundle }) => (io.stdout.write(exportGraph(bundle!.scenario, format as GraphFormat)), 0),
      );
    }
    case 'play':
      return withScenario(single(targets), io, ({ bundle }) => playInTerminal(bundle!, io));
    case 'schema': {
      const out = values.out ?? 'scenarios/scenario.schema.json';
      writeFileSync(out, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
      io.stdout.write(`wrote ${out}\n`);
      return 0;
    }
    case 'new':
      return newScenario(only(targets), values.dir ?? 'scenarios', io);
    case 'import-twee':
      return importTwee(only(targets), values.out, io);
    case 'export': {
      const out = exportTarget(values.out, values.scorm, values.cmi5);
      return withScenario(single(targets), io, ({ bundle }) => exportScenario(bundle!, out, io));
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function requireTargets(targets: string[]): string[] {
  if (targets.length === 0) throw new UsageError('name a scenario file or folder');
  return targets.flatMap((target) => {
    const files = findScenarioFiles(target);
    if (files === undefined) throw new UsageError(`${target}: no such file or folder`);
    if (files.length === 0) throw new UsageError(`${target}: no scenario.yaml found here or in its folders`);
    return files;
  });
}

/** The one argument a command takes (undefined when none is given; the command says what it needs). */
function only(targets: string[]): string | undefined {
  if (targets.length > 1)
    throw new UsageError(`this command takes one argument, not ${targets.length}: ${targets.join(' ')}`);
  return targets[0];
}

function single(targets: string[]): string {
  const files = requireTargets(targets);
  if (files.length !== 1)
    throw new UsageError(`this command takes one scenario, and ${targets.join(' ')} holds ${files.length}`);
  return files[0]!;
}

function check(file: string): CheckResult {
  return checkScenario(displayPath(file), readBytes(file), readBeside(file));
}

function validate(files: string[], json: boolean, io: CliIo): number {
  const diagnostics = files.flatMap((file) => check(file).diagnostics);
  if (json) {
    io.stdout.write(JSON.stringify({ valid: !hasErrors(diagnostics), diagnostics }, null, 2) + '\n');
  } else {
    for (const d of diagnostics) io.stdout.write(formatDiagnostic(d) + '\n');
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const summary = `${files.length} scenario${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    (errors ? io.stderr : io.stdout).write(summary + '\n');
  }
  return hasErrors(diagnostics) ? 1 : 0;
}

async function withScenario(
  file: string,
  io: CliIo,
  run: (result: CheckResult) => number | Promise<number>,
): Promise<number> {
  const result = check(file);
  if (!result.bundle) {
    for (const d of result.diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');
    io.stderr.write(
      `${displayPath(file)} has errors: fix them first (npm run scenario -- validate ${displayPath(file)})\n`,
    );
    return 1;
  }
  return run(result);
}
