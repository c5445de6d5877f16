/**
 * `npx tsx bench/server-cpu.ts [rooms]`: the server CPU time (from /proc) one process with
 * PostgreSQL and Redis spends per vote, per phone when a vote opens, on a reveal and an advance,
 * and per phone joining again with its token, over three rounds of `rooms` × 50 phones (20 by
 * default). For finding where bench:cluster's server time goes; no goal. NOREDIS=1: without Redis.
 */
import { readFileSync } from 'node:fs';
import { startPostgres, startRedis, freePort } from '../src/server/local-engines.ts';
import { serverProcess } from '../src/server/local-cluster.ts';
import { TestClient, tempSite, control } from '../tests/server/harness.ts';
import { openRoom, optionsOf } from '../bench/workshop-rounds.ts';

const ROOMS = Number(process.argv[2] ?? 20);
const PER = 50;
const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
const site = tempSite();
const pg = await startPostgres();
const redis = process.env.NOREDIS ? undefined : await startRedis();
const port = await freePort();
const server = serverProcess(port, {
  BRANCHPOINT_DATABASE_URL: pg.url,
  ...(redis ? { BRANCHPOINT_REDIS_URL: redis.url } : {}),
  BRANCHPOINT_DIST: site.dist,
  BRANCHPOINT_NEW_PARTICIPANTS_PER_SOCKET: '100',
  BRANCHPOINT_NEW_PARTICIPANTS_PER_ADDRESS: '100000',
});
await server.start();
const url = `http://127.0.0.1:${port}`;
const pid = server.pid()!;
try {
  const rooms = [];
  for (let r = 0; r < ROOMS; r++) rooms.push(await openRoom(url, true));
  const phones: Array<{ c: TestClient; room: (typeof rooms)[number] }> = [];
  for (const room of rooms)
    for (let i = 0; i < PER; i++) {
      const c = new TestClient(`${url}?room=${room.code}`);
      const ack = await c.join({ v: 1, role: 'participant', code: room.code, nickname: `p${i}` });
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      phones.push({ c, room });
    }
  for (let round = 0; round < 3; round++) {
    let before = cpuMs(pid);
    for (const room of rooms) await control(room.facilitator, { type: 'open' });
    await new Promise((r) => setTimeout(r, 1500));
    const openMs = cpuMs(pid) - before;
    before = cpuMs(pid);
    // votes spread over 5 s
    await Promise.all(
      phones.map(async ({ c, room }) => {
        await new Promise((r) => setTimeout(r, Math.random() * 5000));
        const options = optionsOf(room);
        const ack = await c.socket.emitWithAck('vote', { v: 1, option: options[0]! });
        if (!ack.ok) throw new Error(JSON.stringify(ack));
      }),
    );
    await new Promise((r) => setTimeout(r, 1000));
    const voteMs = cpuMs(pid) - before;
    before = cpuMs(pid);
    for (const room of rooms) await control(room.facilitator, { type: 'reveal' });
    await new Promise((r) => setTimeout(r, 1500));
    const revealMs = cpuMs(pid) - before;
    before = cpuMs(pid);
    for (const room of rooms) await control(room.facilitator, { type: 'advance' });
    await new Promise((r) => setTimeout(r, 1500));
    const advanceMs = cpuMs(pid) - before;
    // rejoin: drop every phone's line, join again with tokens
    before = cpuMs(pid);
    const tokens = phones.map(({ c, room }) => ({ room, token: c.token! }));
    phones.forEach(({ c }) => c.close());
    phones.length = 0;
    for (let i = 0; i < tokens.length; i += 25)
      await Promise.all(
        tokens.slice(i, i + 25).map(async ({ room, token }) => {
          const c = new TestClient(`${url}?room=${room.code}`);
          const ack = await c.join({ v: 1, role: 'participant', code: room.code, nickname: 'x', token });
          if (!ack.ok) throw new Error(JSON.stringify(ack));
          phones.push({ c, room });
        }),
      );
    await new Promise((r) => setTimeout(r, 1500));
    const rejoinMs = cpuMs(pid) - before;
    const n = ROOMS * PER;
    console.log(
      `round ${round}: open ${openMs} ms (${((openMs / n) * 1000).toFixed(0)} us/phone), votes ${voteMs} ms (${(voteMs / n).toFixed(2)} ms/vote), reveal ${revealMs} ms, advance ${advanceMs} ms, rejoin ${rejoinMs} ms (${(rejoinMs / n).toFixed(2)} ms/rejoin incl. leave)`,
    );
  }
  phones.forEach(({ c }) => c.close());
  rooms.forEach((r) => (r.facilitator.close(), r.presenter.close()));
} finally {
  await server.kill('SIGTERM');
  await redis?.stop();
  await pg.stop();
  site.remove();
}
process.exit(0);
