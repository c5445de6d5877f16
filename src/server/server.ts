/**
 * One HTTP server on one port: the built game as static files, and Socket.IO for workshop rooms.
 *
 * Socket.IO's defaults are tightened: only pages from this server (or configured origins) may
 * connect; a message over MAX_HTTP_BUFFER bytes closes its connection (the protocol's own limit,
 * LIMITS.messageBytes, answers smaller oversized messages with an error instead); the client
 * library is not served (the page bundles it); connection-state recovery is on, so a phone that
 * drops for up to two minutes comes back into its rooms without joining again.
 */
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { joinUrl } from '../workshop/protocol.ts';
import { shortAddressTarget } from '../workshop/short-address.ts';
import type { RoomScenario } from '../workshop/room.ts';
import { startAssignments, type AssignmentOptions } from './assignments.ts';
import { Broadcaster, type WorkshopServer } from './broadcast.ts';
import { clientAddress } from './forwarded.ts';
import { serveHealth } from './health.ts';
import { watchRoomPresence } from './presence-bus.ts';
import { allowedOrigins, reachableOrigins, rememberedOrigins } from './lan.ts';
import type { RedisLink } from './redis.ts';
import { RoomHost } from './room-host.ts';
import type { LimiterFactory } from './limiter.ts';
import { attachSockets, type SocketLimits } from './sockets.ts';
import { serveStatic } from './static.ts';
import type { WorkshopStore } from './store.ts';

/** Connections waiting to be accepted (see the listen call). */
const LISTEN_BACKLOG = 4096;
export const MAX_HTTP_BUFFER = 16 * 1024;
const IDLE_ROOM_MS = 30 * 60_000;

export interface ServerOptions {
  host: string;
  port: number;
  /** The built game (dist/). */
  dist: string;
  scenarios: ReadonlyMap<string, RoomScenario>;
  store: WorkshopStore;
  /** Origins besides the server's own that may open sockets (e.g. a page served elsewhere). */
  extraOrigins?: string[];
  limits?: SocketLimits;
  /** Assignments (homework played at each student's pace), on the same server and database. */
  assignments?: AssignmentOptions;
  /** Where rate limits are counted (default: this process's memory); see src/server/limiter.ts. */
  limiterFactory?: LimiterFactory;
  log?: (line: string) => void;
  /** Several processes: Socket.IO's Redis streams adapter (redis.ts); closed with the server. */
  redis?: RedisLink;
  /** Behind a balancer: per-address limits use the address it saw (forwarded.ts). */
  trustProxy?: boolean;
}

export interface RunningServer {
  http: HttpServer;
  io: WorkshopServer;
  host: RoomHost;
  port: number;
  /** Where people can open the page: LAN addresses first. */
  origins: string[];
  close(): Promise<void>;
}

/** A page at one of this server's own origins (see `allowedOrigins`) or a configured extra. */
export function originAllowed(request: Pick<IncomingMessage, 'headers'>, allows: (origin: string) => boolean): boolean {
  const origin = request.headers.origin;
  // Browsers always send Origin with WebSockets and cross-origin requests; other clients are not a page an attacker controls.
  if (origin === undefined) return true;
  return allows(origin);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(`[workshop] ${line}`));
  const extra = options.extraOrigins ?? [];
  // A miss that is a short address (`/join`, `/<CODE>`) is sent to the workshop page's route.
  const statics = serveStatic(options.dist, shortAddressTarget);
  const host = new RoomHost(options.store, options.scenarios, Date.now, log);

  const http = createServer((request, response) => {
    if (request.url === '/api/health') {
      response
        .writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify({ ok: true, rooms: host.liveRooms }));
      return;
    }
    const checks = { store: () => options.store.ping(), ...(options.redis ? { redis: options.redis.ping } : {}) };
    if (serveHealth(request, response, checks)) return;
    statics(request, response);
  });

  const io: WorkshopServer = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: MAX_HTTP_BUFFER,
    allowRequest: (request, callback) => {
      const allowed = originAllowed(request, allows);
      // Header values cannot hold line breaks (Node refuses them), so this cannot forge a log line.
      if (!allowed) log(`refused a connection from origin ${request.headers.origin}`);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    ...(options.redis ? { adapter: options.redis.adapter } : {}),
  });

  let origins: string[] = [];
  const assignments = options.assignments
    ? await startAssignments(
        io as unknown as Server,
        options.scenarios,
        { ...(options.limiterFactory ? { limiterFactory: options.limiterFactory } : {}), ...options.assignments },
        () => origins,
        log,
      )
    : undefined;
  const listeningPort = () => (http.address() as AddressInfo | null)?.port ?? options.port;
  // The port is known once listening; no connection can arrive before that.
  const allows = rememberedOrigins(() => allowedOrigins(options.host, listeningPort(), extra));
  const broadcaster = new Broadcaster(io, (code) => origins.map((o) => joinUrl(o, code)));
  host.onChange = (room, change) => broadcaster.changed(room, change);
  if (options.redis) {
    broadcaster.cutOff = () => !options.redis!.client.isReady;
    watchRoomPresence(io, broadcaster, host, options.redis, log);
  }
  if (options.trustProxy)
    io.use((socket, next) => {
      socket.data.ip = clientAddress(socket.handshake, true);
      next();
    });
  attachSockets({
    io,
    host,
    broadcaster,
    origins: () => origins,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.limiterFactory ? { limiterFactory: options.limiterFactory } : {}),
    log,
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    // A long queue of connections not yet accepted (Node's default is 511; the kernel caps it at
    // net.core.somaxconn). When a server process dies, its rooms' pages all reconnect to the others
    // within seconds; with a short queue the surplus handshakes were dropped, nginx timed out
    // connecting, counted the busy process as down and, with both remaining processes marked down,
    // answered "no live upstreams" for minutes (bench:cluster, 100 rooms; docs/performance.md).
    http.listen({ port: options.port, host: options.host, backlog: LISTEN_BACKLOG }, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  origins = reachableOrigins(options.host, port);

  const sweep = setInterval(() => host.unloadIdle(IDLE_ROOM_MS).forEach((code) => broadcaster.forget(code)), 60_000);
  sweep.unref();

  return {
    http,
    io,
    host,
    port,
    origins,
    async close() {
      clearInterval(sweep);
      host.stopClocks();
      await host.settle();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await assignments?.close();
      await options.redis?.close();
      await options.store.close();
    },
  };
}
