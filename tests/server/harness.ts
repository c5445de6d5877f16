/**
 * Test harness: a real server on a 127.0.0.1 port the system picks, with a temporary SQLite file
 * and the small fixture scenario (tests/fixtures/valid/workshop-small), either in this process
 * or as a child process that can be killed; and socket.io-client clients that behave like the
 * pages (join again after a reconnection that Socket.IO could not recover).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
  ClientToServerEvents,
  JoinAck,
  JoinRequest,
  RoomView,
  ServerToClientEvents,
  Tally,
} from '../../src/workshop/protocol.ts';
import { loadRoomScenarios } from '../../src/server/scenarios.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { openSqliteStore } from '../../src/server/store-sqlite.ts';
import type { SocketLimits } from '../../src/server/sockets.ts';
import type { LimiterFactory } from '../../src/server/limiter.ts';
import { freePort, repoRoot } from '../e2e/server.ts';
import { SMALL_FOLDER } from '../workshop/helpers.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A folder with a stand-in for the built game, a file outside it, and a database path. */
export function tempSite() {
  const folder = mkdtempSync(join(tmpdir(), 'branchpoint-server-'));
  const dist = join(folder, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Branchpoint</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), `console.log(${JSON.stringify('x'.repeat(2000))});`);
  writeFileSync(join(folder, 'secret.txt'), 'outside the site');
  return {
    folder,
    dist,
    database: join(folder, 'workshop.sqlite'),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

let scenarios: ReturnType<typeof loadRoomScenarios> | undefined;

export async function startTestServer(
  options: { limits?: SocketLimits; database?: string; dist?: string; limiterFactory?: LimiterFactory } = {},
) {
  const site = tempSite();
  const log: string[] = [];
  scenarios ??= loadRoomScenarios(SMALL_FOLDER);
  const server: RunningServer = await startServer({
    host: '127.0.0.1',
    port: 0,
    dist: options.dist ?? site.dist,
    scenarios,
    store: openSqliteStore(options.database ?? site.database),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.limiterFactory ? { limiterFactory: options.limiterFactory } : {}),
    log: (line) => log.push(line),
  });
  return {
    server,
    site,
    log,
    url: `http://127.0.0.1:${server.port}`,
    async stop() {
      await server.close();
      site.remove();
    },
  };
}

/** The line src/server/main.ts prints once it listens, naming the port it got. */
const RUNNING = /^Branchpoint is running on port (\d+) /m;

export interface ServerProcessOptions {
  /** The scenarios folder (BRANCHPOINT_SCENARIOS); the flagship's folder when not given. */
  scenarios?: string;
  /** Another server to run instead of src/server/main.ts (the bench's bare Socket.IO server). */
  entry?: string;
}

/**
 * The server as a child process (`node --import tsx src/server/main.ts`), so a test can SIGKILL it.
 * With port 0 the server picks a free port and reports it, so no other process can take it in
 * between; pass the port it reported to start it again where the pages reconnect. Another entry
 * that prints no such line must be given a port, and is ready when /api/health answers.
 */
export async function startServerProcess(
  port: number,
  database: string,
  dist: string,
  options: ServerProcessOptions = {},
) {
  const entry = options.entry ?? 'src/server/main.ts';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BRANCHPOINT_DB: database,
      BRANCHPOINT_DIST: dist,
      ...(options.scenarios ? { BRANCHPOINT_SCENARIOS: options.scenarios } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => process.off('exit', killOnExit));

  let listening: number | undefined;
  for (let attempt = 0; listening === undefined; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The server exited (code ${child.exitCode}):\n${output}`);
    if (attempt === 300) throw new Error(`The server did not start within 30 s:\n${output}`);
    const reported = RUNNING.exec(output);
    if (reported) listening = Number(reported[1]);
    else if (port !== 0 && (await healthy(port))) listening = port;
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (port !== 0 && listening !== port) throw new Error(`The server listens on port ${listening}, not ${port}`);
  const url = `http://127.0.0.1:${listening}`;
  if (!(await healthy(listening))) throw new Error(`${url}/api/health does not answer:\n${output}`);
  return {
    url,
    port: listening,
    pid: child.pid!,
    output: () => output,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  } catch {
    return false; // not listening yet
  }
}

/** For the bench, whose bare server cannot report its port. */
export { freePort };

/**
 * A page's connection: joins, keeps its secret or token, joins again when a reconnection could
 * not be recovered (a server restart), and keeps the latest view and tally.
 */
export class TestClient {
  readonly socket: ClientSocket;
  view: RoomView | undefined;
  tally: Tally | undefined;
  private request: JoinRequest | undefined;
  private readonly waiters: Array<{ test: () => boolean; resolve: () => void }> = [];
  rejoins = 0;
  /** performance.now() of the last join the server accepted (the first, or one after a reconnection). */
  joinedAt = 0;
  /** Called whenever the view changes: from a `view` message or from a join's answer. */
  onView: ((view: RoomView) => void) | undefined;

  /** `localAddress`: a loopback address (127.0.0.x) to connect from, as a page on another network. */
  /** `reconnectionDelay`…: a page's own timing (src/workshop/reconnection.ts) instead of the tests' quick one. */
  constructor(
    url: string,
    options: {
      extraHeaders?: Record<string, string>;
      localAddress?: string;
      reconnectionDelay?: number;
      reconnectionDelayMax?: number;
      randomizationFactor?: number;
    } = {},
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
      ...options,
    } as Partial<ManagerOptions & SocketOptions>);
    this.socket.on('view', (view) => {
      if (!this.view || view.seq >= this.view.seq) this.setView(view);
      this.check();
    });
    this.socket.on('tally', (tally) => {
      this.tally = tally;
      this.check();
    });
    this.socket.on('connect', () => {
      if (this.request && !this.socket.recovered) {
        this.rejoins++;
        void this.join(this.request);
      }
    });
  }

  async join(request: JoinRequest): Promise<JoinAck> {
    const ack = await this.socket.emitWithAck('join', request);
    if (ack.ok) {
      this.joinedAt = performance.now();
      this.request = ack.token && request.role === 'participant' ? { ...request, token: ack.token } : request;
      if (!this.view || ack.view.seq >= this.view.seq) this.setView(ack.view);
      this.check();
    }
    return ack;
  }

  /** Joins again with what the page kept (its secret or token), as after a reload. */
  rejoin(): Promise<JoinAck> {
    if (!this.request) throw new Error('Not joined yet');
    return this.join(this.request);
  }

  /** The participant token this page keeps. */
  get token(): string | undefined {
    return this.request?.role === 'participant' ? this.request.token : undefined;
  }

  /** Resolves when the test holds (checked on every view and tally); fails after `ms`. */
  until(test: () => boolean, what: string, ms = 10_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), ms);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private setView(view: RoomView) {
    this.view = view;
    this.onView?.(view);
  }

  private check() {
    for (const waiter of [...this.waiters]) {
      if (waiter.test()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  close() {
    this.socket.close();
  }
}

/** A facilitator's request; an answer lost with a killed process fails after 30 s instead of waiting for ever. */
export const control = (client: TestClient, intent: Parameters<ClientToServerEvents['control']>[0]['intent']) =>
  client.socket.timeout(30_000).emitWithAck('control', { v: 1, intent });
