/**
 * What every AssignmentStore promises, as tests any store runs (assignment-store.test.ts runs them
 * on SQLite and on a real PostgreSQL): assignments and students kept across a reopen, each student's
 * events committed exactly once even when two processes take the same submission, deleting and
 * purging that leave nothing behind.
 */
import { expect, it } from 'vitest';
import type { AssignmentStore, StoredAssignment, StoredStudent } from '../../src/server/assignments-store.ts';
import type { WorkshopStore } from '../../src/server/store.ts';
import type { QueuedEvent, StudentEventBody } from '../../src/workshop/assignment-protocol.ts';
import type { RoomEvent } from '../../src/workshop/events.ts';

export interface AssignmentStoreUnderTest {
  /** A store on an empty place of its own; `reopen` opens another on the same place, `rooms` the workshop's store there. */
  open(): Promise<{
    store: AssignmentStore;
    reopen: () => Promise<AssignmentStore>;
    rooms: () => Promise<WorkshopStore>;
  }>;
}

const assignment: StoredAssignment = {
  code: 'ABCDEF',
  scenarioId: 'workshop-small',
  secretHash: 'secret-hash',
  createdAt: '2026-12-01T10:00:00.000Z',
  deadline: '2026-12-08T17:00:00.000Z',
  askReasons: true,
  expiresAt: '2026-12-31T10:00:00.000Z',
};
const student = (id: string, joinedAt = '2026-12-01T10:01:00.000Z'): StoredStudent => ({
  id,
  nickname: `Ana “ß” 🙂 ${id}`,
  joinedAt,
  tokenHash: `token-${id}`,
  acked: 0,
});
const ev = (seq: number, event: StudentEventBody): QueuedEvent => ({
  seq,
  at: `2026-12-01T10:0${seq % 10}:00.000Z`,
  event,
});
const chose = (seq: number, option = 'patch') => ev(seq, { type: 'chose', decision: 'funding', option });

export function assignmentStoreContract({ open }: AssignmentStoreUnderTest): void {
  it('keeps assignments and students across a reopen, and refuses a code twice', async () => {
    const { store, reopen } = await open();
    expect(await store.create(assignment)).toBe(true);
    expect(await store.create({ ...assignment, scenarioId: 'other' })).toBe(false);
    const { deadline: _none, ...undated } = { ...assignment, code: 'GHJKMN', askReasons: false };
    expect(await store.create(undated)).toBe(true);
    await store.addStudents([
      { code: 'ABCDEF', student: student('b2', '2026-12-01T10:02:00.000Z') },
      { code: 'ABCDEF', student: student('a1') },
      { code: 'GHJKMN', student: student('c3') },
    ]);
    await store.close();
    const again = await reopen();
    expect(await again.get('ABCDEF')).toEqual(assignment);
    expect(await again.get('GHJKMN')).toEqual(undated);
    expect(await again.get('ZZZZZZ')).toBeUndefined();
    expect((await again.students('ABCDEF')).map((s) => s.id)).toEqual(['a1', 'b2']);
    expect(await again.studentByToken('ABCDEF', 'token-b2')).toEqual(student('b2', '2026-12-01T10:02:00.000Z'));
    expect(await again.studentByToken('ABCDEF', 'token-c3')).toBeUndefined();
    await again.close();
  });

  it('commits each event exactly once: resends ignored, gaps never skipped, order kept', async () => {
    const { store, reopen } = await open();
    await store.create(assignment);
    await store.addStudents([
      { code: 'ABCDEF', student: student('a1') },
      { code: 'ABCDEF', student: student('b2') },
    ]);
    const reason = ev(2, { type: 'reason', decision: 'funding', option: 'patch', text: 'Ünïcode “quotes” 🙂' });
    const moved = ev(3, { type: 'moved', path: ['patch'] });
    expect(
      await store.record([
        { code: 'ABCDEF', student: 'a1', events: [reason, chose(1)] },
        // The same student again in one batch: it continues from the first submission.
        { code: 'ABCDEF', student: 'a1', events: [chose(1), reason, moved, ev(5, { type: 'moved', path: [] })] },
        { code: 'ABCDEF', student: 'b2', events: [chose(2, 'delay')] },
        { code: 'ABCDEF', student: 'nobody', events: [chose(1)] },
      ]),
    ).toEqual([{ from: 0, acked: 2 }, { from: 2, acked: 3 }, { from: 0, acked: 0 }, undefined]);
    expect(await store.record([{ code: 'ABCDEF', student: 'a1', events: [chose(1), reason, moved] }])).toEqual([
      { from: 3, acked: 3 },
    ]);
    await store.close();
    const again = await reopen();
    expect(await again.events('ABCDEF')).toEqual([
      { student: 'a1', ...chose(1) },
      { student: 'a1', ...reason },
      { student: 'a1', ...moved },
    ]);
    expect((await again.studentByToken('ABCDEF', 'token-a1'))?.acked).toBe(3);
    expect(await again.lastPath('ABCDEF', 'a1')).toEqual(['patch']);
    expect(await again.lastPath('ABCDEF', 'b2')).toEqual([]);
    await again.close();
  });

  it('commits a submission taken by two processes at once only once', async () => {
    const { store, reopen } = await open();
    const other = await reopen();
    await store.create(assignment);
    await store.addStudents([{ code: 'ABCDEF', student: student('a1') }]);
    const events = [1, 2, 3, 4, 5, 6].map((seq) => chose(seq));
    const results = await Promise.all(
      [store, other, store, other].map((s, i) =>
        s.record([{ code: 'ABCDEF', student: 'a1', events: events.slice(0, 3 + i) }]),
      ),
    );
    const added = results.flat().reduce((n, r) => n + (r!.acked - r!.from), 0);
    expect(added).toBe(6);
    expect((await store.events('ABCDEF')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    await other.close();
    await store.close();
  });

  it('deletes an assignment with its students and events, and purges the expired ones', async () => {
    const { store } = await open();
    await store.create(assignment);
    await store.create({ ...assignment, code: 'GHJKMN', expiresAt: '2026-12-02T00:00:00.000Z' });
    await store.addStudents([
      { code: 'ABCDEF', student: student('a1') },
      { code: 'GHJKMN', student: student('b2') },
    ]);
    await store.record([{ code: 'ABCDEF', student: 'a1', events: [chose(1)] }]);
    expect(await store.delete('ABCDEF')).toBe(true);
    expect(await store.delete('ABCDEF')).toBe(false);
    expect(await store.get('ABCDEF')).toBeUndefined();
    expect(await store.students('ABCDEF')).toEqual([]);
    expect(await store.events('ABCDEF')).toEqual([]);
    expect(await store.record([{ code: 'ABCDEF', student: 'a1', events: [chose(2)] }])).toEqual([undefined]);
    expect(await store.purgeExpired('2026-12-01T23:00:00.000Z')).toEqual([]);
    expect(await store.purgeExpired('2026-12-03T00:00:00.000Z')).toEqual(['GHJKMN']);
    expect(await store.students('GHJKMN')).toEqual([]);
    await store.close();
  });

  it("purges the workshop's rooms created before the retention period", async () => {
    const { store, rooms } = await open();
    const workshop = await rooms();
    const created = (code: string, at: number): RoomEvent => ({
      type: 'created',
      at,
      code,
      scenarioId: 'workshop-small',
      secretHash: 'h',
    });
    const joined: RoomEvent = { type: 'joined', at: 5000, participant: 'p1', nickname: 'Bo', tokenHash: 't' };
    await workshop.append([
      { room: 'OLDOLD', seq: 1, event: created('OLDOLD', 1000) },
      { room: 'OLDOLD', seq: 2, event: joined },
      { room: 'NEWNEW', seq: 1, event: created('NEWNEW', 9000) },
    ]);
    expect(await store.purgeRoomsCreatedBefore(2000)).toBe(1);
    expect(await workshop.load('OLDOLD')).toBeUndefined();
    expect(await workshop.load('NEWNEW')).toHaveLength(1);
    await workshop.close();
    await store.close();
  });
}
