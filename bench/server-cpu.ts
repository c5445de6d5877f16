/**
 * `npx tsx bench/server-cpu.ts [rooms]`: the server CPU time (from /proc) one process with
 * PostgreSQL and Redis spends per vote, per phone when a vote opens, on a reveal and an advance,
 * and per phone joining again with its token, over three rounds of `rooms` × 50 phones (20 by
 * default). For finding where bench:cluster's server time goes; no goal. NOREDIS=1: without Redis.
 */
import { startPostgres, startRedis, freePort } from '../src/server/local-engines.ts';
import { serverProcess } from '../src/server/local-cluster.ts';
import { TestClient, tempSite, control } from '../tests/server/harness.ts';
import { cpuMsOf } from './cpu.ts';
import { openRoom, optionsOf, sleep, type Staff } from './workshop-rounds.ts';

const ROOMS = Number(process.argv[2] ?? 20);
const PER_ROOM = 50;
const PHONES = ROOMS * PER_ROOM;
/** Joins with a token sent at once, as a class's phones come back. */
const REJOIN_BATCH = 25;

interface Phone {
  client: TestClient;
  room: Staff;
}

const site = tempSite();
const postgres = await startPostgres();
const redis = process.env.NOREDIS ? undefined : await startRedis();
const server = serverProcess(await freePort(), {
  BRANCHPOINT_DATABASE_URL: postgres.url,
  ...(redis ? { BRANCHPOINT_REDIS_URL: redis.url } : {}),
  BRANCHPOINT_DIST: site.dist,
  // One address joins every phone here: the per-address and per-socket limits would refuse them.
  BRANCHPOINT_NEW_PARTICIPANTS_PER_SOCKET: '100',
  BRANCHPOINT_NEW_PARTICIPANTS_PER_ADDRESS: '100000',
});
await server.start();
const pid = server.pid()!;

/** The server's CPU ms for `work` and the updates it sends after it (`settleMs`). */
async function serverCpu(work: () => Promise<unknown>, settleMs: number): Promise<number> {
  const before = cpuMsOf([pid]);
  await work();
  await sleep(settleMs);
  return cpuMsOf([pid]) - before;
}

async function joined(room: Staff, nickname: string, token?: string): Promise<Phone> {
  const client = new TestClient(`${server.url}?room=${room.code}`);
  const ack = await client.join({ v: 1, role: 'participant', code: room.code, nickname, ...(token ? { token } : {}) });
  if (!ack.ok) throw new Error(`join: ${ack.error.message}`);
  return { client, room };
}

const everyRoom = (rooms: Staff[], type: 'open' | 'reveal' | 'advance') => async () => {
  for (const room of rooms) await control(room.facilitator, { type });
};

try {
  const rooms: Staff[] = [];
  for (let r = 0; r < ROOMS; r++) rooms.push(await openRoom(server.url, true));
  let phones: Phone[] = [];
  for (const room of rooms) for (let i = 0; i < PER_ROOM; i++) phones.push(await joined(room, `p${i}`));

  for (let round = 0; round < 3; round++) {
    const open = await serverCpu(everyRoom(rooms, 'open'), 1500);
    const votes = await serverCpu(
      () =>
        Promise.all(
          phones.map(async ({ client, room }) => {
            await sleep(Math.random() * 5000);
            const ack = await client.socket.emitWithAck('vote', { v: 1, option: optionsOf(room)[0]! });
            if (!ack.ok) throw new Error(`vote: ${ack.error.message}`);
          }),
        ),
      1000,
    );
    const reveal = await serverCpu(everyRoom(rooms, 'reveal'), 1500);
    const advance = await serverCpu(everyRoom(rooms, 'advance'), 1500);
    // Every phone's line drops; each joins again with its token (the leave is counted too).
    const left = phones.map(({ client, room }) => ({ room, token: client.token! }));
    phones.forEach(({ client }) => client.close());
    phones = [];
    const rejoin = await serverCpu(async () => {
      for (let i = 0; i < left.length; i += REJOIN_BATCH)
        phones.push(...(await Promise.all(left.slice(i, i + REJOIN_BATCH).map((p) => joined(p.room, 'x', p.token)))));
    }, 1500);
    console.log(
      `round ${round}: open ${open} ms (${((open / PHONES) * 1000).toFixed(0)} us/phone), ` +
        `votes ${votes} ms (${(votes / PHONES).toFixed(2)} ms/vote), reveal ${reveal} ms, advance ${advance} ms, ` +
        `rejoin ${rejoin} ms (${(rejoin / PHONES).toFixed(2)} ms/rejoin incl. leave)`,
    );
  }
  phones.forEach(({ client }) => client.close());
  rooms.forEach((room) => (room.facilitator.close(), room.presenter.close()));
} finally {
  await server.kill('SIGTERM');
  await redis?.stop();
  await postgres.stop();
  site.remove();
}
process.exit(0);
