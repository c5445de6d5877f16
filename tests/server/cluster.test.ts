/**
 * Three server processes behind nginx, with a real PostgreSQL and Redis (src/server/local-cluster.ts,
 * all on 127.0.0.1 in temporary folders, stopped in afterAll):
 * - one room's screens spread over the processes still see each other's changes;
 * - SIGKILL of the process that holds a room mid-vote: its pages reconnect through nginx, the room
 *   reloads from PostgreSQL on another process, no acknowledged vote is lost, the session goes on;
 * - Redis killed mid-session: votes are still acknowledged and kept, and pages join again with
 *   their tokens once it is back;
 * - two processes holding the same room: the one whose copy is behind fails its append, drops its
 *   copy, and nothing acknowledged is overwritten;
 * - an address's failed joins count once, whichever process they reach (limits in Redis).
 */
import pg from 'pg';
import { createClient } from 'redis';
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type LocalCluster, type ServerProcess } from '../../src/server/local-cluster.ts';
import type { CreateAck } from '../../src/workshop/protocol.ts';
import { SMALL_FOLDER } from '../workshop/helpers.ts';
import { control, tempSite, TestClient } from './harness.ts';

const site = tempSite();
let cluster: LocalCluster;
const clients: TestClient[] = [];
// The small fixture scenario (tests/fixtures/valid/workshop-small): its first decision's "patch"
// leads to a second decision with four options (one of them offered only after "patch").
const FIRST = 'patch';
const OPTIONS = ['sandbags', 'evacuate', 'close-gates', 'pump'];

beforeAll(async () => {
  cluster = await startCluster({ processes: 3, dist: site.dist, scenarios: SMALL_FOLDER });
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await cluster?.stop();
  site.remove();
}, 60_000);

function client(url: string): TestClient {
  const made = new TestClient(url);
  clients.push(made);
  return made;
}

/** A room created on one process; its code and secret. */
async function createRoom(server: ServerProcess | string) {
  const creator = client(typeof server === 'string' ? server : server.url);
  const created = (await creator.socket.emitWithAck('create', { v: 1, scenarioId: 'workshop-small' })) as Extract<
    CreateAck,
    { ok: true }
  >;
  if (!created.ok) throw new Error('create failed');
  creator.close();
  return { code: created.code, secret: created.secret };
}

/** The process nginx sends this room's connections to. */
async function holderOf(code: string): Promise<ServerProcess> {
  const { pid } = (await (await fetch(`${cluster.url}/healthz?room=${code}`)).json()) as { pid: number };
  const server = cluster.servers.find((s) => s.pid() === pid);
  if (!server) throw new Error(`no server process has pid ${pid}`);
  return server;
}

/** Votes and records which were acknowledged; a vote lost with a process is not. */
function voter(participants: TestClient[], acknowledged: Set<number>) {
  return async (i: number) => {
    try {
      const ack = await participants[i]!.socket.timeout(5000).emitWithAck('vote', {
        v: 1,
        option: OPTIONS[i % 4]!,
        reason: `reason ${i}`,
      });
      if (ack.ok) acknowledged.add(i);
    } catch {
      // no answer: not acknowledged, so the participant may vote again
    }
  };
}

async function firstDecision(facilitator: TestClient, participant: TestClient) {
  await control(facilitator, { type: 'open' });
  expect(await participant.socket.emitWithAck('vote', { v: 1, option: FIRST })).toMatchObject({ ok: true });
  await control(facilitator, { type: 'reveal' });
  await control(facilitator, { type: 'advance' });
  expect(await control(facilitator, { type: 'open' })).toMatchObject({ ok: true });
}

const newRedis = (url: string) => createClient({ url });
type Redis = ReturnType<typeof newRedis>;
/** The Socket.IO adapter's stream in Redis (its default name). */
const STREAM = 'socket.io';

async function lastEntry(redis: Redis): Promise<string> {
  const [last] = (await redis.xRevRange(STREAM, '+', '-', { COUNT: 1 })) ?? [];
  return last?.id ?? '0-0';
}

/** How many broadcasts to the room's sockets went into the stream after `after`. */
async function broadcastsTo(redis: Redis, code: string, after: string): Promise<number> {
  const entries = (await redis.xRange(STREAM, `(${after}`, '+')) ?? [];
  return entries.filter((e) => e.message.type === '3' && e.message.data?.includes(`"${code}`)).length;
}

// A shared, busy 2-core machine starts processes slowly: each test gets a minute.
describe('three processes behind nginx, with PostgreSQL and Redis', { timeout: 60_000 }, () => {
  it('answers /healthz and /readyz on every process, and passes the upgrade through nginx', async () => {
    for (const server of cluster.servers) {
      expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ ok: true, store: 'ok', redis: 'ok' });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    }
    const through = client(`${cluster.url}?room=ABCDEF`);
    await new Promise<void>((resolve) => through.socket.once('connect', resolve));
    expect(through.socket.io.engine.transport.name).toBe('websocket');
  });

  it("sends one room's connections to one process, and spreads rooms over the processes", async () => {
    const pids = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const code = `ROOM${String.fromCharCode(65 + i)}${String.fromCharCode(70 + i)}`;
      const first = await holderOf(code);
      expect(await holderOf(code)).toBe(first);
      pids.add(first.pid()!);
    }
    expect(pids.size).toBeGreaterThan(1);
  });

  it('carries changes between screens of one room on different processes', async () => {
    const [a, b, c] = cluster.servers as [ServerProcess, ServerProcess, ServerProcess];
    const { code, secret } = await createRoom(a);
    const facilitator = client(`${a.url}?room=${code}`);
    const presenter = client(`${b.url}?room=${code}`);
    await facilitator.join({ v: 1, role: 'facilitator', code, secret });
    await presenter.join({ v: 1, role: 'presenter', code });
    const phones = [c, b, a, c].map((s) => client(`${s.url}?room=${code}`));
    for (const [i, phone] of phones.entries())
      expect(await phone.join({ v: 1, role: 'participant', code, nickname: `S${i}` })).toMatchObject({ ok: true });

    // The facilitator's action on A reaches the phones on C and B.
    expect(await control(facilitator, { type: 'open' })).toMatchObject({ ok: true });
    for (const phone of phones)
      await phone.until(() => phone.view?.vote.phase === 'open', 'the phone to see the open vote');
    // A vote on C reaches the projector on B.
    expect(await phones[0]!.socket.emitWithAck('vote', { v: 1, option: FIRST })).toMatchObject({ ok: true });
    await presenter.until(() => presenter.tally?.voters === 1, 'the projector on B to count the vote on C');
    // And a vote on A, whose copy of the room is behind C's, is still counted after the one on C.
    expect(await phones[2]!.socket.emitWithAck('vote', { v: 1, option: FIRST })).toMatchObject({ ok: true });
    await presenter.until(() => presenter.tally?.voters === 2, 'the projector to count both votes');
    expect(await control(facilitator, { type: 'reveal' })).toMatchObject({ ok: true });
    await presenter.until(() => presenter.view?.vote.results?.total === 2, 'the results on the projector');
  });

  it("keeps a room's messages off Redis while its sockets are all on one process, and shares them when one is not", async () => {
    const { code, secret } = await createRoom(cluster.url);
    const holder = await holderOf(code);
    const other = cluster.servers.find((s) => s !== holder && s.alive())!;
    const facilitator = client(`${cluster.url}?room=${code}`);
    const presenter = client(`${cluster.url}?room=${code}`);
    await facilitator.join({ v: 1, role: 'facilitator', code, secret });
    await presenter.join({ v: 1, role: 'presenter', code });
    const phone = client(`${cluster.url}?room=${code}`);
    expect(await phone.join({ v: 1, role: 'participant', code, nickname: 'Near' })).toMatchObject({ ok: true });
    const redis = newRedis(cluster.redisUrl);
    await redis.connect();
    try {
      const mark = await lastEntry(redis);
      expect(await control(facilitator, { type: 'open' })).toMatchObject({ ok: true });
      await phone.until(() => phone.view?.vote.phase === 'open', 'the phone to see the open vote');
      // The holder asks the other processes whether they have sockets in the room; until all have
      // answered (milliseconds, longer on a loaded machine) its messages still go through Redis.
      // A vote (the same one again) until its tally stays off the stream: 10 s at most.
      let offRedis = false;
      for (let attempt = 0; attempt < 40 && !offRedis; attempt++) {
        const before = await lastEntry(redis);
        const ack = await phone.socket.emitWithAck('vote', { v: 1, option: FIRST });
        if (!ack.ok) throw new Error(ack.error.message);
        await presenter.until(() => (presenter.tally?.seq ?? 0) >= ack.seq, 'the projector to count the vote');
        offRedis = (await broadcastsTo(redis, code, before)) === 0;
        if (!offRedis) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(offRedis).toBe(true);

      // A phone of the room reaches another process (the balancer changed its mind): from then on
      // the room's messages go through Redis, and that phone is sent the views it may have missed.
      const far = client(`${other.url}?room=${code}`);
      expect(await far.join({ v: 1, role: 'participant', code, nickname: 'Far' })).toMatchObject({ ok: true });
      expect(await control(facilitator, { type: 'reveal' })).toMatchObject({ ok: true });
      await far.until(() => far.view?.vote.phase === 'revealed', 'the phone on the other process to see the results');
      expect(await broadcastsTo(redis, code, mark)).toBeGreaterThan(0);
      // And a vote on the other process reaches the projector on the holder.
      expect(await control(facilitator, { type: 'advance' })).toMatchObject({ ok: true });
      expect(await control(facilitator, { type: 'open' })).toMatchObject({ ok: true });
      await far.until(
        () => far.view?.vote.phase === 'open' && far.view.vote.round === 2,
        'the second vote on the far phone',
      );
      expect(await far.socket.emitWithAck('vote', { v: 1, option: OPTIONS[0]! })).toMatchObject({ ok: true });
      await presenter.until(
        () => presenter.tally?.round === 2 && presenter.tally.voters === 1,
        'the projector to count the far vote',
      );
    } finally {
      await redis.close();
    }
  });

  it('fences two processes holding one room: the copy that is behind fails its append and is read again', async () => {
    const [a, b] = cluster.servers as [ServerProcess, ServerProcess];
    const { code, secret } = await createRoom(a);
    const facilitator = client(`${a.url}?room=${code}`);
    await facilitator.join({ v: 1, role: 'facilitator', code, secret });
    const onA = client(`${a.url}?room=${code}`);
    await onA.join({ v: 1, role: 'participant', code, nickname: 'OnA' });
    expect(await control(facilitator, { type: 'open' })).toMatchObject({ ok: true });
    // B loads the room and writes to it: A's copy is now one event behind.
    const onB = client(`${b.url}?room=${code}`);
    await onB.join({ v: 1, role: 'participant', code, nickname: 'OnB' });
    expect(await onB.socket.emitWithAck('vote', { v: 1, option: FIRST, reason: 'from B' })).toMatchObject({
      ok: true,
    });
    const before = a.output().length;
    // A decides on its old copy; its append collides on (room, seq) with B's events.
    expect(await onA.socket.emitWithAck('vote', { v: 1, option: FIRST, reason: 'from A' })).toMatchObject({
      ok: true,
    });
    expect(a.output().slice(before)).toMatch(new RegExp(`could not write 1 event\\(s\\) for room\\(s\\) ${code}`));

    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ seq: number; type: string; reason: string | null }>(
      "SELECT seq, type, body->>'reason' AS reason FROM events WHERE room = $1 ORDER BY seq",
      [code],
    );
    await db.end();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.type === 'voted').map((r) => r.reason)).toEqual(['from B', 'from A']);
    expect(rows.filter((r) => r.type === 'joined')).toHaveLength(2);
  });

  it('loses no acknowledged vote when the process holding the room is killed mid-vote, and goes on', async () => {
    const PARTICIPANTS = 24;
    const { code, secret } = await createRoom(cluster.url);
    const url = `${cluster.url}?room=${code}`;
    const facilitator = client(url);
    const presenter = client(url);
    await facilitator.join({ v: 1, role: 'facilitator', code, secret });
    await presenter.join({ v: 1, role: 'presenter', code });
    const participants = Array.from({ length: PARTICIPANTS }, () => client(url));
    await Promise.all(participants.map((p, i) => p.join({ v: 1, role: 'participant', code, nickname: `P${i}` })));
    await firstDecision(facilitator, participants[0]!);

    const holder = await holderOf(code);
    const acknowledged = new Set<number>();
    const vote = voter(participants, acknowledged);
    const half = PARTICIPANTS / 2;
    await Promise.all(participants.slice(0, half).map((_, i) => vote(i)));
    expect(acknowledged.size).toBe(half);
    const inFlight = participants.slice(half).map((_, i) => vote(half + i));
    await holder.kill('SIGKILL');
    await Promise.all(inFlight);

    // Every page reconnects through nginx to another process and joins again with its secret or token.
    for (const screen of [facilitator, presenter, ...participants])
      await screen.until(() => screen.rejoins > 0 && screen.socket.connected, 'the page to join again', 20_000);
    const next = await holderOf(code);
    expect(next).not.toBe(holder);
    for (const i of acknowledged) {
      const ack = await participants[i]!.rejoin();
      expect(ack.ok && ack.view.role === 'participant' && ack.view.myVote).toEqual({
        option: OPTIONS[i % 4],
        reason: `reason ${i}`,
      });
    }
    for (const [i, p] of participants.entries())
      if (!acknowledged.has(i))
        expect(
          await p.socket.emitWithAck('vote', { v: 1, option: OPTIONS[i % 4]!, reason: `reason ${i}` }),
        ).toMatchObject({ ok: true });
    expect(await control(facilitator, { type: 'reveal' })).toMatchObject({ ok: true });
    await presenter.until(() => presenter.view?.vote.results?.total === PARTICIPANTS, 'all votes in the results');
    expect(await control(facilitator, { type: 'advance', option: 'pump', reason: 'tied' })).toMatchObject({
      ok: true,
    });
  });

  it('keeps every vote acknowledged while Redis is down, and pages join again with their tokens after', async () => {
    const PARTICIPANTS = 12;
    const { code, secret } = await createRoom(cluster.url);
    const url = `${cluster.url}?room=${code}`;
    const facilitator = client(url);
    const presenter = client(url);
    await facilitator.join({ v: 1, role: 'facilitator', code, secret });
    await presenter.join({ v: 1, role: 'presenter', code });
    const participants = Array.from({ length: PARTICIPANTS }, () => client(url));
    await Promise.all(participants.map((p, i) => p.join({ v: 1, role: 'participant', code, nickname: `R${i}` })));
    await firstDecision(facilitator, participants[0]!);
    const tokens = participants.map((p) => p.token);

    const acknowledged = new Set<number>();
    const vote = voter(participants, acknowledged);
    await Promise.all(participants.slice(0, 4).map((_, i) => vote(i)));
    await cluster.redis.kill();
    // Votes during the outage are committed to PostgreSQL and acknowledged.
    await Promise.all(participants.slice(4, 8).map((_, i) => vote(4 + i)));
    expect([...acknowledged].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The projector is on the same process (room affinity): it keeps counting without Redis.
    await presenter.until(() => presenter.tally?.voters === 8, 'the projector to count votes during the outage');
    const holder = await holderOf(code);
    expect((await fetch(`${holder.url}/readyz`)).status).toBe(503);

    await cluster.redis.restart();
    for (let i = 0; i < 100 && (await fetch(`${holder.url}/readyz`)).status !== 200; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${holder.url}/readyz`)).status).toBe(200);
    await Promise.all(participants.slice(8).map((_, i) => vote(8 + i)));
    expect(acknowledged.size).toBe(PARTICIPANTS);

    // Every page's connection drops and comes back: each is in its role again, with its vote.
    for (const screen of [facilitator, presenter, ...participants]) screen.socket.io.engine.close();
    for (const screen of [facilitator, presenter, ...participants])
      await screen.until(() => screen.socket.connected, 'the page to reconnect', 20_000);
    for (const [i, p] of participants.entries()) {
      expect(p.token).toBe(tokens[i]);
      const ack = await p.rejoin();
      expect(ack.ok && ack.view.role === 'participant' && ack.view.myVote).toEqual({
        option: OPTIONS[i % 4],
        reason: `reason ${i}`,
      });
    }
    expect(await control(facilitator, { type: 'reveal' })).toMatchObject({ ok: true });
    await presenter.until(() => presenter.view?.vote.results?.total === PARTICIPANTS, 'all votes in the results');
  });

  it("counts an address's failed joins once, whichever process they reach", async () => {
    // From an address of its own (127.0.0.77), so the other tests' budget is untouched.
    // The processes still running (one was killed above): the joins alternate between them.
    const sockets = cluster.servers
      .filter((server) => server.alive())
      .map((server) =>
        io(server.url, { transports: ['websocket'], localAddress: '127.0.0.77' } as Partial<
          ManagerOptions & SocketOptions
        >),
      );
    const answers: string[] = [];
    try {
      // 21 joins to a room that does not exist, spread over the processes: the limit is 20 a minute.
      expect(sockets.length).toBeGreaterThan(1);
      for (let i = 0; i < 21; i++) {
        const ack = await sockets[i % sockets.length]!.timeout(10_000).emitWithAck('join', {
          v: 1,
          role: 'presenter',
          code: 'ZZZZZZ',
        });
        answers.push(ack.ok ? 'ok' : ack.error.code);
      }
    } finally {
      for (const socket of sockets) socket.close();
    }
    expect(answers.filter((a) => a === 'unknown-room')).toHaveLength(20);
    expect(answers.at(-1)).toBe('rate-limited');
  });
});
