/**
 * The assignments figure of `npm run bench:workshop` (also on its own: `tsx bench/assignments.ts
 * [students]`): 1,000 students playing one assignment at once, each making a choice every 2-4 s,
 * over real WebSocket connections to the server as its own process (src/server/main.ts, a fresh
 * SQLite file, the small fixture scenario).
 * - latency p50/p95/p99: from a student sending a choice to the teacher's report counting it: the
 *   teacher here holds the report as the page does (the tally from the `teacher` answer, each pushed
 *   delta folded in with the page's own reducer, src/workshop/assignment-tally.ts), and the time is
 *   taken when the student's recorded-event count in that tally reaches the choice's sequence
 *   number. So it covers validation, the SQLite commit (acknowledged = committed), the push and
 *   the fold;
 * - lost: acknowledged events missing from the teacher's final report (downloaded as JSON).
 * Baseline, same run, same crowd: bare Socket.IO (bench/assignments-bare-server.ts) counting
 * submits in memory and sending each count straight to the teacher.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { loadRoomScenarios } from '../src/server/scenarios.ts';
import { ASSIGNMENT_NAMESPACE } from '../src/workshop/assignment-protocol.ts';
import type { AssignmentReport } from '../src/workshop/assignment-report.ts';
import { applyDelta, type ReportDelta, type ReportSnapshot } from '../src/workshop/assignment-tally.ts';
import { freePort, startServerProcess, tempSite } from '../tests/server/harness.ts';
import { SMALL_FOLDER, SMALL_ID } from '../tests/workshop/helpers.ts';
import type { AssignmentCrowdCommand, AssignmentCrowdReply, Walk } from './assignment-crowd.ts';
import { ms, times, type Row } from './report.ts';

export const ASSIGNMENT_GOALS = { p95Ms: 200, lost: 0 };
const DURATION_MS = 30_000;
const EVERY_MS: [number, number] = [2000, 4000];
const clock = () => performance.timeOrigin + performance.now();

function walk(): Walk {
  const scenario = loadRoomScenarios(SMALL_FOLDER).get(SMALL_ID)!.index.scenario;
  return {
    start: scenario.start,
    decisions: Object.fromEntries(
      scenario.decisions.map((d) => [d.id, d.options.map((o) => ({ id: o.id, next: String(o.next) }))]),
    ),
  };
}

function crowd(command: AssignmentCrowdCommand): Promise<Extract<AssignmentCrowdReply, { cmd: 'played' }>> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./assignment-crowd.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.on('message', (reply: AssignmentCrowdReply) => {
      child.kill('SIGKILL');
      if (reply.cmd === 'error') reject(new Error(`crowd: ${reply.message}`));
      else resolve(reply);
    });
    child.send(command);
  });
}

/** CPU time (user + system) a process has used so far: steadier than wall-clock time on a busy machine. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the line (11 and 12 after the command's name), in ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** One run against one server: the teacher watches, the crowd plays, then every acknowledged event is checked. */
async function run(url: string, students: number, bare: boolean, pid: number) {
  const teacher: Socket = io(url + ASSIGNMENT_NAMESPACE, { transports: ['websocket'], forceNew: true });
  const created = await teacher
    .timeout(10_000)
    .emitWithAck('create', { v: 1, scenarioId: SMALL_ID, askReasons: false });
  if (!created.ok) throw new Error(`create: ${created.error.message}`);
  const { code, secret } = created as { code: string; secret: string };
  // When each student's recorded-event count was first seen at each value.
  const seen = new Map<string, Array<{ events: number; at: number }>>();
  const note = (nickname: string, events: number, at: number) => {
    const list = seen.get(nickname) ?? [];
    if ((list.at(-1)?.events ?? 0) < events) list.push({ events, at });
    seen.set(nickname, list);
  };
  let pushes = 0;
  let pushedBytes = 0;
  let gaps = 0;
  // Deltas that come before the teacher's answer are folded in once it is here, as the page does.
  let snapshot: ReportSnapshot | undefined;
  const early: ReportDelta[] = [];
  const fold = (delta: ReportDelta) => {
    if (!snapshot) return void early.push(delta);
    const folded = applyDelta(snapshot.tally, snapshot.catalog, delta);
    if (folded.gap) gaps++;
    snapshot = { ...snapshot, tally: folded.tally };
    const at = clock();
    for (const id of new Set(delta.events.map((e) => e.student))) {
      const student = snapshot.tally.students[id];
      if (student) note(student.nickname, student.events, at);
    }
  };
  teacher.on('delta', (delta: ReportDelta) => {
    pushes++;
    pushedBytes += JSON.stringify(delta).length;
    fold(delta);
  });
  teacher.on('progress', (p: { nickname: string; events: number }) => {
    pushes++;
    note(p.nickname, p.events, clock());
  });
  const opened = await teacher.timeout(10_000).emitWithAck('teacher', { v: 1, code, secret });
  if (!opened.ok) throw new Error(`teacher: ${opened.error.message}`);
  if (!bare) {
    snapshot = opened.snapshot as ReportSnapshot;
    early.splice(0).forEach(fold);
  }

  const cpuBefore = cpuMs(pid);
  const played = await crowd({
    cmd: 'play',
    url,
    code,
    students,
    durationMs: DURATION_MS,
    everyMs: EVERY_MS,
    walk: walk(),
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const serverCpuMs = Math.round(cpuMs(pid) - cpuBefore);
  const latencies = played.choices
    .filter((c) => c.acked)
    .map((c) => {
      const shown = seen.get(c.nickname)?.find((s) => s.events >= c.seq);
      return shown ? shown.at - c.sent : Infinity;
    });
  let lost = 0;
  let lostLive = 0;
  let acknowledged = 0;
  if (!bare) {
    // The live report (the tally the teacher folded) must hold every acknowledged event too.
    const live = new Map(Object.values(snapshot!.tally.students).map((s) => [s.nickname, s.events]));
    for (const [nickname, acked] of Object.entries(played.acked))
      lostLive += Math.max(0, acked - (live.get(nickname) ?? 0));
    const file = await teacher.timeout(30_000).emitWithAck('record', { v: 1, code, secret, format: 'json' });
    const report = JSON.parse(file.content) as AssignmentReport;
    const recorded = new Map(report.students.map((s) => [s.nickname, s.events]));
    for (const [nickname, acked] of Object.entries(played.acked)) {
      acknowledged += acked;
      lost += Math.max(0, acked - (recorded.get(nickname) ?? 0));
    }
  }
  teacher.disconnect();
  return {
    students,
    joinMs: Math.round(played.joinMs),
    choices: played.choices.length,
    unacknowledged: played.choices.filter((c) => !c.acked).length,
    neverShown: latencies.filter((l) => l === Infinity).length,
    serverCpuMs,
    serverCpuMsPerChoice: Math.round((serverCpuMs / Math.max(1, played.choices.length)) * 100) / 100,
    reportPushes: pushes,
    pushedKB: Math.round(pushedBytes / 1024),
    gaps,
    acknowledgedEvents: acknowledged,
    lost,
    lostLive,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
  };
}

export type AssignmentFigures = Awaited<ReturnType<typeof benchAssignments>>;

export async function benchAssignments(students = 1000) {
  const site = tempSite();
  try {
    const ours = await startServerProcess(0, site.database, site.dist, { scenarios: SMALL_FOLDER });
    const oursResult = await run(ours.url, students, false, ours.pid);
    await ours.kill('SIGTERM');
    const port = await freePort();
    const bare = await startServerProcess(port, site.database, site.dist, {
      entry: 'bench/assignments-bare-server.ts',
    });
    const bareResult = await run(bare.url, students, true, bare.pid);
    await bare.kill('SIGKILL');
    return { ours: oursResult, bare: bareResult };
  } finally {
    site.remove();
  }
}

export function assignmentRows(figures: AssignmentFigures): Row[] {
  const { ours, bare } = figures;
  const label = `assignment x ${ours.students} students`;
  const rows: Row[] = (['p50', 'p95', 'p99'] as const).map((p) => ({
    figure: `${label}: choice -> committed -> report ${p}`,
    ours: ms(ours.latencyMs[p]),
    baseline: `bare Socket.IO ${ms(bare.latencyMs[p])}`,
    ratio: times(ours.latencyMs[p] / bare.latencyMs[p]),
    goal: p === 'p95' ? `< ${ASSIGNMENT_GOALS.p95Ms} ms` : '',
    ...(p === 'p95' ? { pass: ours.latencyMs.p95 < ASSIGNMENT_GOALS.p95Ms } : {}),
  }));
  rows.push({
    figure: `${label}: server CPU per choice`,
    ours: `${ours.serverCpuMsPerChoice} ms`,
    baseline: `bare Socket.IO ${bare.serverCpuMsPerChoice} ms`,
    ratio: times(ours.serverCpuMsPerChoice / bare.serverCpuMsPerChoice),
    goal: '',
  });
  rows.push({
    figure: `${label}: events lost`,
    ours: `${ours.lost} lost of ${ours.acknowledgedEvents} acknowledged (${ours.lostLive} from the live report; ${ours.choices} choices, ${ours.unacknowledged} unanswered)`,
    baseline: '',
    ratio: '',
    goal: `${ASSIGNMENT_GOALS.lost}`,
    pass: ours.lost === ASSIGNMENT_GOALS.lost && ours.lostLive === ASSIGNMENT_GOALS.lost && ours.neverShown === 0,
  });
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { table } = await import('./report.ts');
  const figures = await benchAssignments(Number(process.argv[2] ?? 1000));
  console.log(table(assignmentRows(figures)));
  console.log(JSON.stringify({ bench: 'workshop-assignments', date: new Date().toISOString(), ...figures }));
  process.exit(0);
}
