/**
 * The store for more than one process: PostgreSQL through node-postgres (`pg`), with a pool.
 *
 * Same table and promises as SQLite (store-sqlite.ts): `append` is one statement, so one
 * transaction; it resolves after PostgreSQL's commit, which with `synchronous_commit = on` (set on
 * every connection, whatever the server's default) means the WAL is flushed to disk. The primary
 * key `(room, seq)` is the fence between processes: a process whose copy of a room is behind
 * collides on the next sequence number and gets `DuplicateEventError` instead of overwriting.
 *
 * The schema is migrated at open, under an advisory lock so that processes starting together
 * migrate once; a database written by a newer Branchpoint is refused.
 */
import pg from 'pg';
import { RoomEvent } from '../workshop/events.ts';
import { DuplicateEventError, type WorkshopStore } from './store.ts';

/** Each entry brings the schema from its index to the next version, in one transaction. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     room text NOT NULL,
     seq integer NOT NULL,
     type text NOT NULL,
     at bigint NOT NULL,
     body jsonb NOT NULL,
     PRIMARY KEY (room, seq)
   )`,
  // Assignments (assignments-store-postgres.ts): times are kept as the ISO text they were given.
  `CREATE TABLE assignments (
     code text PRIMARY KEY,
     scenario text NOT NULL,
     secret_hash text NOT NULL,
     created_at text NOT NULL,
     deadline text,
     ask_reasons boolean NOT NULL,
     expires_at text NOT NULL
   );
   CREATE INDEX assignments_expires ON assignments (expires_at);
   CREATE TABLE assignment_students (
     assignment text NOT NULL REFERENCES assignments (code) ON DELETE CASCADE,
     id text NOT NULL,
     nickname text NOT NULL,
     joined_at text NOT NULL,
     token_hash text NOT NULL,
     acked integer NOT NULL DEFAULT 0,
     PRIMARY KEY (assignment, id),
     UNIQUE (assignment, token_hash)
   );
   CREATE TABLE assignment_events (
     assignment text NOT NULL,
     student text NOT NULL,
     seq integer NOT NULL,
     at text NOT NULL,
     body jsonb NOT NULL,
     PRIMARY KEY (assignment, student, seq),
     FOREIGN KEY (assignment, student) REFERENCES assignment_students (assignment, id) ON DELETE CASCADE
   )`,
];
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;
/** Any number, the same in every process: the key of the advisory lock taken while migrating. */
const MIGRATION_LOCK = 0x6272616e;

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  log?: (line: string) => void;
}

/**
 * A pool on the database with the schema migrated, shared by the workshop store and the assignment
 * store. `what` names the store in the error a teacher sees if the database cannot be prepared.
 */
/**
 * `warm`: the pool's connections are opened at once and kept open, for a store whose work comes
 * in bursts (see openPostgresStore).
 */
export async function openPool(
  url: string,
  size: number,
  log: (line: string) => void,
  what: string,
  { warm = false } = {},
): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: size,
    ...(warm ? { min: size } : {}),
    connectionTimeoutMillis: 5000,
    // Every connection promises durable commits, whatever the server's default says.
    options: '-c synchronous_commit=on',
  });
  // An idle connection that breaks (the database restarted) is dropped by the pool; without a
  // listener the error would stop the process.
  pool.on('error', (error) => log(`PostgreSQL connection lost: ${error.message}`));
  try {
    await migrate(pool);
    if (warm)
      await Promise.all(Array.from({ length: size }, () => pool.connect())).then((clients) =>
        clients.forEach((c) => c.release()),
      );
  } catch (error) {
    await pool.end();
    throw new Error(`Could not prepare the PostgreSQL ${what} at ${redact(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return pool;
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<WorkshopStore> {
  const log = options.log ?? ((line: string) => console.error(`[workshop] ${line}`));
  // A process taking over the rooms of one that died loads dozens of rooms in the same second. With
  // connections opened on demand (and closed after 10 s idle), each load first waited for a new
  // PostgreSQL connection: 0.5-1.4 s each on a loaded 2-core machine, while the query took 20-50 ms
  // (bench:cluster, docs/performance.md). So the store's connections are opened at start and kept.
  const pool = await openPool(url, options.poolSize ?? 10, log, 'store', { warm: true });

  return {
    shared: true,
    async append(events) {
      if (events.length === 0) return;
      try {
        await pool.query(
          `INSERT INTO events (room, seq, type, at, body)
           SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::bigint[], $5::jsonb[])`,
          [
            events.map((e) => e.room),
            events.map((e) => e.seq),
            events.map((e) => e.event.type),
            events.map((e) => e.event.at),
            events.map((e) => JSON.stringify(e.event)),
          ],
        );
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          throw new DuplicateEventError(roomOf(error, events[0]!.room));
        throw error;
      }
    },
    async load(room) {
      const { rows } = await pool.query<{ body: unknown }>('SELECT body FROM events WHERE room = $1 ORDER BY seq', [
        room,
      ]);
      if (rows.length === 0) return undefined;
      return rows.map((row) => RoomEvent.parse(row.body));
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

/** Brings the database to this Branchpoint's schema (the rooms' table and the assignments'), once. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS branchpoint_schema (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM branchpoint_schema');
    const version = rows[0]?.version ?? 0;
    if (version > POSTGRES_SCHEMA_VERSION)
      throw new Error(
        `the database was written by a newer Branchpoint (store schema ${version}); this one reads up to ${POSTGRES_SCHEMA_VERSION}`,
      );
    for (const step of MIGRATIONS.slice(version)) await client.query(step);
    if (rows.length === 0) await client.query('INSERT INTO branchpoint_schema VALUES ($1)', [POSTGRES_SCHEMA_VERSION]);
    else await client.query('UPDATE branchpoint_schema SET version = $1', [POSTGRES_SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The room named in a unique-violation's detail: `Key (room, seq)=(ABCDEF, 3) already exists.` */
function roomOf(error: unknown, fallback: string): string {
  const detail = (error as { detail?: string }).detail ?? '';
  return /=\(([^,]+), \d+\)/.exec(detail)?.[1] ?? fallback;
}

/** The address without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured address';
  }
}
