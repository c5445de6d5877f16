/**
 * What every WorkshopStore promises, as tests any store runs (store.test.ts runs them on SQLite
 * and on a real PostgreSQL).
 */
import { expect, it } from 'vitest';
import { DuplicateEventError, type WorkshopStore } from '../../src/server/store.ts';
import type { RoomEvent } from '../../src/workshop/events.ts';

export interface StoreUnderTest {
  /** A store on an empty place of its own; `reopen` opens another store on the same place. */
  open(): Promise<{ store: WorkshopStore; reopen: () => Promise<WorkshopStore> }>;
}

const created = {
  type: 'created',
  at: 1,
  code: 'ABCDEF',
  scenarioId: 'atacms-2024',
  secretHash: 'h',
} satisfies RoomEvent;
const joined = { type: 'joined', at: 2, participant: 'p1', nickname: 'Ana “ß” 🙂', tokenHash: 't' } satisfies RoomEvent;

export function storeContract({ open }: StoreUnderTest): void {
  it("keeps each room's events in order across a reopen", async () => {
    const { store, reopen } = await open();
    await store.append([{ room: 'ABCDEF', seq: 1, event: created }]);
    await store.append([
      { room: 'ABCDEF', seq: 2, event: joined },
      { room: 'GHJKMN', seq: 1, event: { ...created, code: 'GHJKMN' } },
    ]);
    await store.close();
    const reopened = await reopen();
    expect(await reopened.load('ABCDEF')).toEqual([created, joined]);
    expect(await reopened.load('GHJKMN')).toHaveLength(1);
    expect(await reopened.load('ZZZZZZ')).toBeUndefined();
    await reopened.ping();
    await reopened.close();
  });

  it('writes a batch whole or not at all, and refuses a sequence number twice', async () => {
    const { store } = await open();
    await store.append([{ room: 'ABCDEF', seq: 1, event: created }]);
    const refused = store.append([
      { room: 'GHJKMN', seq: 1, event: { ...created, code: 'GHJKMN' } },
      { room: 'ABCDEF', seq: 2, event: joined },
      { room: 'ABCDEF', seq: 1, event: created },
    ]);
    await expect(refused).rejects.toBeInstanceOf(DuplicateEventError);
    await expect(refused).rejects.toMatchObject({ room: 'ABCDEF' });
    expect(await store.load('ABCDEF')).toEqual([created]);
    expect(await store.load('GHJKMN')).toBeUndefined();
    await store.close();
  });

  it('fences two writers of one room: the second append at a taken sequence number fails, the first stays', async () => {
    const { store, reopen } = await open();
    const other = await reopen();
    await store.append([{ room: 'ABCDEF', seq: 1, event: created }]);
    await other.append([{ room: 'ABCDEF', seq: 2, event: joined }]);
    const late = { ...joined, participant: 'p2', nickname: 'Bo' } satisfies RoomEvent;
    await expect(store.append([{ room: 'ABCDEF', seq: 2, event: late }])).rejects.toBeInstanceOf(DuplicateEventError);
    expect(await store.load('ABCDEF')).toEqual([created, joined]);
    await other.close();
    await store.close();
  });

  it('resolves an empty append without writing', async () => {
    const { store } = await open();
    await store.append([]);
    expect(await store.load('ABCDEF')).toBeUndefined();
    await store.close();
  });
}
