/**
 * Assignments on the PostgreSQL store with several processes (src/server/local-cluster.ts: two
 * server processes, a real PostgreSQL and Redis on 127.0.0.1, stopped in afterAll). The teacher
 * watches through one process while students record through the other and switch between them
 * mid-way (a reconnect landing elsewhere): every acknowledged event is committed once, the
 * teacher's live report follows commits made on the other process, the downloaded report and a
 * report opened afresh agree, and deleting erases the assignment for both processes.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type LocalCluster } from '../../src/server/local-cluster.ts';
import { ASSIGNMENT_NAMESPACE, type QueuedEvent } from '../../src/workshop/assignment-protocol.ts';
import type { AssignmentReport } from '../../src/workshop/assignment-report.ts';
import { applyDelta, tallyView, type ReportDelta, type ReportSnapshot } from '../../src/workshop/assignment-tally.ts';
import { SMALL_FOLDER, SMALL_ID } from '../workshop/helpers.ts';
import { tempSite } from './harness.ts';

const site = tempSite();
let cluster: LocalCluster;
const sockets: Socket[] = [];

beforeAll(async () => {
  cluster = await startCluster({ processes: 2, dist: site.dist, scenarios: SMALL_FOLDER });
}, 180_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await cluster?.stop();
  site.remove();
}, 60_000);

function connect(url: string): Socket {
  const socket = io(url + ASSIGNMENT_NAMESPACE, { transports: ['websocket'], forceNew: true });
  sockets.push(socket);
  return socket;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ask = (socket: Socket, event: string, payload: unknown): Promise<any> =>
  socket.timeout(10_000).emitWithAck(event, payload);
const v = 1;
const at = () => new Date().toISOString();

describe('assignments on PostgreSQL across processes', () => {
  it('records once, reports live across processes, and deletes for all', { timeout: 120_000 }, async () => {
    const [a, b] = cluster.servers as [(typeof cluster.servers)[0], (typeof cluster.servers)[0]];
    const teacher = connect(a.url);
    const { code, secret } = await ask(teacher, 'create', { v, scenarioId: SMALL_ID, askReasons: true });
    const deltas: ReportDelta[] = [];
    teacher.on('delta', (d: ReportDelta) => deltas.push(d));
    const opened = await ask(teacher, 'teacher', { v, code, secret });
    expect(opened.ok).toBe(true);
    const snapshot = opened.snapshot as ReportSnapshot;
    const live = () => {
      let tally = snapshot.tally;
      for (const d of deltas) tally = applyDelta(tally, snapshot.catalog, d).tally;
      return tallyView(tally, snapshot.catalog, 'now');
    };

    // Three students join through the other process and record; each then resends through A.
    const acked = new Map<string, number>();
    for (const nickname of ['Ada', 'Ben', 'Cy']) {
      const onB = connect(b.url);
      const joined = await ask(onB, 'student', { v, code, nickname });
      expect(joined.ok).toBe(true);
      const events: QueuedEvent[] = [
        { seq: 1, at: at(), event: { type: 'opened-source', source: 'minutes' } },
        { seq: 2, at: at(), event: { type: 'chose', decision: 'funding', option: 'patch' } },
        {
          seq: 3,
          at: at(),
          event: { type: 'reason', decision: 'funding', option: 'patch', text: `${nickname}'s reason` },
        },
        { seq: 4, at: at(), event: { type: 'moved', path: ['patch'] } },
      ];
      expect(await ask(onB, 'submit', { v, code, token: joined.token, events: events.slice(0, 2) })).toEqual({
        ok: true,
        acked: 2,
      });
      // The network drops; the page reconnects through A and sends its whole queue again, twice.
      const onA = connect(a.url);
      expect((await ask(onA, 'student', { v, code, nickname, token: joined.token })).acked).toBe(2);
      const resent = await Promise.all([
        ask(onA, 'submit', { v, code, token: joined.token, events }),
        ask(onB, 'submit', { v, code, token: joined.token, events }),
      ]);
      expect(resent.map((r) => r.acked)).toEqual([4, 4]);
      acked.set(nickname, 4);
    }

    // The teacher on A saw every commit, including those made on B.
    await expect
      .poll(() => live().students.map((s) => `${s.nickname}:${s.events}`), { timeout: 15_000 })
      .toEqual(['Ada:4', 'Ben:4', 'Cy:4']);
    const report = live();
    expect(report.decisions[0]!.options.find((o) => o.id === 'patch')!.count).toBe(3);
    expect(report.decisions[0]!.reasons.map((r) => r.text)).toEqual(["Ada's reason", "Ben's reason", "Cy's reason"]);

    // The file (read from PostgreSQL on B) and a fresh report on B say the same.
    const teacherOnB = connect(b.url);
    const file = JSON.parse(
      (await ask(teacherOnB, 'record', { v, code, secret, format: 'json' })).content,
    ) as AssignmentReport;
    expect({ ...file, generatedAt: 'now' }).toEqual(report);
    const fresh = (await ask(teacherOnB, 'teacher', { v, code, secret })).snapshot as ReportSnapshot;
    expect(tallyView(fresh.tally, fresh.catalog, 'now')).toEqual(report);

    // Deleted through A: gone for B too.
    expect(await ask(teacher, 'delete', { v, code, secret })).toEqual({ ok: true });
    const late = connect(b.url);
    expect((await ask(late, 'student', { v, code, nickname: 'Dee' })).error.code).toBe('unknown-room');
    expect((await ask(teacherOnB, 'record', { v, code, secret, format: 'json' })).ok).toBe(false);
  });
});
