/**
 * The store contract on both engines: SQLite in a temporary file, and a real PostgreSQL started
 * for this file in a temporary folder on a loopback port (see src/server/local-engines.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type Engine } from '../../src/server/local-engines.ts';
import { openPostgresStore, POSTGRES_SCHEMA_VERSION } from '../../src/server/store-postgres.ts';
import { openSqliteStore } from '../../src/server/store-sqlite.ts';
import { storeContract } from './store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'branchpoint-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the SQLite store', () => {
  let n = 0;
  storeContract({
    async open() {
      const file = join(folder, `s${n++}`, 'workshop.sqlite');
      return { store: openSqliteStore(file), reopen: async () => openSqliteStore(file) };
    },
  });

  it('keeps its journal in WAL mode', async () => {
    const { default: Database } = await import('better-sqlite3');
    const file = join(folder, 'c.sqlite');
    await openSqliteStore(file).close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});

describe('the PostgreSQL store', () => {
  let postgres: Engine | undefined;
  let admin: pg.Client;
  let n = 0;
  beforeAll(async () => {
    postgres = await startPostgres();
    admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await postgres?.stop();
  }, 60_000);
  /** Each test gets a database of its own. */
  const database = async () => {
    const name = `contract_${n++}`;
    await admin.query(`CREATE DATABASE ${name}`);
    return postgres!.url.replace(/\/postgres$/, `/${name}`);
  };

  storeContract({
    async open() {
      const url = await database();
      return { store: await openPostgresStore(url), reopen: () => openPostgresStore(url) };
    },
  });

  it('migrates the schema once when processes start together, and records its version', async () => {
    const url = await database();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM branchpoint_schema');
    expect(rows).toEqual([{ version: POSTGRES_SCHEMA_VERSION }]);
    await client.query('UPDATE branchpoint_schema SET version = 99');
    await client.end();
    await expect(openPostgresStore(url)).rejects.toThrow(/newer Branchpoint \(store schema 99\)/);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('says plainly when the database cannot be reached', async () => {
    await expect(openPostgresStore('postgres://postgres@127.0.0.1:1/none')).rejects.toThrow(
      /Could not prepare the PostgreSQL store at postgres:\/\/postgres@127.0.0.1:1\/none/,
    );
  });
});
