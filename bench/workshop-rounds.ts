/**
 * The pieces of the workshop benches (bench/workshop.ts, bench/cluster.ts): the crowd process,
 * a room's facilitator and projector, one round of voting in every room and its figures.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CreateAck,
  FacilitatorView,
  ServerToClientEvents,
  Tally,
} from '../src/workshop/protocol.ts';
import { control, TestClient } from '../tests/server/harness.ts';
import { SCREEN_RECONNECTION } from '../src/workshop/reconnection.ts';
import type { CrowdCommand, CrowdReply, VoteOutcome } from './workshop-crowd.ts';

export const VOTE_WINDOW_MS = 3000;
export type Drop = { fraction: number; downMs: [number, number] };
const clock = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The crowd: one or more processes (bench/workshop-crowd.ts), one request at a time. With several,
 * the rooms are dealt out among them and their answers merged, so that 5,000 simulated phones do
 * not all wait on one event loop.
 */
export class Crowd {
  private readonly children: ChildProcess[];
  private readonly cpu: number[];
  private waiting: Array<((reply: CrowdReply) => void) | undefined>;

  constructor(processes = 1) {
    this.children = Array.from({ length: processes }, () =>
      fork(fileURLToPath(new URL('./workshop-crowd.ts', import.meta.url)), {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    this.cpu = this.children.map(() => 0);
    this.waiting = this.children.map(() => undefined);
    this.children.forEach((child, i) =>
      child.on('message', (reply: CrowdReply) => {
        this.cpu[i] = reply.cpuMs;
        this.waiting[i]?.(reply);
      }),
    );
    process.once('exit', () => this.children.forEach((child) => child.kill('SIGKILL')));
  }

  /** The crowd processes' ids (for their CPU time). */
  pids(): number[] {
    return this.children.map((child) => child.pid!);
  }

  /** CPU time (user + system) the crowd processes had used at their last answer. */
  cpuMs(): number {
    return this.cpu.reduce((sum, ms) => sum + ms, 0);
  }

  async send<C extends CrowdReply['cmd']>(command: CrowdCommand, expect: C): Promise<Extract<CrowdReply, { cmd: C }>> {
    const parts =
      command.cmd === 'join'
        ? this.children.map((_, i) => ({
            ...command,
            rooms: command.rooms.filter((_, r) => r % this.children.length === i),
          }))
        : this.children.map(() => command);
    const replies = await Promise.all(parts.map((part, i) => this.ask(i, part, expect)));
    return merge(replies) as Extract<CrowdReply, { cmd: C }>;
  }

  private ask(i: number, command: CrowdCommand, expect: CrowdReply['cmd']): Promise<CrowdReply> {
    return new Promise((resolve, reject) => {
      this.waiting[i] = (reply) => {
        this.waiting[i] = undefined;
        if (reply.cmd === 'error') reject(new Error(`crowd: ${reply.message}`));
        else if (reply.cmd !== expect) reject(new Error(`crowd answered ${reply.cmd}, expected ${expect}`));
        else resolve(reply);
      };
      this.children[i]!.send(command);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(async (child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if (child.connected) child.send({ cmd: 'close' } satisfies CrowdCommand);
        await Promise.race([exited, sleep(5000)]);
        child.kill('SIGKILL');
      }),
    );
  }
}

/** The crowd processes' answers to one request as one answer. */
function merge(replies: CrowdReply[]): CrowdReply {
  const first = replies[0]!;
  const cpuMs = replies.reduce((sum, r) => sum + r.cpuMs, 0);
  const all = <T extends CrowdReply['cmd']>(_cmd: T) => replies as Array<Extract<CrowdReply, { cmd: T }>>;
  switch (first.cmd) {
    case 'joined': {
      const joined = all('joined');
      return {
        cmd: 'joined',
        participants: joined.reduce((n, r) => n + r.participants, 0),
        ms: Math.max(...joined.map((r) => r.ms)),
        cpuMs,
      };
    }
    case 'open':
      return { cmd: 'open', participants: all('open').reduce((n, r) => n + r.participants, 0), cpuMs };
    case 'voted': {
      const voted = all('voted');
      return {
        cmd: 'voted',
        votes: voted.flatMap((r) => r.votes),
        dropped: voted.reduce((n, r) => n + r.dropped, 0),
        rejoins: voted.reduce((n, r) => n + r.rejoins, 0),
        rejoinedAt: voted.flatMap((r) => r.rejoinedAt),
        cpuMs,
      };
    }
    case 'error':
      return first;
  }
}

/** A room's facilitator and projector, the projector keeping every tally with the time it arrived. */
export interface Staff {
  code: string;
  /** The loopback address the room's screens (and, in the cluster bench, phones) connect from. */
  from?: string;
  facilitator: TestClient;
  presenter: TestClient;
  tallies: Array<{ seq: number; at: number }>;
  /** The projector's last reconnection: when its line dropped, its first try, when it connected. */
  projectorSteps: { lost?: number; tried?: number; connected?: number };
}

/**
 * Creates a room and joins its facilitator and projector. `from` is a loopback address
 * (127.0.0.x) to create it from, as from its own school, so per-address limits on creating rooms
 * count it apart. With `affinity`, the screens connect with the room's code, as the page does.
 */
export async function openRoom(url: string, affinity = false, from?: string): Promise<Staff> {
  const creator: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    ...(from ? { localAddress: from } : {}),
  } as Partial<ManagerOptions & SocketOptions>);
  const created = (await creator
    .timeout(30_000)
    .emitWithAck('create', { v: 1, scenarioId: 'atacms-2024' })) as CreateAck;
  creator.close();
  if (!created.ok) throw new Error(`create: ${created.error.message}`);
  const roomUrl = affinity ? `${url}?room=${created.code}` : url;
  // The facilitator's laptop and the projector are on the school's network too, and reconnect
  // as the pages' screens do.
  const screen = { ...SCREEN_RECONNECTION, ...(from ? { localAddress: from } : {}) };
  const facilitator = new TestClient(roomUrl, screen);
  const joined = await facilitator.join({ v: 1, role: 'facilitator', code: created.code, secret: created.secret });
  if (!joined.ok) throw new Error(`join: ${joined.error.message}`);
  const presenter = new TestClient(roomUrl, screen);
  await presenter.join({ v: 1, role: 'presenter', code: created.code });
  const staff: Staff = {
    code: created.code,
    ...(from ? { from } : {}),
    facilitator,
    presenter,
    tallies: [],
    projectorSteps: {},
  };
  presenter.socket.on('tally', (tally: Tally) => staff.tallies.push({ seq: tally.seq, at: clock() }));
  // After its process dies the projector joins again elsewhere, and the view it gets shows the
  // counts: a vote whose tally was lost with the process is shown when that view arrives.
  presenter.onView = (view) => staff.tallies.push({ seq: view.seq, at: clock() });
  // When its process dies: the projector's way back, step by step (performance.now()).
  presenter.socket.on('disconnect', () => (staff.projectorSteps = { lost: performance.now() }));
  presenter.socket.io.on('reconnect_attempt', () => (staff.projectorSteps.tried ??= performance.now()));
  presenter.socket.on('connect', () => (staff.projectorSteps.connected ??= performance.now()));
  return staff;
}

/** Resident memory of a process in KB; 0 once it has exited (a server killed by the bench). */
export function rssKb(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

export const optionsOf = (staff: Staff): string[] => {
  const game = staff.facilitator.view!.game;
  if (game.kind !== 'decision') throw new Error(`room ${staff.code} has reached an ending`);
  return game.options.map((o) => o.id);
};

/** One acknowledged vote, timed from the participant's tap to the projector showing it. */
export interface Tap {
  room: string;
  /** Clock of the tap. */
  tapped: number;
  /** Tap to projector, ms: a wait to reconnect and join again, and a vote sent again, included. */
  ms: number;
  /** Of which: from the tap until the acknowledged try was sent (reconnecting, joining again). */
  waitMs: number;
  /** From that send to its acknowledgement. */
  ackMs: number;
}

export interface RoundResult {
  /** From sending a vote to the projector, votes sent once only (what bench:workshop reports). */
  latencies: number[];
  /** Every acknowledged vote, from the tap to the projector (see Tap). */
  taps: Tap[];
  /** From sending a vote to its acknowledgement (the write to the store included). */
  ackLatencies: number[];
  acknowledged: number;
  unacknowledged: number;
  lost: number;
  retried: number;
  dropped: number;
  rejoins: number;
  /** Clock of each participant's join after a reconnection. */
  rejoinedAt: number[];
}

/** One vote in every room: open, the crowd votes (with `during` run half-way), reveal, check, advance. */
export async function round(
  rooms: Staff[],
  crowd: Crowd,
  roundNo: number,
  options: {
    drop?: Drop;
    during?: () => Promise<void>;
    checkOnly?: boolean;
    bare?: boolean;
    windowMs?: number;
  } = {},
): Promise<RoundResult> {
  for (const staff of rooms) staff.tallies.length = 0;
  for (const staff of rooms) {
    const opened = await control(staff.facilitator, { type: 'open' });
    if (!opened.ok) throw new Error(`open: ${opened.error.message}`);
  }
  await crowd.send({ cmd: 'await-open', round: roundNo }, 'open');
  const choices = Object.fromEntries(
    rooms.map((staff) => [staff.code, options.bare ? ['a', 'b', 'c'] : optionsOf(staff)]),
  );
  const voting = crowd.send(
    {
      cmd: 'vote',
      windowMs: options.windowMs ?? VOTE_WINDOW_MS,
      options: choices,
      ...(options.drop ? { drop: options.drop } : {}),
    },
    'voted',
  );
  if (options.during) {
    await sleep((options.windowMs ?? VOTE_WINDOW_MS) / 2);
    await options.during();
  }
  const { votes, dropped, rejoins, rejoinedAt } = await voting;
  // Every acknowledged vote must reach the projector, then be in the revealed counts.
  const bySeq = new Map(rooms.map((staff) => [staff.code, staff]));
  for (const staff of rooms) {
    const last = Math.max(0, ...votes.filter((v) => v.room === staff.code && v.seq !== undefined).map((v) => v.seq!));
    // After a restart the projector joins again: its view's sequence number counts as well as a tally's.
    const seen = () => Math.max(staff.presenter.tally?.seq ?? 0, staff.presenter.view?.seq ?? 0);
    await staff.presenter.until(() => seen() >= last, `room ${staff.code}'s projector to count every vote`, 20_000);
  }
  const latencies = votes
    .filter((v) => v.sent !== undefined && !v.retried)
    .map((v) => latencyOf(v, bySeq.get(v.room)!.tallies));
  const taps = votes
    .filter((v) => v.option !== undefined && v.seq !== undefined)
    .map((v) => ({
      room: v.room,
      tapped: v.tapped,
      ms: latencyOf({ ...v, sent: v.tapped }, bySeq.get(v.room)!.tallies),
      waitMs: v.sentLast! - v.tapped,
      ackMs: v.acked! - v.sentLast!,
    }));
  let lost = 0;
  for (const staff of options.bare ? [] : rooms) {
    const revealed = await control(staff.facilitator, { type: 'reveal' });
    if (!revealed.ok) throw new Error(`reveal: ${revealed.error.message}`);
    await staff.facilitator.until(() => staff.facilitator.view?.vote.phase === 'revealed', 'the reveal');
    const counts = staff.facilitator.view!.vote.results!.counts;
    const expected = new Map<string, number>();
    for (const vote of votes)
      if (vote.room === staff.code && vote.option) expected.set(vote.option, (expected.get(vote.option) ?? 0) + 1);
    for (const [option, n] of expected) lost += Math.max(0, n - (counts[option] ?? 0));
    if (!options.checkOnly) await advance(staff);
  }
  return {
    latencies,
    taps,
    ackLatencies: votes.filter((v) => v.sent !== undefined && !v.retried).map((v) => v.acked! - v.sent!),
    acknowledged: votes.filter((v) => v.option).length,
    unacknowledged: votes.filter((v) => !v.option).length,
    lost,
    retried: votes.filter((v) => v.retried).length,
    dropped,
    rejoins,
    rejoinedAt,
  };
}

export function latencyOf(vote: VoteOutcome, tallies: Array<{ seq: number; at: number }>): number {
  const shown = tallies.find((t) => t.seq >= vote.seq!);
  if (!shown) throw new Error(`No tally reached seq ${vote.seq}`);
  return shown.at - vote.sent!;
}

export async function advance(staff: Staff): Promise<void> {
  const results = (staff.facilitator.view as FacilitatorView).vote.results!;
  const intent = results.majority
    ? { type: 'advance' as const }
    : { type: 'advance' as const, option: optionsOf(staff)[0]!, reason: 'a tie in the benchmark' };
  const advanced = await control(staff.facilitator, intent);
  if (!advanced.ok) throw new Error(`advance: ${advanced.error.message}`);
  await staff.facilitator.until(() => staff.facilitator.view?.vote.phase === 'idle', 'the next decision');
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
export const stats = (values: number[]) => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  p99: percentile(values, 99),
  n: values.length,
});
