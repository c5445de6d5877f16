/**
 * `npm run bench:cluster`: the several-process layout under load, on this machine, over real
 * WebSocket connections on 127.0.0.1: three server processes (src/server/main.ts) with PostgreSQL,
 * Redis and nginx (deploy/nginx-branchpoint.conf), started by src/server/local-cluster.ts.
 * 100 rooms of 50 participants (5,000); the crowd runs in its own process (bench/workshop-crowd.ts),
 * the facilitators and projectors here; every participant votes once at a random moment of a
 * WINDOW_MS window.
 * - vote-to-projector latency p50/p95/p99 (as bench:workshop measures it), memory per participant
 *   (the growth of the three processes' resident memory over the participants), votes lost;
 * - the same with the process holding the most rooms SIGKILLed halfway through a vote (it is not
 *   started again: its rooms move to the other two): votes lost, and how long until each of its
 *   rooms answers its facilitator again.
 * Beside it, in the same run and on the same load: the single-process SQLite server, and bare
 * Socket.IO with the Redis streams adapter (three bench/workshop-bare-server.ts behind nginx).
 *
 * `npm run bench:cluster -- 20` runs 20 rooms instead of 100. Ends with one line of JSON holding
 * every figure and a `pass` object (each goal's name to true or false).
 */
import { cpus, loadavg } from 'node:os';
import { startCluster, type LocalCluster } from '../src/server/local-cluster.ts';
import { freePort, startServerProcess, tempSite } from '../tests/server/harness.ts';
import { ms, table, type Row } from './report.ts';
import { Crowd, openRoom, round, rssKb, sleep, stats, type Staff } from './workshop-rounds.ts';

const ROOMS = Number(process.argv[2] ?? 100);
const PER_ROOM = 50;
const PROCESSES = 3;
const WINDOW_MS = 10_000;
const GOALS = { p95Ms: 100, lost: 0 };

type Latency = ReturnType<typeof stats>;

interface Measured {
  participants: number;
  joinMs: number;
  latencyMs: Latency;
  /** Vote to acknowledgement: the part of the latency before the projector is told. */
  ackMs: Latency;
  lost: number;
  acknowledged: number;
  memoryPerParticipantKB: number;
  rssAfterMB: number;
  kill?: {
    rooms: number;
    latencyMs: Latency;
    acknowledged: number;
    unacknowledged: number;
    retried: number;
    rejoins: number;
    lost: number;
    answersAgainMs: { p50: number; max: number };
  };
}

const rssOf = (pids: number[]) => pids.reduce((sum, pid) => sum + rssKb(pid), 0);

/** The process a balancer sends this room's connections to. */
async function pidFor(url: string, code: string): Promise<number> {
  return ((await (await fetch(`${url}/healthz?room=${code}`)).json()) as { pid: number }).pid;
}

/** Opens the rooms, joins the crowd, runs a clean round and, when asked, a round with a process killed. */
async function measure(
  url: string,
  pids: () => number[],
  options: { affinity: boolean; bare?: boolean; kill?: (pid: number) => Promise<void> },
): Promise<Measured> {
  const rooms: Staff[] = [];
  for (let i = 0; i < ROOMS; i++) rooms.push(await openRoom(url, options.affinity, `127.0.0.${2 + (i % 200)}`));
  await sleep(500);
  const before = rssOf(pids());
  const crowd = new Crowd();
  try {
    const joined = await crowd.send(
      { cmd: 'join', url, rooms: rooms.map((r) => ({ code: r.code, participants: PER_ROOM })) },
      'joined',
    );
    const clean = await round(rooms, crowd, 1, { bare: options.bare ?? false, windowMs: WINDOW_MS });
    const after = rssOf(pids());
    const total = ROOMS * PER_ROOM;
    const result: Measured = {
      participants: total,
      joinMs: Math.round(joined.ms),
      latencyMs: stats(clean.latencies),
      ackMs: stats(clean.ackLatencies),
      lost: clean.lost,
      acknowledged: clean.acknowledged,
      memoryPerParticipantKB: Math.round(((after - before) / total) * 10) / 10,
      rssAfterMB: Math.round(after / 1024),
    };
    if (options.kill) {
      let answers: number[] = [];
      let affected = 0;
      const killed = await round(rooms, crowd, 2, {
        checkOnly: true,
        windowMs: WINDOW_MS,
        during: async () => {
          // The process holding the most rooms dies; each of its rooms is timed until it answers again.
          const holders = await Promise.all(rooms.map((r) => pidFor(url, r.code)));
          const counts = new Map<number, number>();
          for (const pid of holders) counts.set(pid, (counts.get(pid) ?? 0) + 1);
          const victim = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
          const mine = rooms.filter((_, i) => holders[i] === victim);
          affected = mine.length;
          const killedAt = performance.now();
          await options.kill!(victim);
          answers = await Promise.all(mine.map((staff) => answersAgain(staff, killedAt)));
        },
      });
      result.kill = {
        rooms: affected,
        latencyMs: stats(killed.latencies),
        acknowledged: killed.acknowledged,
        unacknowledged: killed.unacknowledged,
        retried: killed.retried,
        rejoins: killed.rejoins,
        lost: killed.lost,
        answersAgainMs: { p50: stats(answers).p50, max: Math.max(...answers) },
      };
    }
    return result;
  } finally {
    await crowd.close();
    for (const staff of rooms) {
      staff.facilitator.close();
      staff.presenter.close();
    }
  }
}

/** Milliseconds from the kill until the room's facilitator gets an answer to a request again. */
async function answersAgain(staff: Staff, since: number): Promise<number> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const ack = await staff.facilitator.socket.timeout(1000).emitWithAck('record', { v: 1, format: 'json' });
      if (ack.ok) return Math.round(performance.now() - since);
    } catch {
      // no answer yet
    }
    await sleep(100);
  }
  throw new Error(`room ${staff.code} did not answer again within a minute`);
}

async function main() {
  // Every simulated phone comes from 127.0.0.1: the per-address limit on new participants (against
  // ballot stuffing) is raised as for a school behind one proxy (as bench:workshop does).
  process.env.BRANCHPOINT_NEW_PARTICIPANTS_PER_ADDRESS ??= '100000';
  // A join that timed out on the loaded machine is sent again from the same socket: let it.
  process.env.BRANCHPOINT_NEW_PARTICIPANTS_PER_SOCKET ??= '100';
  const started = new Date();
  const site = tempSite();
  console.log(
    `bench:cluster: ${ROOMS} rooms x ${PER_ROOM} participants, votes spread over ${WINDOW_MS / 1000} s; ${PROCESSES} processes + PostgreSQL + Redis + nginx.`,
  );
  console.log(
    `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the start.\n`,
  );
  const figures: Record<string, Measured> = {};
  let cluster: LocalCluster | undefined;
  try {
    cluster = await startCluster({ processes: PROCESSES, dist: site.dist });
    const running = cluster;
    figures.cluster = await measure(running.url, () => running.servers.filter((s) => s.alive()).map((s) => s.pid()!), {
      affinity: true,
      kill: async (pid) => running.servers.find((s) => s.pid() === pid)!.kill('SIGKILL'),
    });
    await running.stop();
    cluster = undefined;

    const port = await freePort();
    const single = await startServerProcess(port, site.database, site.dist);
    try {
      figures.singleSqlite = await measure(single.url, () => [single.pid], { affinity: false });
    } finally {
      await single.kill('SIGTERM');
    }

    cluster = await startCluster({ processes: PROCESSES, dist: site.dist, entry: 'bench/workshop-bare-server.ts' });
    const bare = cluster;
    figures.bareRedis = await measure(bare.url, () => bare.servers.map((s) => s.pid()!), {
      affinity: true,
      bare: true,
    });
  } finally {
    await cluster?.stop();
    site.remove();
  }
  report(figures, started);
  process.exit(0);
}

function report(figures: Record<string, Measured>, started: Date) {
  const { cluster, singleSqlite, bareRedis } = figures as Record<string, Measured>;
  const kill = cluster!.kill!;
  const pass = {
    'p95 < 100 ms (3 processes)': cluster!.latencyMs.p95 < GOALS.p95Ms,
    '0 acknowledged votes lost (3 processes)': cluster!.lost === GOALS.lost,
    'p95 < 100 ms (3 processes, one SIGKILLed)': kill.latencyMs.p95 < GOALS.p95Ms,
    '0 acknowledged votes lost (3 processes, one SIGKILLed)': kill.lost === GOALS.lost,
  };
  const rows: Row[] = [];
  const label = `${ROOMS} rooms x ${PER_ROOM}`;
  for (const p of ['p50', 'p95', 'p99'] as const)
    rows.push({
      figure: `${label}: vote -> projector ${p}`,
      ours: ms(cluster!.latencyMs[p]),
      baseline: `1 process SQLite ${ms(singleSqlite!.latencyMs[p])}; bare Socket.IO + Redis ${ms(bareRedis!.latencyMs[p])}`,
      ratio: '',
      goal: p === 'p95' ? `< ${GOALS.p95Ms} ms` : '',
      ...(p === 'p95' ? { pass: pass['p95 < 100 ms (3 processes)'] } : {}),
    });
  rows.push({
    figure: `${label}: vote -> acknowledgement p50 / p95`,
    ours: `${ms(cluster!.ackMs.p50)} / ${ms(cluster!.ackMs.p95)}`,
    baseline: `1 process SQLite ${ms(singleSqlite!.ackMs.p50)} / ${ms(singleSqlite!.ackMs.p95)}; bare ${ms(bareRedis!.ackMs.p50)} / ${ms(bareRedis!.ackMs.p95)}`,
    ratio: '',
    goal: '',
  });
  rows.push({
    figure: `${label}: memory per participant (all processes)`,
    ours: `${cluster!.memoryPerParticipantKB} KB`,
    baseline: `1 process SQLite ${singleSqlite!.memoryPerParticipantKB} KB; bare Socket.IO + Redis ${bareRedis!.memoryPerParticipantKB} KB`,
    ratio: '',
    goal: '',
  });
  rows.push({
    figure: `${label}: votes lost`,
    ours: `${cluster!.lost} of ${cluster!.acknowledged} acknowledged`,
    baseline: `1 process SQLite ${singleSqlite!.lost} of ${singleSqlite!.acknowledged}`,
    ratio: '',
    goal: '0',
    pass: pass['0 acknowledged votes lost (3 processes)'],
  });
  for (const p of ['p50', 'p95', 'p99'] as const)
    rows.push({
      figure: `one process SIGKILLed mid-vote: vote -> projector ${p}`,
      ours: ms(kill.latencyMs[p]),
      baseline: '',
      ratio: '',
      goal: p === 'p95' ? `< ${GOALS.p95Ms} ms` : '',
      ...(p === 'p95' ? { pass: pass['p95 < 100 ms (3 processes, one SIGKILLed)'] } : {}),
    });
  rows.push({
    figure: 'one process SIGKILLed mid-vote: votes lost',
    ours: `${kill.lost} of ${kill.acknowledged} acknowledged`,
    baseline: '',
    ratio: '',
    goal: '0',
    pass: pass['0 acknowledged votes lost (3 processes, one SIGKILLed)'],
  });
  rows.push({
    figure: `one process SIGKILLed: its ${kill.rooms} rooms answer again after`,
    ours: `p50 ${ms(kill.answersAgainMs.p50)}, max ${ms(kill.answersAgainMs.max)}`,
    baseline: '',
    ratio: '',
    goal: '',
  });
  console.log(table(rows));
  console.log(
    `\nKill round: ${kill.rejoins} participants joined again, ${kill.retried} sent their vote again, ${kill.unacknowledged} never acknowledged.`,
  );
  console.log(`Load average ${loadavg()[0]!.toFixed(1)} at the end.`);
  console.log(
    JSON.stringify({
      bench: 'cluster',
      date: started.toISOString(),
      node: process.version,
      cores: cpus().length,
      loadAverageEnd: loadavg()[0],
      rooms: ROOMS,
      perRoom: PER_ROOM,
      processes: PROCESSES,
      voteWindowMs: WINDOW_MS,
      goals: GOALS,
      ...figures,
      pass,
    }),
  );
}

await main();
