/**
 * Assignments through the real server over real sockets, with the SQLite file on disk: a teacher
 * creates one, students record events (resent, out of order, after a reconnect), the report follows
 * live; students cannot read the report or write as another; bad messages are refused; deleting
 * erases everything from the database file; expired assignments are purged at start.
 */
import { readFileSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteAssignmentStore } from '../../src/server/assignments-store-sqlite.ts';
import { loadRoomScenarios } from '../../src/server/scenarios.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { openSqliteStore } from '../../src/server/store-sqlite.ts';
import {
  ASSIGNMENT_NAMESPACE,
  ASSIGNMENT_PROTOCOL_VERSION as v,
  type QueuedEvent,
  type StudentEventBody,
} from '../../src/workshop/assignment-protocol.ts';
import type { AssignmentReport } from '../../src/workshop/assignment-report.ts';
import { applyDelta, tallyView, type ReportDelta, type ReportSnapshot } from '../../src/workshop/assignment-tally.ts';
import { SMALL_FOLDER, SMALL_ID } from '../workshop/helpers.ts';
import { tempSite } from './harness.ts';

const scenarios = loadRoomScenarios(SMALL_FOLDER);
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

async function start(
  database: string,
  retentionDays = 30,
): Promise<{ server: RunningServer; url: string; log: string[] }> {
  const log: string[] = [];
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dist: tempSite().dist,
    scenarios,
    store: openSqliteStore(database),
    assignments: { store: openSqliteAssignmentStore(database), retentionDays },
    log: (line) => log.push(line),
  });
  stops.push(async () => {
    if (server.http.listening) await server.close();
  });
  return { server, url: `http://127.0.0.1:${server.port}`, log };
}

function connect(url: string): Socket {
  const socket = io(url + ASSIGNMENT_NAMESPACE, { transports: ['websocket'], forceNew: true });
  stops.push(async () => void socket.disconnect());
  return socket;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ask = (socket: Socket, event: string, payload: unknown): Promise<any> =>
  socket.timeout(5000).emitWithAck(event, payload);
const at = () => new Date().toISOString();
const ev = (seq: number, event: StudentEventBody): QueuedEvent => ({ seq, at: at(), event });

describe('assignments over sockets', () => {
  it('records students exactly once, keeps the report live, and deletes everything', async () => {
    const site = tempSite();
    stops.push(async () => site.remove());
    const { url, log } = await start(site.database);
    const teacher = connect(url);
    const created = await ask(teacher, 'create', { v, scenarioId: SMALL_ID, askReasons: true });
    expect(created.ok).toBe(true);
    expect(created.code).toMatch(/^[23456789A-Z]{6}$/);
    expect(created.urls[0]).toBe(`${url}/?assignment=${created.code}`);
    const { code, secret } = created;

    // The teacher's page: the tally from the answer, then each pushed delta folded in.
    const deltas: ReportDelta[] = [];
    teacher.on('delta', (d: ReportDelta) => deltas.push(d));
    const opened = await ask(teacher, 'teacher', { v, code, secret });
    expect(opened.ok).toBe(true);
    const snapshot = opened.snapshot as ReportSnapshot;
    expect(snapshot.tally.started).toBe(0);
    expect(snapshot.layout.nodes.map((n) => n.id)).toContain('funding');
    const live = () => {
      let tally = snapshot.tally;
      for (const d of deltas) {
        const folded = applyDelta(tally, snapshot.catalog, d);
        expect(folded.gap).toBe(false);
        tally = folded.tally;
      }
      return tallyView(tally, snapshot.catalog, at());
    };

    const ada = connect(url);
    const joined = await ask(ada, 'student', { v, code, nickname: '  Ada <b>  ' });
    expect(joined).toMatchObject({ ok: true, acked: 0, path: [], assignment: { code, askReasons: true } });
    const token = joined.token as string;
    const events = [
      ev(1, { type: 'opened-source', source: 'minutes' }),
      ev(2, { type: 'chose', decision: 'funding', option: 'rebuild' }),
      ev(3, { type: 'reason', decision: 'funding', option: 'rebuild', text: 'Safer for 2030' }),
      ev(4, { type: 'moved', path: ['rebuild'] }),
    ];
    // Sent out of order and twice over: each event is committed once.
    expect(await ask(ada, 'submit', { v, code, token, events: [events[1], events[0]] })).toEqual({
      ok: true,
      acked: 2,
    });
    expect(await ask(ada, 'submit', { v, code, token, events })).toEqual({ ok: true, acked: 4 });
    expect(await ask(ada, 'submit', { v, code, token, events })).toEqual({ ok: true, acked: 4 });
    // A gap is not skipped.
    expect(await ask(ada, 'submit', { v, code, token, events: [ev(6, { type: 'moved', path: [] })] })).toEqual({
      ok: true,
      acked: 4,
    });

    await expect.poll(() => live().decisions[0]?.options.find((o) => o.id === 'rebuild')?.count).toBe(1);
    const report = live();
    expect(report.started).toBe(1);
    expect(report.students[0]).toMatchObject({
      nickname: 'Ada <b>',
      events: 4,
      path: [{ decision: 'funding', option: 'rebuild' }],
    });
    expect(report.decisions[0]!.reasons[0]!.text).toBe('Safer for 2030');
    // Small pushes: only what each commit added, never the whole report; and nothing twice.
    expect(deltas.flatMap((d) => d.events).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(deltas.flatMap((d) => d.students).map((s) => s.nickname)).toEqual(['Ada <b>']);
    // A teacher opening the report now gets the same from the database.
    const reopened = (await ask(connect(url), 'teacher', { v, code, secret })).snapshot as ReportSnapshot;
    expect({ ...tallyView(reopened.tally, reopened.catalog, 'now'), generatedAt: '' }).toEqual({
      ...report,
      generatedAt: '',
    });
    expect(JSON.stringify(reopened)).not.toMatch(/tokenHash|secret/i);

    // Coming back with the token: the same student, where they were.
    const again = connect(url);
    expect(await ask(again, 'student', { v, code, nickname: 'Ada', token })).toMatchObject({
      ok: true,
      token,
      acked: 4,
      path: ['rebuild'],
    });

    // A student cannot read the report or the files, nor write with a made-up token.
    const forged = 'A'.repeat(22);
    expect((await ask(ada, 'teacher', { v, code, secret: token })).error.code).toBe('not-allowed');
    expect((await ask(ada, 'record', { v, code, secret: forged, format: 'json' })).error.code).toBe('not-allowed');
    expect((await ask(ada, 'delete', { v, code, secret: token })).error.code).toBe('not-allowed');
    expect((await ask(ada, 'submit', { v, code, token: forged, events })).error.code).toBe('not-allowed');

    // Bad input is refused with the field named, and does not reach the log.
    const bad = await ask(ada, 'submit', {
      v,
      code,
      token,
      events: [{ seq: 5, at: at(), event: { type: 'chose', decision: 'x y', option: 'a' } }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(bad.error.message).toMatch(/^events\.0\.event\.decision/);
    expect((await ask(ada, 'submit', { v: 99, code, token, events })).error.code).toBe('version');
    expect((await ask(ada, 'student', { v, code, nickname: '   ' })).error.code).toBe('invalid-message');
    expect((await ask(ada, 'steal', { v })).error.code).toBe('invalid-message');
    const huge = await ask(ada, 'submit', {
      v,
      code,
      token,
      events: [ev(5, { type: 'reason', decision: 'funding', option: 'rebuild', text: 'x'.repeat(13_000) })],
    });
    expect(huge.error.code).toBe('too-large');
    expect(log.join('\n')).not.toContain('Safer');
    expect(log.join('\n')).not.toContain('Ada');

    // The files, from the teacher's secret.
    const md = await ask(teacher, 'record', { v, code, secret, format: 'markdown' });
    expect(md.content).toContain('Safer for 2030');
    const csv = await ask(teacher, 'record', { v, code, secret, format: 'csv' });
    expect(csv.content).toContain('funding');
    const json = JSON.parse(
      (await ask(teacher, 'record', { v, code, secret, format: 'json' })).content,
    ) as AssignmentReport;
    expect(json.students).toHaveLength(1);

    // The secret is not in the database; deleting leaves nothing of the students in the file.
    const file = () => readFileSync(site.database).toString('latin1') + readWal(site.database);
    expect(file()).toContain('Safer for 2030');
    expect(file()).not.toContain(secret);
    expect(file()).not.toContain(token);
    expect(await ask(teacher, 'delete', { v, code, secret })).toEqual({ ok: true });
    expect(file()).not.toContain('Safer for 2030');
    expect(file()).not.toContain('Ada <b>');
    expect((await ask(again, 'student', { v, code, nickname: 'Ada', token })).error.code).toBe('unknown-room');
  });

  it('limits how many assignments one address creates', async () => {
    const site = tempSite();
    stops.push(async () => site.remove());
    const { url } = await start(site.database);
    const teacher = connect(url);
    const answers = [];
    for (let i = 0; i < 22; i++)
      answers.push(await ask(teacher, 'create', { v, scenarioId: SMALL_ID, askReasons: false }));
    expect(answers.filter((a) => a.ok)).toHaveLength(20);
    expect(answers.at(-1).error.code).toBe('rate-limited');
  });

  it('purges assignments past the retention period when the server starts', async () => {
    const site = tempSite();
    stops.push(async () => site.remove());
    // A retention of about a millisecond: everything created is already expired at the next start.
    const first = await start(site.database, 1e-8);
    const teacher = connect(first.url);
    const { code, secret } = await ask(teacher, 'create', { v, scenarioId: SMALL_ID, askReasons: false });
    const student = connect(first.url);
    expect((await ask(student, 'student', { v, code, nickname: 'Forgotten' })).ok).toBe(true);
    teacher.disconnect();
    student.disconnect();
    await first.server.close();
    await new Promise((r) => setTimeout(r, 20));
    const second = await start(site.database, 1e-8);
    expect(second.log.join('\n')).toMatch(/purged 1 assignment/);
    const back = connect(second.url);
    expect((await ask(back, 'teacher', { v, code, secret })).error.code).toBe('not-allowed');
    expect(readFileSync(site.database).toString('latin1') + readWal(site.database)).not.toContain('Forgotten');
  });
});

function readWal(database: string): string {
  try {
    return readFileSync(`${database}-wal`).toString('latin1');
  } catch {
    return '';
  }
}
