import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/server/store-sqlite.ts';
import { DuplicateEventError } from '../../src/server/store.ts';
import type { RoomEvent } from '../../src/workshop/events.ts';

const folder = mkdtempSync(join(tmpdir(), 'branchpoint-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const created: RoomEvent = { type: 'created', at: 1, code: 'ABCDEF', scenarioId: 'workshop-small', secretHash: 'h' };
const joined: RoomEvent = { type: 'joined', at: 2, participant: 'p1', nickname: 'Ana', tokenHash: 't' };

describe('the SQLite store', () => {
  it("keeps each room's events in order across a reopen", async () => {
    const file = join(folder, 'a', 'workshop.sqlite');
    const store = openSqliteStore(file);
    await store.append([{ room: 'ABCDEF', seq: 1, event: created }]);
    await store.append([
      { room: 'ABCDEF', seq: 2, event: joined },
      { room: 'GHJKMN', seq: 1, event: { ...created, code: 'GHJKMN' } },
    ]);
    await store.close();
    const reopened = openSqliteStore(file);
    expect(await reopened.load('ABCDEF')).toEqual([created, joined]);
    expect(await reopened.load('GHJKMN')).toHaveLength(1);
    expect(await reopened.load('ZZZZZZ')).toBeUndefined();
    await reopened.close();
  });

  it('writes a batch whole or not at all, and refuses a sequence number twice', async () => {
    const store = openSqliteStore(join(folder, 'b.sqlite'));
    await store.append([{ room: 'ABCDEF', seq: 1, event: created }]);
    await expect(
      store.append([
        { room: 'ABCDEF', seq: 2, event: joined },
        { room: 'ABCDEF', seq: 1, event: created },
      ]),
    ).rejects.toBeInstanceOf(DuplicateEventError);
    expect(await store.load('ABCDEF')).toEqual([created]);
    await store.close();
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
