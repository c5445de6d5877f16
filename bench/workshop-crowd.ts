/**
 * The simulated participants of `npm run bench:workshop`, in their own process so that their
 * work does not delay the projector whose clock measures latency. Driven over IPC by
 * bench/workshop.ts. Each participant behaves as the page does: joins with a nickname, keeps its
 * token, joins again after a reconnection Socket.IO could not recover, and sends its vote again
 * when the first try was never acknowledged.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/workshop/protocol.ts';

export type CrowdCommand =
  | { cmd: 'join'; url: string; rooms: Array<{ code: string; participants: number }> }
  | { cmd: 'await-open'; round: number }
  | {
      cmd: 'vote';
      windowMs: number;
      options: Record<string, string[]>;
      drop?: { fraction: number; downMs: [number, number] };
    }
  | { cmd: 'close' };

export type CrowdReply =
  | { cmd: 'joined'; participants: number; ms: number }
  | { cmd: 'open'; participants: number }
  | { cmd: 'voted'; votes: VoteOutcome[]; dropped: number; rejoins: number }
  | { cmd: 'error'; message: string };

export interface VoteOutcome {
  room: string;
  /** The option of the last acknowledged vote. */
  option?: string;
  /** Clock (performance.timeOrigin + now, ms) when the acknowledged vote was sent; undefined when retried. */
  sent?: number;
  /** Clock when its acknowledgement arrived. */
  acked?: number;
  seq?: number;
  /** Sent more than once (dropped connection or a killed server in between). */
  retried: boolean;
}

const clock = () => performance.timeOrigin + performance.now();
const MAX_TRIES = 20;

class Participant {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  token: string | undefined;
  round = 0;
  phase = 'idle';
  rejoins = 0;
  private joining: Promise<void> | undefined;

  constructor(
    url: string,
    readonly room: string,
    readonly nickname: string,
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 1000,
      randomizationFactor: 0.5,
      timeout: 10_000,
    });
    this.socket.on('view', (view) => {
      this.round = view.vote.round;
      this.phase = view.vote.phase;
    });
    this.socket.on('connect', () => {
      if (this.token && !this.socket.recovered) {
        this.rejoins++;
        this.joining = this.join();
      }
    });
  }

  async join(): Promise<void> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      try {
        const ack = await this.socket.timeout(10_000).emitWithAck('join', {
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
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      if (!this.socket.connected) await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
      if (this.joining) await this.joining.catch(() => {});
      const sent = clock();
      try {
        const ack = await this.socket.timeout(5_000).emitWithAck('vote', { v: 1, option });
        if (ack.ok)
          return {
            room: this.room,
            option,
            sent: attempt === 0 ? sent : undefined,
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
    return { room: this.room, retried: true };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let crowd: Participant[] = [];
const reply = (message: CrowdReply): void => void process.send!(message);

async function handle(command: CrowdCommand): Promise<void> {
  switch (command.cmd) {
    case 'join': {
      const started = performance.now();
      crowd = command.rooms.flatMap(({ code, participants }) =>
        // With the room's code in the address, as the page does, so a balancer keeps a room together.
        Array.from({ length: participants }, (_, i) => new Participant(`${command.url}?room=${code}`, code, `P${i}`)),
      );
      // In groups, as a class arrives: a thousand handshakes at once would time out on 2 cores.
      for (let i = 0; i < crowd.length; i += 100) await Promise.all(crowd.slice(i, i + 100).map((p) => p.join()));
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
      return reply({ cmd: 'voted', votes, dropped: dropping.size, rejoins });
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
  setTimeout(() => {
    manager.reconnection(true);
    p.socket.connect();
  }, downMs);
}

process.on('message', (command: CrowdCommand) => {
  handle(command).catch((error: unknown) =>
    reply({ cmd: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
