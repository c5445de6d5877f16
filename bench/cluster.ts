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
import { appendFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster, type LocalCluster } from '../src/server/local-cluster.ts';
import { freePort, startServerProcess, tempSite } from '../tests/server/harness.ts';
import { CpuMeter, type CpuFigures, type Part } from './cpu-meter.ts';
import { ms, table, type Row } from './report.ts';
import { Crowd, openRoom, round, rssKb, sleep, stats, type Staff, type Tap } from './workshop-rounds.ts';

const ROOMS = Number(process.argv[2] ?? 100);
const PER_ROOM = 50;
const PROCESSES = 3;
const WINDOW_MS = 10_000;
/** Processes the simulated phones are spread over (BENCH_CROWD_PROCESSES). */
const CROWD_PROCESSES = Number(process.env.BENCH_CROWD_PROCESSES ?? 2);
/**
 * Phones connecting or joining at once, per crowd process, as classes arrive. More only queue at
 * the servers: a join's wait is the queue's length over the servers' rate, and on a loaded
 * machine 100 per process made waits of a minute.
 */
const JOIN_CONCURRENCY = 25;
/** Rooms being created at once. */
const OPEN_CONCURRENCY = 10;
/**
 * Bounds, so that the bench always ends with its figures: the joins of one layout, and the whole
 * run (about 3 minutes on a quiet 2-core machine; far longer when other work holds the cores).
 */
const JOIN_TIMEOUT_MS = 6 * 60_000;
const BENCH_TIMEOUT_MS = 25 * 60_000;
const GOALS = { p95Ms: 100, lost: 0 };
/** The layouts to run (BENCH_PHASES=cluster,singleSqlite,bareRedis; all by default). */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'cluster,singleSqlite,bareRedis').split(','));
/** Every line the server processes print, for finding out why one failed. */
const SERVER_LOG = join(tmpdir(), 'branchpoint-bench-cluster-servers.log');
const serverLine = (phase: string) => (server: number, line: string) =>
  appendFileSync(SERVER_LOG, `${phase} [${server + 1}] ${line}\n`);

/** Says at once when a server process dies that the bench did not kill. */
function watchServers(servers: LocalCluster['servers'], expected: () => number | undefined): () => void {
  const reported = new Set<number>();
  const timer = setInterval(() => {
    servers.forEach((server, i) => {
      if (server.alive() || reported.has(i) || server.pid() === undefined) return;
      reported.add(i);
      if (expected() === i) return;
      const tail = server.output().trim().split('\n').slice(-15).join('\n  ');
      console.log(`server process ${i + 1} died unexpectedly; its last lines:\n  ${tail}`);
    });
  }, 1000);
  return () => clearInterval(timer);
}

type Latency = ReturnType<typeof stats>;

/**
 * Tap to projector, as the goal counts it: every acknowledged vote, timed from the participant's
 * tap (a wait for the phone to reconnect and join again, and a vote sent again, included), split
 * into the killed process's rooms and the others, and in its rooms the votes tapped after the kill.
 */
interface TapFigures {
  all: Latency;
  killedRooms?: Latency;
  killedRoomsAfterKill?: Latency;
  /** Those votes' tap to projector in parts: waiting to be joined again, send to ack, ack to projector. */
  killedRoomsAfterKillParts?: { wait: Latency; ack: Latency; toProjector: Latency };
  otherRooms?: Latency;
}

function tapFigures(taps: Tap[], killedRooms?: Set<string>, killedAt?: number): TapFigures {
  if (!killedRooms) return { all: stats(taps.map((t) => t.ms)) };
  const mine = taps.filter((t) => killedRooms.has(t.room));
  const after = mine.filter((t) => t.tapped >= killedAt!);
  return {
    killedRoomsAfterKillParts: {
      wait: stats(after.map((t) => t.waitMs)),
      ack: stats(after.map((t) => t.ackMs)),
      toProjector: stats(after.map((t) => t.ms - t.waitMs - t.ackMs)),
    },
    all: stats(taps.map((t) => t.ms)),
    killedRooms: stats(mine.map((t) => t.ms)),
    killedRoomsAfterKill: stats(mine.filter((t) => t.tapped >= killedAt!).map((t) => t.ms)),
    otherRooms: stats(taps.filter((t) => !killedRooms.has(t.room)).map((t) => t.ms)),
  };
}

interface Measured {
  participants: number;
  joinMs: number;
  /** Tap to projector, every acknowledged vote: the goal. */
  latencyMs: Latency;
  /** From sending to the projector, votes sent once only (bench:workshop's figure). */
  sentLatencyMs: Latency;
  /** Vote to acknowledgement: the part of the latency before the projector is told. */
  ackMs: Latency;
  lost: number;
  acknowledged: number;
  memoryPerParticipantKB: number;
  rssAfterMB: number;
  /** CPU seconds of each part during the joins and during the clean round. */
  cpu: { join: CpuFigures; round: CpuFigures; kill?: CpuFigures };
  kill?: {
    rooms: number;
    /** Tap to projector, every acknowledged vote (the goal's figure is `all`). */
    tapMs: TapFigures;
    /** From sending to the projector, votes sent once only: the figure reported before 2026-12-02. */
    sentLatencyMs: Latency;
    /** From the kill until each of its rooms' projectors had joined again on another process. */
    projectorBackMs: { p50: number; max: number };
    /** p50 from the kill to each step of the projectors' way back: line lost, first try, connected. */
    projectorStepsMs: { lost: number; tried: number; connected: number };
    /** From the kill until its rooms' phones had joined again (p50, p95, the last). */
    phonesBackMs: { p50: number; p95: number; max: number; n: number };
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

/** Runs `work` on every item, at most `limit` at a time, in order. */
async function pooled<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Each room is a class on its own network: its screens and phones connect from their own loopback
 * address (127.0.0.2 to 127.0.0.201), so the per-address limits count them apart as they would
 * count schools, and every limit keeps its production default but one (see main()).
 */
const addressOf = (room: number) => `127.0.0.${2 + (room % 200)}`;

/** Opens the rooms, joins the crowd, runs a clean round and, when asked, a round with a process killed. */
async function measure(
  url: string,
  servers: () => Array<number | undefined>,
  engines: Part[],
  options: { affinity: boolean; bare?: boolean; kill?: (pid: number) => Promise<void> },
): Promise<Measured> {
  const rooms = await pooled(
    Array.from({ length: ROOMS }, (_, i) => i),
    OPEN_CONCURRENCY,
    (i) => openRoom(url, options.affinity, addressOf(i)),
  );
  await sleep(500);
  const live = () => servers().filter((pid): pid is number => pid !== undefined);
  const before = rssOf(live());
  const crowd = new Crowd(CROWD_PROCESSES);
  const parts: Part[] = [
    { name: 'servers', pids: servers },
    ...engines,
    { name: 'crowd', pids: () => crowd.pids() },
    { name: 'bench', pids: () => [process.pid] },
  ];
  try {
    let meter = new CpuMeter(parts);
    const joined = await within(
      crowd.send(
        {
          cmd: 'join',
          url,
          concurrency: JOIN_CONCURRENCY,
          rooms: rooms.map((r) => ({ code: r.code, participants: PER_ROOM, from: r.from! })),
        },
        'joined',
      ),
      JOIN_TIMEOUT_MS,
      `${ROOMS * PER_ROOM} participants' joins`,
    );
    const joinCpu = meter.stop();
    meter = new CpuMeter(parts);
    const clean = await round(rooms, crowd, 1, { bare: options.bare ?? false, windowMs: WINDOW_MS });
    const roundCpu = meter.stop();
    const after = rssOf(live());
    const total = ROOMS * PER_ROOM;
    const result: Measured = {
      participants: total,
      joinMs: Math.round(joined.ms),
      latencyMs: stats(clean.taps.map((t) => t.ms)),
      sentLatencyMs: stats(clean.latencies),
      ackMs: stats(clean.ackLatencies),
      lost: clean.lost,
      acknowledged: clean.acknowledged,
      memoryPerParticipantKB: Math.round(((after - before) / total) * 10) / 10,
      rssAfterMB: Math.round(after / 1024),
      cpu: { join: joinCpu, round: roundCpu },
    };
    if (options.kill) {
      let answers: number[] = [];
      let projectorsBack: number[] = [];
      let affected = new Set<string>();
      let killedAt = 0;
      meter = new CpuMeter(parts);
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
          affected = new Set(mine.map((staff) => staff.code));
          killedAt = performance.now();
          await options.kill!(victim);
          [answers, projectorsBack] = await Promise.all([
            Promise.all(mine.map((staff) => answersAgain(staff, killedAt))),
            Promise.all(mine.map((staff) => projectorBack(staff, killedAt))),
          ]);
        },
      });
      result.cpu.kill = meter.stop();
      result.kill = {
        rooms: affected.size,
        tapMs: tapFigures(killed.taps, affected, performance.timeOrigin + killedAt),
        sentLatencyMs: stats(killed.latencies),
        projectorBackMs: { p50: stats(projectorsBack).p50, max: Math.max(...projectorsBack) },
        projectorStepsMs: (() => {
          const moved = rooms.filter((staff) => affected.has(staff.code));
          const step = (k: 'lost' | 'tried' | 'connected') =>
            stats(moved.map((staff) => (staff.projectorSteps[k] ?? NaN) - killedAt)).p50;
          return { lost: step('lost'), tried: step('tried'), connected: step('connected') };
        })(),
        phonesBackMs: (() => {
          const back = killed.rejoinedAt.map((at) => Math.round(at - (performance.timeOrigin + killedAt)));
          return { p50: stats(back).p50, p95: stats(back).p95, max: Math.max(...back), n: back.length };
        })(),
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

/** Milliseconds from the kill until the room's projector has joined again (on another process). */
async function projectorBack(staff: Staff, since: number): Promise<number> {
  for (let waited = 0; waited < 60_000; waited += 10) {
    if (staff.presenter.joinedAt > since) return Math.round(staff.presenter.joinedAt - since);
    await sleep(10);
  }
  throw new Error(`room ${staff.code}'s projector did not join again within a minute`);
}

/** The engines' processes in a cluster, for the CPU figures. */
const enginesOf = (cluster: LocalCluster): Part[] => [
  { name: 'postgres', pids: () => [cluster.postgres.pid()], tree: true },
  { name: 'redis', pids: () => [cluster.redis.pid()] },
  { name: 'nginx', pids: () => [cluster.nginx.pid()], tree: true },
];

async function main() {
  // Each room's phones come from one address, as a class behind its school's NAT: 50 new
  // participants per address stay within the production default of 60 per 10 minutes. The one
  // limit raised is per connection (3 per 10 minutes): on the loaded machine a join whose answer
  // is late is sent again from the same socket, and each such try counts as a new participant.
  process.env.BRANCHPOINT_NEW_PARTICIPANTS_PER_SOCKET ??= '20';
  const started = new Date();
  const site = tempSite();
  writeFileSync(SERVER_LOG, '');
  console.log(
    `bench:cluster: ${ROOMS} rooms x ${PER_ROOM} participants, votes spread over ${WINDOW_MS / 1000} s; ${PROCESSES} processes + PostgreSQL + Redis + nginx; the phones in ${CROWD_PROCESSES} process(es).`,
  );
  console.log(
    `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the start.`,
  );
  console.log(`The server processes' output goes to ${SERVER_LOG}.\n`);
  const figures: Partial<Record<'cluster' | 'singleSqlite' | 'bareRedis', Measured>> = {};
  const errors: Record<string, string> = {};
  const phase = async (name: keyof typeof figures, run: () => Promise<Measured>) => {
    const at = performance.now();
    console.log(`${name}: starting (load average ${loadavg()[0]!.toFixed(1)})`);
    try {
      figures[name] = await run();
      console.log(`${name}: done in ${Math.round((performance.now() - at) / 1000)} s`);
    } catch (error) {
      errors[name] = (error as Error).message;
      console.log(
        `${name}: FAILED after ${Math.round((performance.now() - at) / 1000)} s: ${(error as Error).message}`,
      );
    }
  };
  // However it goes, the bench ends with its figures within a bounded time.
  const watchdog = setTimeout(() => {
    errors.bench = `stopped after ${BENCH_TIMEOUT_MS / 60_000} minutes`;
    report(figures, errors, started);
    process.exit(1);
  }, BENCH_TIMEOUT_MS);
  try {
    if (PHASES.has('cluster'))
      await phase('cluster', async () => {
        const cluster = await startCluster({ processes: PROCESSES, dist: site.dist, onOutput: serverLine('cluster') });
        let killed: number | undefined;
        const unwatch = watchServers(cluster.servers, () => killed);
        try {
          return await measure(cluster.url, () => cluster.servers.map((s) => s.pid()), enginesOf(cluster), {
            affinity: true,
            kill: async (pid) => {
              killed = cluster.servers.findIndex((s) => s.pid() === pid);
              await cluster.servers[killed]!.kill('SIGKILL');
            },
          });
        } finally {
          unwatch();
          await cluster.stop();
        }
      });
    if (PHASES.has('singleSqlite'))
      await phase('singleSqlite', async () => {
        const single = await startServerProcess(await freePort(), site.database, site.dist);
        try {
          return await measure(single.url, () => [single.pid], [], { affinity: false });
        } finally {
          await single.kill('SIGTERM');
        }
      });
    if (PHASES.has('bareRedis'))
      await phase('bareRedis', async () => {
        const bare = await startCluster({
          processes: PROCESSES,
          dist: site.dist,
          entry: 'bench/workshop-bare-server.ts',
          onOutput: serverLine('bare'),
        });
        const unwatch = watchServers(bare.servers, () => undefined);
        try {
          return await measure(bare.url, () => bare.servers.map((s) => s.pid()), enginesOf(bare), {
            affinity: true,
            bare: true,
          });
        } finally {
          unwatch();
          await bare.stop();
        }
      });
  } finally {
    site.remove();
  }
  clearTimeout(watchdog);
  report(figures, errors, started);
  process.exit(Object.keys(errors).length === 0 ? 0 : 1);
}

type Figures = Partial<Record<'cluster' | 'singleSqlite' | 'bareRedis', Measured>>;

/** The CPU seconds of a phase, part by part, and the machine's busy time beside it. */
function cpuLine(name: string, cpu: CpuFigures | undefined): string {
  if (!cpu) return `${name}: not measured`;
  const parts = Object.entries(cpu.seconds)
    .map(([part, s]) => `${part} ${s.toFixed(1)}`)
    .join(', ');
  return `${name} (${(cpu.wallMs / 1000).toFixed(1)} s): ${parts}; machine busy ${cpu.machineSeconds.toFixed(1)} of ${((cpu.wallMs / 1000) * cpus().length).toFixed(1)} (others ${cpu.othersSeconds.toFixed(1)})`;
}

function report(figures: Figures, errors: Record<string, string>, started: Date) {
  const { cluster, singleSqlite, bareRedis } = figures;
  const kill = cluster?.kill;
  const pass = {
    'p95 < 100 ms (3 processes)': !!cluster && cluster.latencyMs.p95 < GOALS.p95Ms,
    '0 acknowledged votes lost (3 processes)': !!cluster && cluster.lost === GOALS.lost,
    'p95 < 100 ms (3 processes, one SIGKILLed)': !!kill && kill.tapMs.all.p95 < GOALS.p95Ms,
    '0 acknowledged votes lost (3 processes, one SIGKILLed)': !!kill && kill.lost === GOALS.lost,
  };
  const of = (m: Measured | undefined, show: (m: Measured) => string) => (m ? show(m) : 'not measured');
  const rows: Row[] = [];
  const label = `${ROOMS} rooms x ${PER_ROOM}`;
  for (const p of ['p50', 'p95', 'p99'] as const)
    rows.push({
      figure: `${label}: tap -> projector ${p}`,
      ours: of(cluster, (m) => ms(m.latencyMs[p])),
      baseline: `1 process SQLite ${of(singleSqlite, (m) => ms(m.latencyMs[p]))}; bare Socket.IO + Redis ${of(bareRedis, (m) => ms(m.latencyMs[p]))}`,
      ratio: '',
      goal: p === 'p95' ? `< ${GOALS.p95Ms} ms` : '',
      ...(p === 'p95' ? { pass: pass['p95 < 100 ms (3 processes)'] } : {}),
    });
  const ack = (m: Measured) => `${ms(m.ackMs.p50)} / ${ms(m.ackMs.p95)}`;
  rows.push({
    figure: `${label}: vote -> acknowledgement p50 / p95`,
    ours: of(cluster, ack),
    baseline: `1 process SQLite ${of(singleSqlite, ack)}; bare ${of(bareRedis, ack)}`,
    ratio: '',
    goal: '',
  });
  const memory = (m: Measured) => `${m.memoryPerParticipantKB} KB`;
  rows.push({
    figure: `${label}: memory per participant (all processes)`,
    ours: of(cluster, memory),
    baseline: `1 process SQLite ${of(singleSqlite, memory)}; bare Socket.IO + Redis ${of(bareRedis, memory)}`,
    ratio: '',
    goal: '',
  });
  const joins = (m: Measured) => `${(m.joinMs / 1000).toFixed(1)} s`;
  rows.push({
    figure: `${label}: all participants joined in`,
    ours: of(cluster, joins),
    baseline: `1 process SQLite ${of(singleSqlite, joins)}; bare Socket.IO + Redis ${of(bareRedis, joins)}`,
    ratio: '',
    goal: '',
  });
  const lost = (m: Measured) => `${m.lost} of ${m.acknowledged} acknowledged`;
  rows.push({
    figure: `${label}: votes lost`,
    ours: of(cluster, lost),
    baseline: `1 process SQLite ${of(singleSqlite, lost)}`,
    ratio: '',
    goal: '0',
    pass: pass['0 acknowledged votes lost (3 processes)'],
  });
  const sent = (m: Measured) => `${ms(m.sentLatencyMs.p50)} / ${ms(m.sentLatencyMs.p95)}`;
  rows.push({
    figure: `${label}: sent -> projector p50 / p95 (votes sent once)`,
    ours: of(cluster, sent),
    baseline: `1 process SQLite ${of(singleSqlite, sent)}; bare ${of(bareRedis, sent)}`,
    ratio: '',
    goal: '',
  });
  for (const p of ['p50', 'p95', 'p99'] as const)
    rows.push({
      figure: `one process SIGKILLed mid-vote: tap -> projector ${p}, all rooms`,
      ours: kill ? ms(kill.tapMs.all[p]) : 'not measured',
      baseline: '',
      ratio: '',
      goal: p === 'p95' ? `< ${GOALS.p95Ms} ms` : '',
      ...(p === 'p95' ? { pass: pass['p95 < 100 ms (3 processes, one SIGKILLed)'] } : {}),
    });
  const spread = (l: Latency | undefined) => (l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)} (${l.n} votes)` : '');
  rows.push(
    {
      figure: `  its ${kill?.rooms ?? '?'} rooms: tap -> projector p50 / p95 / p99`,
      ours: kill ? spread(kill.tapMs.killedRooms) : 'not measured',
      baseline: '',
      ratio: '',
      goal: '',
    },
    {
      figure: '  its rooms, tapped after the kill',
      ours: kill ? spread(kill.tapMs.killedRoomsAfterKill) : 'not measured',
      baseline: '',
      ratio: '',
      goal: '',
    },
    {
      figure: '    of which: waiting to be joined again / send to ack / ack to projector, p50 | p95',
      ours: kill?.tapMs.killedRoomsAfterKillParts
        ? (['wait', 'ack', 'toProjector'] as const)
            .map(
              (k) =>
                `${ms(kill.tapMs.killedRoomsAfterKillParts![k].p50)} | ${ms(kill.tapMs.killedRoomsAfterKillParts![k].p95)}`,
            )
            .join(' / ')
        : 'not measured',
      baseline: '',
      ratio: '',
      goal: '',
    },
    {
      figure: '  the other rooms',
      ours: kill ? spread(kill.tapMs.otherRooms) : 'not measured',
      baseline: '',
      ratio: '',
      goal: '',
    },
    {
      figure: '  sent -> projector p50 / p95 / p99 (votes sent once)',
      ours: kill ? spread(kill.sentLatencyMs) : 'not measured',
      baseline: '',
      ratio: '',
      goal: '',
    },
  );
  rows.push({
    figure: 'one process SIGKILLed mid-vote: votes lost',
    ours: kill ? `${kill.lost} of ${kill.acknowledged} acknowledged` : 'not measured',
    baseline: '',
    ratio: '',
    goal: '0',
    pass: pass['0 acknowledged votes lost (3 processes, one SIGKILLed)'],
  });
  rows.push({
    figure: `one process SIGKILLed: its ${kill?.rooms ?? '?'} projectors joined again after`,
    ours: kill
      ? `p50 ${ms(kill.projectorBackMs.p50)}, max ${ms(kill.projectorBackMs.max)} (p50: line lost ${ms(kill.projectorStepsMs.lost)}, first try ${ms(kill.projectorStepsMs.tried)}, connected ${ms(kill.projectorStepsMs.connected)})`
      : 'not measured',
    baseline: '',
    ratio: '',
    goal: '',
  });
  rows.push({
    figure: `one process SIGKILLed: its rooms' phones joined again after`,
    ours: kill
      ? `p50 ${ms(kill.phonesBackMs.p50)}, p95 ${ms(kill.phonesBackMs.p95)}, last ${ms(kill.phonesBackMs.max)} (${kill.phonesBackMs.n} phones)`
      : 'not measured',
    baseline: '',
    ratio: '',
    goal: '',
  });
  rows.push({
    figure: `one process SIGKILLed: its ${kill?.rooms ?? '?'} rooms answer again after`,
    ours: kill ? `p50 ${ms(kill.answersAgainMs.p50)}, max ${ms(kill.answersAgainMs.max)}` : 'not measured',
    baseline: '',
    ratio: '',
    goal: '',
  });
  console.log(`\n${table(rows)}`);
  if (kill)
    console.log(
      `\nKill round: ${kill.rejoins} participants joined again, ${kill.retried} sent their vote again, ${kill.unacknowledged} never acknowledged.`,
    );
  console.log('\nCPU seconds by part (servers, engines, the simulated phones, this process):');
  for (const [name, m] of Object.entries(figures)) {
    console.log(`  ${cpuLine(`${name}, joins`, m.cpu.join)}`);
    console.log(`  ${cpuLine(`${name}, clean round`, m.cpu.round)}`);
    if (m.cpu.kill) console.log(`  ${cpuLine(`${name}, kill round`, m.cpu.kill)}`);
  }
  for (const [name, message] of Object.entries(errors)) console.log(`FAILED ${name}: ${message}`);
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
      crowdProcesses: CROWD_PROCESSES,
      voteWindowMs: WINDOW_MS,
      goals: GOALS,
      ...figures,
      ...(Object.keys(errors).length > 0 ? { errors } : {}),
      pass,
    }),
  );
}

await main();
