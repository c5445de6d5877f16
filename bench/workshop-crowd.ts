/**
 * The simulated participants of `npm run bench:workshop` and `npm run bench:cluster`, in their own
 * process(es) so that their work does not delay the projector whose clock measures latency.
 * Driven over IPC by bench/workshop-rounds.ts (`Crowd`). Each participant behaves as the page
 * does: joins with a nickname, keeps its token, joins again after a reconnection Socket.IO could
 * not recover, and sends its vote again when the first try was never acknowledged.
 *
 * Connections are opened as a class arrives, not all at once: a participant's socket connects
 * only when its turn in the join queue comes, and at most `concurrency` participants are between
 * "connecting" and "joined" at any moment. (Creating 5,000 sockets that all connect at once made
 * 5,000 WebSocket handshakes through nginx together; on 2 cores many missed the 10 s connect
 * timeout, reconnected, and the joins behind them timed out in turn.) WebSocket only, as the
 * page's connection to a room: no long-polling handshake first.
 */
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/workshop/protocol.ts';
import { BackoffSkip, PHONE_RECONNECTION } from '../src/workshop/reconnection.ts';

export interface CrowdRoom {
  code: string;
  participants: number;
  /** A loopback address (127.0.0.x) the room's phones connect from, as from their school's network. */
  from?: string;
}

export type CrowdCommand =
  | { cmd: 'join'; url: string; rooms: CrowdRoom[]; concurrency?: number }
  | { cmd: 'await-open'; round: number }
  | {
      cmd: 'vote';
      windowMs: number;
      options: Record<string, string[]>;
      drop?: { fraction: number; downMs: [number, number] };
    }
  | { cmd: 'close' };

/** Every reply carries `cpuMs`: the CPU time (user + system) this crowd process has used so far. */
export type CrowdReply = (
  | { cmd: 'joined'; participants: number; ms: number }
  | { cmd: 'open'; participants: number }
  | { cmd: 'voted'; votes: VoteOutcome[]; dropped: number; rejoins: number; rejoinedAt: number[] }
  | { cmd: 'error'; message: string }
) & { cpuMs: number };

export interface VoteOutcome {
  room: string;
  /** The option of the last acknowledged vote. */
  option?: string;
  /**
   * Clock (performance.timeOrigin + now, ms) when the participant tapped: the vote goes out at
   * once when the phone is joined; while it is reconnecting, the page holds it until it has joined
   * again (src/ui/workshop/connection.ts), and that wait counts.
   */
  tapped: number;
  /** Clock when the acknowledged vote was sent; undefined when retried. */
  sent?: number;
  /** Clock when the try that was acknowledged was sent (the first or a later one). */
  sentLast?: number;
  /** Clock when its acknowledgement arrived. */
  acked?: number;
  seq?: number;
  /** Sent more than once (dropped connection or a killed server in between). */
  retried: boolean;
}

const clock = () => performance.timeOrigin + performance.now();
const MAX_TRIES = 20;
/** Participants connecting or joining at once, unless the command says otherwise. */
const CONCURRENCY = 50;
const JOIN_WAIT_MS = 60_000;

class Participant {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  token: string | undefined;
  round = 0;
  phase = 'idle';
  rejoins = 0;
  /** Clock of each join after a reconnection that Socket.IO could not recover. */
  readonly rejoinedAt: number[] = [];
  private joining: Promise<void> | undefined;
  /** As the page: a vote while the line waits out its backoff tries to reconnect at once. */
  readonly backoff: BackoffSkip;

  constructor(
    url: string,
    readonly room: string,
    readonly nickname: string,
    from?: string,
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      // Connects when its turn in the join queue comes (start()).
      autoConnect: false,
      // As the page's phones: when their server process dies, they come back on Socket.IO's own spread.
      ...PHONE_RECONNECTION,
      timeout: 10_000,
      ...(from ? { localAddress: from } : {}),
    } as Partial<ManagerOptions & SocketOptions>);
    this.socket.on('view', (view) => {
      this.round = view.vote.round;
      this.phase = view.vote.phase;
    });
    this.backoff = new BackoffSkip(this.socket);
    this.socket.on('connect', () => {
      if (this.token && !this.socket.recovered) {
        this.rejoins++;
        this.joining = this.join().then(() => void this.rejoinedAt.push(clock()));
      }
    });
  }

  /** Resolves when the last join after a reconnection has been answered (or given up). */
  async joined(): Promise<void> {
    await this.joining?.catch(() => {});
  }

  /** Opens the connection and joins once it is open. */
  async start(): Promise<void> {
    this.socket.connect();
    await this.connected();
    await this.join();
  }

  private connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('connect', () => resolve()));
  }

  async join(): Promise<void> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      try {
        // A join sent while disconnected would wait in the buffer and time out there.
        await this.connected();
        // A join given up too soon may still succeed on the server: sent again without a token, it
        // makes a second participant, so the wait is long (a loaded machine answers late, not never).
        const ack = await this.socket.timeout(JOIN_WAIT_MS).emitWithAck('join', {
          v: 1,
          role: 'participant',
          code: this.room,
          nickname: this.nickname,
          ...(this.token ? { token: this.token } : {}),
        });
        if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
        this.token = ack.token ?? this.token;
        this.round = ack.view.vote.round;
        this.phase = ack.view.vote.phase;
        return;
      } catch (error) {
        if (attempt === MAX_TRIES - 1) throw error;
        await sleep(200);
      }
    }
  }

  /** Votes until acknowledged, across dropped connections and server restarts. */
  async vote(option: string): Promise<VoteOutcome> {
    const tapped = clock();
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      if (!this.socket.connected) {
        const back = new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
        // As the page (src/ui/workshop/connection.ts request()): a tap while the line is down tries
        // to reconnect now instead of when the backoff timer says.
        this.backoff.now();
        await back;
      }
      if (this.joining) await this.joining.catch(() => {});
      const sent = clock();
      try {
        const ack = await this.socket.timeout(5_000).emitWithAck('vote', { v: 1, option });
        if (ack.ok)
          return {
            room: this.room,
            option,
            tapped,
            sent: attempt === 0 ? sent : undefined,
            sentLast: sent,
            acked: clock(),
            seq: ack.seq,
            retried: attempt > 0,
          };
        if (ack.error.code !== 'not-joined') throw new Error(`${ack.error.code}: ${ack.error.message}`);
      } catch (error) {
        // Lost with the connection: send it again once back.
        if (!(error instanceof Error) || !/timed out|disconnected/i.test(error.message)) throw error;
      }
    }
    return { room: this.room, tapped, retried: true };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (since: number) => Math.round((performance.now() - since) / 1000);
let crowd: Participant[] = [];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
type Reply = CrowdReply extends infer R ? (R extends unknown ? Omit<R, 'cpuMs'> : never) : never;
const reply = (message: Reply): void => void process.send!({ ...message, cpuMs: cpuMs() });

/** Runs `work` on every item, at most `limit` at a time. */
async function pooled<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function handle(command: CrowdCommand): Promise<void> {
  switch (command.cmd) {
    case 'join': {
      const started = performance.now();
      crowd = command.rooms.flatMap(({ code, participants, from }) =>
        // With the room's code in the address, as the page does, so a balancer keeps a room together.
        Array.from(
          { length: participants },
          (_, i) => new Participant(`${command.url}?room=${code}`, code, `P${i}`, from),
        ),
      );
      // Rooms fill one after another in the queue order, as classes arrive.
      let done = 0;
      const progress = setInterval(
        () => console.log(`  crowd ${process.pid}: ${done} of ${crowd.length} joined after ${seconds(started)} s`),
        15_000,
      );
      try {
        await pooled(crowd, command.concurrency ?? CONCURRENCY, async (p) => {
          await p.start();
          done++;
        });
      } finally {
        clearInterval(progress);
      }
      return reply({ cmd: 'joined', participants: crowd.length, ms: performance.now() - started });
    }
    case 'await-open': {
      for (let i = 0; i < 600 && !crowd.every((p) => p.phase === 'open' && p.round === command.round); i++)
        await sleep(50);
      return reply({ cmd: 'open', participants: crowd.filter((p) => p.phase === 'open').length });
    }
    case 'vote': {
      const { windowMs, options, drop } = command;
      const dropping = new Set(drop ? crowd.filter(() => Math.random() < drop.fraction) : []);
      const rejoinsBefore = crowd.reduce((n, p) => n + p.rejoins, 0);
      for (const p of crowd) p.rejoinedAt.length = 0;
      const votes = await Promise.all(
        crowd.map(async (p) => {
          const choices = options[p.room]!;
          const option = choices[Math.floor(Math.random() * choices.length)]!;
          const at = Math.random() * windowMs;
          if (dropping.has(p)) {
            // The connection drops at a random moment of the vote and comes back a little later;
            // half of these participants had voted before it dropped.
            const votesFirst = Math.random() < 0.5;
            const dropAt = Math.random() * windowMs;
            const down = drop!.downMs[0] + Math.random() * (drop!.downMs[1] - drop!.downMs[0]);
            if (votesFirst) {
              await sleep(Math.min(at, dropAt));
              const outcome = await p.vote(option);
              await sleep(Math.max(0, dropAt - at));
              dropConnection(p, down);
              return outcome;
            }
            await sleep(dropAt);
            dropConnection(p, down);
            await sleep(down + Math.random() * 200);
            return p.vote(option);
          }
          await sleep(at);
          return p.vote(option);
        }),
      );
      const rejoins = crowd.reduce((n, p) => n + p.rejoins, 0) - rejoinsBefore;
      // Phones still away when the last vote is in (reconnecting on their own after their server
      // died) are waited for, half a minute at most, and their joins too, so that the times of
      // the joins after a reconnection count every phone.
      for (let i = 0; i < 600 && crowd.some((p) => !p.socket.connected); i++) await sleep(50);
      await Promise.all(crowd.map((p) => p.joined()));
      const rejoinedAt = crowd.flatMap((p) => p.rejoinedAt);
      return reply({ cmd: 'voted', votes, dropped: dropping.size, rejoins, rejoinedAt });
    }
    case 'close':
      for (const p of crowd) p.socket.close();
      crowd = [];
      process.exit(0);
  }
}

/** As a phone leaving Wi-Fi: the transport closes without a goodbye, and Socket.IO reconnects on its own. */
function dropConnection(p: Participant, downMs: number): void {
  const manager = p.socket.io;
  manager.reconnection(false);
  manager.engine.close();
  p.backoff.forget(); // off the network: no try can work until it is back
  setTimeout(() => {
    manager.reconnection(true);
    p.backoff.forget(); // a try is under way
    p.socket.connect();
  }, downMs);
}

process.on('message', (command: CrowdCommand) => {
  handle(command).catch((error: unknown) =>
    reply({ cmd: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
