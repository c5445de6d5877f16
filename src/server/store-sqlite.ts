/**
 * The embedded store: one SQLite file through better-sqlite3 (12.x: 13 crashes on Node 20).
 *
 * Durability: WAL journal with synchronous=FULL, so a committed transaction is on disk (fsynced)
 * before `append` resolves and survives a power cut as well as a killed process. NORMAL would
 * survive a killed process but could lose the last commits on power loss; measured here FULL costs
 * about 0.3 ms per commit, and the room host commits once per event-loop turn for all the events
 * that arrived in it, so FULL is affordable.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { RoomEvent } from '../workshop/events.ts';
import { DuplicateEventError, type StoredEvent, type WorkshopStore } from './store.ts';

const SCHEMA_VERSION = 1;

export function openSqliteStore(file: string): WorkshopStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new Error(
      `${file} was written by a newer Branchpoint (store schema ${version}); this one reads up to ${SCHEMA_VERSION}`,
    );
  if (version < 1) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        room TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        at INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (room, seq)
      ) WITHOUT ROWID;
      PRAGMA user_version = 1;
    `);
  }

  const insert = db.prepare('INSERT INTO events (room, seq, type, at, body) VALUES (?, ?, ?, ?, ?)');
  const select = db.prepare<[string], { body: string }>('SELECT body FROM events WHERE room = ? ORDER BY seq');
  const appendAll = db.transaction((events: readonly StoredEvent[]) => {
    for (const { room, seq, event } of events) {
      try {
        insert.run(room, seq, event.type, event.at, JSON.stringify(event));
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateEventError(room);
        throw error;
      }
    }
  });

  return {
    async append(events) {
      if (events.length > 0) appendAll(events);
    },
    async load(room) {
      const rows = select.all(room);
      if (rows.length === 0) return undefined;
      return rows.map((row) => RoomEvent.parse(JSON.parse(row.body)));
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
