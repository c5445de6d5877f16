/**
 * The one CLI test that starts a real process: `npm run scenario` reaches main() through the
 * wrapper src/cli/main.ts, which passes the process's streams and turns the result into the exit
 * code. Everything else about the commands is tested in-process (helpers/run-cli.ts).
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, repoRoot } from './helpers/run-cli.ts';

function npmRunScenario(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile('npm', ['run', '--silent', 'scenario', '--', ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('npm run scenario', () => {
  it('prints what main() prints, on the same streams, and exits with its code', async () => {
    const args = ['validate', 'tests/fixtures/invalid/unknown-actor'];
    const [spawned, inProcess] = await Promise.all([npmRunScenario(...args), cli(...args)]);
    expect(inProcess.code).toBe(1);
    expect(inProcess.stdout).toMatch(/^tests\/fixtures\/invalid\/unknown-actor\/scenario\.yaml:\d+:\d+: error: /);
    expect(inProcess.stderr).toBe('1 scenario checked: 1 error, 0 warnings\n');
    expect(spawned).toEqual(inProcess);
  }, 60_000);
});
