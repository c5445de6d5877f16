/**
 * Runs the command line (`npm run scenario -- …`) in this process, as an author would from the
 * project folder: the same main() the wrapper src/cli/main.ts calls, with its output kept as strings.
 * tests/cli/wrapper.test.ts checks once that the real process behaves the same.
 */
import { Readable } from 'node:stream';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../src/cli/run.ts';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command with these arguments; `input` is what the player types (for `play`). */
export async function cliWithInput(input: string, ...args: string[]): Promise<Run> {
  // Paths in messages are relative to the working folder, as in a terminal opened in the project.
  if (process.cwd() !== repoRoot) throw new Error(`run the CLI tests from ${repoRoot}, not ${process.cwd()}`);
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([input]),
  });
  return { code, stdout, stderr };
}

export const cli = (...args: string[]): Promise<Run> => cliWithInput('', ...args);
