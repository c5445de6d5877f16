import { describe, expect, it } from 'vitest';
import { RoomHost, type Change, type LiveRoom } from '../../src/server/room-host.ts';
import type { StoredEvent, WorkshopStore } from '../../src/server/store.ts';
import { SMALL_ID, smallScenario } from '../workshop/helpers.ts';

/** An in-memory store whose writes can be made to fail, or held back until released. */
class FakeStore implements WorkshopStore {
  readonly rows: StoredEvent[] = [];
  failing = false;
  writes = 0;
  /** While set, a write of this room waits until `release()`. */
  holding: string | undefined;
  private held: Array<() => void> = [];

  async append(events: readonly StoredEvent[]) {
    this.writes++;
    if (this.holding && events.some((e) => e.room === this.holding))
      await new Promise<void>((resolve) => this.held.push(resolve));
    if (this.failing) throw new Error('disk full');
    this.rows.push(...events);
  }
  release() {
    this.holding = undefined;
    for (const resume of this.held.splice(0)) resume();
  }
  async load(room: string) {
    const events = this.rows.filter((r) => r.room === room).map((r) => r.event);
    return events.length ? events : undefined;
  }
  async ping() {}
  async close() {}
}

function host() {
  const store = new FakeStore();
  const scenarios = new Map([[SMALL_ID, smallScenario()]]);
  const log: string[] = [];
  const made = new RoomHost(store, scenarios, Date.now, (line) => log.push(line));
  const changes: Array<[string, Change]> = [];
  made.onChange = (room, change) => changes.push([room.code, change]);
  return { store, host: made, changes, log };
}

describe('the room host', () => {
  it('writes the events of one turn of the event loop in one transaction, then publishes once per room', async () => {
    const { store, host: rooms, changes } = host();
    const created = await rooms.create('workshop-small');
    if (!created.ok) throw new Error(created.error.message);
    const { room } = created.value;
    const writesBefore = store.writes;
    const joins = await Promise.all(['a', 'b', 'c'].map((n) => rooms.join(room, n, undefined)));
    expect(joins.every((j) => j.ok)).toBe(true);
    expect(store.writes - writesBefore).toBe(1);
    expect(store.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(changes.at(-1)).toEqual([room.code, 'people']);
    expect(room.durable).toBe(room.state);
  });

  it("writes other rooms' events while one room's write is under way, and a room's own in order after it", async () => {
    const { store, host: rooms } = host();
    const made = await Promise.all([rooms.create('workshop-small'), rooms.create('workshop-small')]);
    const [slow, quick] = made.map((m) => {
      if (!m.ok) throw new Error(m.error.message);
      return m.value.room;
    }) as [LiveRoom, LiveRoom];
    store.holding = slow.code;
    const first = rooms.join(slow, 'Ana', undefined);
    await new Promise((resolve) => setImmediate(resolve));
    // The slow room's write is under way: its next event waits, the other room's is written now.
    const second = rooms.join(slow, 'Ben', undefined);
    expect(await rooms.join(quick, 'Cy', undefined)).toMatchObject({ ok: true });
    expect(store.rows.filter((r) => r.room === slow.code).map((r) => r.seq)).toEqual([1]);
    expect(slow.durable.seq).toBe(1);

    store.release();
    expect(await first).toMatchObject({ ok: true });
    expect(await second).toMatchObject({ ok: true });
    await rooms.settle();
    expect(store.rows.filter((r) => r.room === slow.code).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(slow.durable).toBe(slow.state);
  });

  it('acknowledges nothing and publishes nothing when the write fails, and reloads the room from what was written', async () => {
    const { store, host: rooms, changes, log } = host();
    const created = await rooms.create('workshop-small');
    if (!created.ok) throw new Error(created.error.message);
    const { room } = created.value;
    const joined = await rooms.join(room, 'Ana', undefined);
    if (!joined.ok) throw new Error(joined.error.message);
    await rooms.control(room, { type: 'open' });
    const published = changes.length;

    store.failing = true;
    await expect(rooms.vote(room, joined.value.participant, 'rebuild', undefined)).rejects.toThrow('disk full');
    expect(changes).toHaveLength(published);
    expect(log).toEqual([expect.stringMatching(/could not write 1 event\(s\) for room\(s\) \w{6}: Error: disk full/)]);

    store.failing = false;
    const again = await rooms.find(room.code);
    expect(again).not.toBe(room);
    expect(again!.state.current!.votes.size).toBe(0);
    expect(await rooms.vote(again!, joined.value.participant, 'rebuild', undefined)).toMatchObject({ ok: true });
  });

  it('knows a participant again by their token, and the facilitator by the secret', async () => {
    const { host: rooms } = host();
    const created = await rooms.create('workshop-small');
    if (!created.ok) throw new Error(created.error.message);
    const { room, secret } = created.value;
    const first = await rooms.join(room, 'Ana', undefined);
    if (!first.ok) throw new Error(first.error.message);
    expect(await rooms.join(room, 'Someone', first.value.token)).toMatchObject({
      ok: true,
      value: { participant: first.value.participant },
    });
    expect(room.state.participantCount).toBe(1);
    expect(rooms.isFacilitator(room, secret)).toBe(true);
    expect(rooms.isFacilitator(room, 'AAAAAAAAAAAAAAAAAAAAAA')).toBe(false);
    expect(await rooms.create('no-such-scenario')).toMatchObject({ ok: false, error: { code: 'unknown-scenario' } });
  });
});
