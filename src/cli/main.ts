/**
 * `npm run scenario -- <command>`: runs src/cli/run.ts on the terminal. Only this file touches
 * the process, so the tests can call main() directly and one smoke test checks this wrapper.
 */
import { main } from './run.ts';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
