/**
 * `npm run bench:workshop`: the workshop server under a classroom's load, over real WebSocket
 * connections on 127.0.0.1. The server runs as its own process (`src/server/main.ts`, a fresh
 * SQLite file); the simulated participants run in another (bench/workshop-crowd.ts); the
 * facilitators and projectors run here, and the projectors' clock measures latency.
 *
 * For one room of 1,000 participants and for 20 rooms of 50:
 * - vote-to-projector latency (p50, p95, p99): from a participant sending its vote to the
 *   projector receiving a count that includes it (the first tally whose sequence number reaches
 *   the one the vote's acknowledgement carried). Every participant votes once, at a random moment
 *   of a VOTE_WINDOW_MS window, after the vote is open on every phone;
 * - server memory per participant: growth of the server's resident memory (VmRSS) from before the
 *   participants join to after they have joined and voted, divided by their number;
 * - votes lost when 10% of participants lose their connection during a vote (half of them after
 *   voting) and come back 0.2-1.5 s later, and, for the big room, when the server is killed with
 *   SIGKILL in the middle of a vote and started again on the same database: every vote the server
 *   acknowledged must be in the revealed counts.
 * Baseline, same run, same crowd: bare Socket.IO (bench/workshop-bare-server.ts) counting votes in
 * memory and sending each count straight to the projector.
 *
 * `npm run bench:workshop -- 300` runs the big room with another number of participants.
 * Ends with one line of JSON holding every figure.
 */
import { cpus, loadavg } from 'node:os';
import { freePort, startServerProcess, tempSite } from '../tests/server/harness.ts';
import { assignmentRows, benchAssignments, type AssignmentFigures } from './assignments.ts';
import { ms, table, times, type Row } from './report.ts';
import {
  Crowd,
  openRoom,
  round,
  rssKb,
  sleep,
  stats,
  VOTE_WINDOW_MS,
  type Drop,
  type Staff,
} from './workshop-rounds.ts';

const BIG_ROOM = Number(process.argv[2] ?? 1000);
const SMALL_ROOMS = 20;
const SMALL_ROOM = 50;
const DROP: Drop = { fraction: 0.1, downMs: [200, 1500] };
const GOALS = { p95Ms: 100, lost: 0 };

type Server = Awaited<ReturnType<typeof startServerProcess>>;

interface Layout {
  name: string;
  rooms: number;
  participants: number;
}

/** One layout against one server: join, a clean round (latency, memory), then the hard rounds. */
async function run(
  layout: Layout,
  server: Server,
  hard: { drop: boolean; kill?: () => Promise<Server>; bare?: boolean },
) {
  const rooms: Staff[] = [];
  for (let i = 0; i < layout.rooms; i++) rooms.push(await openRoom(server.url));
  await sleep(500);
  const rssBefore = rssKb(server.pid);
  const crowd = new Crowd();
  const joined = await crowd.send(
    { cmd: 'join', url: server.url, rooms: rooms.map((r) => ({ code: r.code, participants: layout.participants })) },
    'joined',
  );
  const clean = await round(rooms, crowd, 1, { bare: hard.bare ?? false });
  const rssAfter = rssKb(server.pid);
  const total = layout.rooms * layout.participants;
  const result: Record<string, unknown> = {
    participants: total,
    joinMs: Math.round(joined.ms),
    latencyMs: stats(clean.latencies),
    lostClean: clean.lost,
    memoryPerParticipantKB: Math.round(((rssAfter - rssBefore) / total) * 10) / 10,
    rssBeforeMB: Math.round(rssBefore / 1024),
    rssAfterMB: Math.round(rssAfter / 1024),
  };
  if (hard.drop) {
    const dropped = await round(rooms, crowd, 2, { drop: DROP });
    result.disconnect = {
      dropped: dropped.dropped,
      rejoins: dropped.rejoins,
      retried: dropped.retried,
      acknowledged: dropped.acknowledged,
      unacknowledged: dropped.unacknowledged,
      lost: dropped.lost,
    };
  }
  if (hard.kill) {
    let restartMs = 0;
    const killed = await round(rooms, crowd, 3, {
      checkOnly: true,
      during: async () => {
        const started = performance.now();
        server = await hard.kill!();
        restartMs = performance.now() - started;
      },
    });
    result.kill = {
      restartMs: Math.round(restartMs),
      retried: killed.retried,
      rejoins: killed.rejoins,
      acknowledged: killed.acknowledged,
      unacknowledged: killed.unacknowledged,
      lost: killed.lost,
    };
  }
  await crowd.close();
  for (const staff of rooms) {
    staff.facilitator.close();
    staff.presenter.close();
  }
  return { result, server };
}

async function main() {
  // Every simulated phone comes from 127.0.0.1: the per-address limit on new participants (against
  // ballot stuffing, 60 per 10 minutes by default) is raised as a school behind one proxy would.
  process.env.BRANCHPOINT_NEW_PARTICIPANTS_PER_ADDRESS ??= '100000';
  const site = tempSite();
  const started = new Date();
  console.log(
    `bench:workshop: ${BIG_ROOM} participants in one room, ${SMALL_ROOMS} rooms of ${SMALL_ROOM}; votes spread over ${VOTE_WINDOW_MS / 1000} s.`,
  );
  console.log(
    `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the start.\n`,
  );
  const figures: Record<string, Record<string, unknown>> = {};
  try {
    // Ours: the big room (clean, 10% dropping, server killed), then 20 small rooms (clean, 10% dropping).
    const port = await freePort();
    let server = await startServerProcess(port, site.database, site.dist);
    const big = await run({ name: 'one room', rooms: 1, participants: BIG_ROOM }, server, {
      drop: true,
      kill: async () => {
        await server.kill('SIGKILL');
        server = await startServerProcess(port, site.database, site.dist);
        return server;
      },
    });
    figures.oursOneRoom = big.result;
    server = big.server;
    await server.kill('SIGTERM');
    server = await startServerProcess(port, site.database, site.dist);
    figures.oursSmallRooms = (
      await run({ name: 'small rooms', rooms: SMALL_ROOMS, participants: SMALL_ROOM }, server, { drop: true })
    ).result;
    await server.kill('SIGTERM');

    // Baseline: bare Socket.IO, same crowd, clean rounds.
    const barePort = await freePort();
    const bare = await startServerProcess(barePort, site.database, site.dist, {
      entry: 'bench/workshop-bare-server.ts',
    });
    figures.bareOneRoom = (
      await run({ name: 'bare one room', rooms: 1, participants: BIG_ROOM }, bare, { drop: false, bare: true }).catch(
        bareFailed,
      )
    ).result;
    await bare.kill('SIGKILL');
    const bare2 = await startServerProcess(barePort, site.database, site.dist, {
      entry: 'bench/workshop-bare-server.ts',
    });
    figures.bareSmallRooms = (
      await run({ name: 'bare small rooms', rooms: SMALL_ROOMS, participants: SMALL_ROOM }, bare2, {
        drop: false,
        bare: true,
      }).catch(bareFailed)
    ).result;
    await bare2.kill('SIGKILL');
    // Assignments: 1,000 students at their own pace, beside the same run's bare Socket.IO (bench/assignments.ts).
    figures.assignments = await benchAssignments(BIG_ROOM);
  } finally {
    site.remove();
  }
  report(figures, started);
  process.exit(0);
}

function bareFailed(error: unknown): never {
  throw new Error(`the bare Socket.IO baseline failed: ${String(error)}`);
}

type Latency = ReturnType<typeof stats>;

function report(figures: Record<string, Record<string, unknown>>, started: Date) {
  const rows: Row[] = [];
  const latencyRows = (label: string, ours: Record<string, unknown>, bare: Record<string, unknown>, goal: boolean) => {
    const o = ours.latencyMs as Latency;
    const b = bare.latencyMs as Latency;
    for (const p of ['p50', 'p95', 'p99'] as const) {
      rows.push({
        figure: `${label}: vote -> projector ${p}`,
        ours: ms(o[p]),
        baseline: `bare Socket.IO ${ms(b[p])}`,
        ratio: times(o[p] / b[p]),
        goal: goal && p === 'p95' ? `< ${GOALS.p95Ms} ms` : '',
        ...(goal && p === 'p95' ? { pass: o.p95 < GOALS.p95Ms } : {}),
      });
    }
    rows.push({
      figure: `${label}: server memory per participant`,
      ours: `${ours.memoryPerParticipantKB} KB`,
      baseline: `bare Socket.IO ${bare.memoryPerParticipantKB} KB`,
      ratio: times(Number(ours.memoryPerParticipantKB) / Number(bare.memoryPerParticipantKB)),
      goal: '',
    });
  };
  latencyRows(`1 room x ${BIG_ROOM}`, figures.oursOneRoom!, figures.bareOneRoom!, true);
  latencyRows(`${SMALL_ROOMS} rooms x ${SMALL_ROOM}`, figures.oursSmallRooms!, figures.bareSmallRooms!, false);
  const lostRow = (figure: string, detail: Record<string, number>) =>
    rows.push({
      figure,
      ours: `${detail.lost} lost of ${detail.acknowledged} acknowledged`,
      baseline: '',
      ratio: '',
      goal: `${GOALS.lost}`,
      pass: detail.lost === GOALS.lost,
    });
  lostRow(`1 room x ${BIG_ROOM}: 10% drop and reconnect`, figures.oursOneRoom!.disconnect as Record<string, number>);
  lostRow(`1 room x ${BIG_ROOM}: server SIGKILLed mid-vote`, figures.oursOneRoom!.kill as Record<string, number>);
  lostRow(
    `${SMALL_ROOMS} rooms x ${SMALL_ROOM}: 10% drop and reconnect`,
    figures.oursSmallRooms!.disconnect as Record<string, number>,
  );
  if (figures.assignments) rows.push(...assignmentRows(figures.assignments as unknown as AssignmentFigures));
  console.log(table(rows));
  const kill = figures.oursOneRoom!.kill as Record<string, number>;
  console.log(
    `\nServer killed mid-vote: back and answering after ${kill.restartMs} ms; ${kill.rejoins} participants joined again, ${kill.retried} sent their vote again.`,
  );
  console.log(`Load average ${loadavg()[0]!.toFixed(1)} at the end.`);
  console.log(
    JSON.stringify({
      bench: 'workshop',
      date: started.toISOString(),
      node: process.version,
      cores: cpus().length,
      voteWindowMs: VOTE_WINDOW_MS,
      goals: GOALS,
      ...figures,
    }),
  );
}

await main();
