/**
 * Before the server says it is running, the session database must be one it can use: a
 * read-only or damaged file would otherwise show up only at the first vote, in front of a class.
 * This opens the file on its own connection, runs SQLite's `PRAGMA quick_check` and makes a test
 * write in a transaction that is rolled back, so nothing in the file changes.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Why the database at `file` cannot be used, in plain words; undefined when it can. */
export function sqliteProblem(file: string): string | undefined {
  if (file === ':memory:') return undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    return `its folder ${dirname(file)} cannot be created (${(error as Error).message})`;
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 5000 });
    const found = (db.pragma('quick_check') as Array<{ quick_check: string }>)
      .map((row) => row.quick_check)
      .filter((line) => line !== 'ok');
    if (found.length > 0) return `it is damaged (SQLite's integrity check says: ${found.slice(0, 3).join('; ')})`;
    // BEGIN IMMEDIATE takes the write lock, as the store's appends do; the table never outlives the rollback.
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec('CREATE TABLE branchpoint_write_check (x INTEGER)');
      db.prepare('INSERT INTO branchpoint_write_check (x) VALUES (1)').run();
    } finally {
      db.exec('ROLLBACK');
    }
    return undefined;
  } catch (error) {
    return explain(error as Error & { code?: string });
  } finally {
    db?.close();
  }
}

function explain(error: Error & { code?: string }): string {
  const code = error.code ?? '';
  if (code.startsWith('SQLITE_READONLY'))
    return 'it is read-only (this user must be able to write the file and its folder, where SQLite keeps its -wal and -shm files)';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return `it is not a SQLite database, or it is damaged (${error.message})`;
  if (code.startsWith('SQLITE_CANTOPEN')) return `it cannot be opened (${error.message})`;
  if (code === 'SQLITE_BUSY') return 'another program holds it locked';
  return error.message;
}

/** The message the server stops with. */
export const sqliteProblemMessage = (file: string, problem: string) =>
  `The session database ${file} cannot be used: ${problem}.\n` +
  'The server has not started. Repair or replace the file (a copy of the database is the file plus its -wal file), ' +
  'or set BRANCHPOINT_DB to another file (a new one is created).';
