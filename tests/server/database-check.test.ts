/**
 * The server refuses to start on a session database it cannot use (read-only, damaged, not a
 * database), with a plain message and a non-zero exit, instead of printing "running" and failing
 * at the first vote.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteProblem } from '../../src/server/sqlite-check.ts';
import { openSqliteStore } from '../../src/server/store-sqlite.ts';
import { freePort, repoRoot } from '../e2e/server.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'branchpoint-db-'));
  folders.push(made);
  return made;
}

/** A database as the server leaves it: a few events, closed (checkpointed into the main file). */
async function database(): Promise<string> {
  const file = join(folder(), 'workshop.sqlite');
  const store = openSqliteStore(file);
  const events = Array.from({ length: 200 }, (_, i) => ({
    room: `ROOM${String(i).padStart(2, '0')}`,
    seq: 1,
    event: { type: 'created' as const, at: i, code: 'K7M2QX', scenarioId: 'x', secretHash: 'h'.repeat(40) },
  }));
  await store.append(events);
  await store.close();
  return file;
}

/** Runs `npm run serve`'s entry and waits for it to exit (or to say it is running). */
function serve(file: string, asUser?: number): Promise<{ code: number | null; output: string }> {
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
          cwd: repoRoot,
          env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BRANCHPOINT_DB: file },
          stdio: ['ignore', 'pipe', 'pipe'],
          ...(asUser !== undefined ? { uid: asUser, gid: asUser } : {}),
        });
        let output = '';
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('is running')) child.kill('SIGKILL');
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.on('exit', (code) => resolve({ code, output }));
      }),
  );
}

describe('the session database at start', () => {
  it('finds nothing wrong with a database the server wrote, and changes nothing in it', async () => {
    const file = await database();
    const before = readFileSync(file);
    expect(sqliteProblem(file)).toBeUndefined();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(sqliteProblem(join(folder(), 'new', 'workshop.sqlite'))).toBeUndefined();
  });

  it('finds a damaged database and a file that is not one', async () => {
    const damaged = await database();
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, 4096 + 16); // inside the events table's first page
    closeSync(fd);
    expect(sqliteProblem(damaged)).toMatch(/damaged/);

    const text = join(folder(), 'notes.sqlite');
    writeFileSync(text, 'These are my notes, not a database.\n'.repeat(200));
    expect(sqliteProblem(text)).toMatch(/not a SQLite database/);
  });

  it('refuses to start on a damaged database, with a plain message and exit code 1', async () => {
    const text = join(folder(), 'notes.sqlite');
    writeFileSync(text, 'These are my notes, not a database.\n'.repeat(200));
    const { code, output } = await serve(text);
    expect(output).not.toContain('is running');
    expect(code).toBe(1);
    expect(output).toContain(`The session database ${text} cannot be used: it is not a SQLite database`);
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('refuses to start on a read-only database', async () => {
    const file = await database();
    const dir = join(file, '..');
    // root writes any file whatever its mode, so the server runs as "nobody" when the tests run as root.
    const asRoot = process.getuid?.() === 0;
    chmodSync(file, 0o444);
    if (asRoot) {
      chownSync(dir, 65534, 65534);
      chmodSync(dir, 0o755);
    }
    const { code, output } = await serve(file, asRoot ? 65534 : undefined);
    expect(output).not.toContain('is running');
    expect(code).toBe(1);
    expect(output).toContain('cannot be used: it is read-only');
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);
});
