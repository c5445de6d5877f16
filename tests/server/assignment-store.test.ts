/**
 * The assignment store contract on both engines: SQLite in a temporary file, and a real PostgreSQL
 * started for this file in a temporary folder on a loopback port (src/server/local-engines.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgresAssignmentStore } from '../../src/server/assignments-store-postgres.ts';
import { openSqliteAssignmentStore } from '../../src/server/assignments-store-sqlite.ts';
import { startPostgres, type Engine } from '../../src/server/local-engines.ts';
import { openPostgresStore } from '../../src/server/store-postgres.ts';
import { openSqliteStore } from '../../src/server/store-sqlite.ts';
import { assignmentStoreContract } from './assignment-store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'branchpoint-assignment-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the SQLite assignment store', () => {
  let n = 0;
  assignmentStoreContract({
    async open() {
      const file = join(folder, `s${n++}`, 'workshop.sqlite');
      return {
        store: openSqliteAssignmentStore(file),
        reopen: async () => openSqliteAssignmentStore(file),
        rooms: async () => openSqliteStore(file),
      };
    },
  });
});

describe('the PostgreSQL assignment store', () => {
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

  assignmentStoreContract({
    async open() {
      // Each test gets a database of its own.
      const name = `assignments_${n++}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = postgres!.url.replace(/\/postgres$/, `/${name}`);
      return {
        store: await openPostgresAssignmentStore(url),
        reopen: () => openPostgresAssignmentStore(url),
        rooms: () => openPostgresStore(url),
      };
    },
  });
});
