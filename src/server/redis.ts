/**
 * The link to Redis when several processes serve the workshop (BRANCHPOINT_REDIS_URL): Socket.IO's
 * Redis streams adapter, which carries broadcasts to sockets on other processes and keeps
 * connection-state recovery working when a phone reconnects to another process.
 *
 * Redis holds no votes. When it is down, the client keeps reconnecting and holds commands until
 * it is back (so screens are updated late, not wrongly); votes are still committed to the store
 * and acknowledged; recovery sessions written during the outage are lost, and pages whose
 * recovery fails join again with their tokens.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import {
  AbortError,
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  createClient,
  DisconnectsClientError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
} from 'redis';
import { filtered } from './stream-filter.ts';

const newClient = (url: string) =>
  createClient({
    url,
    socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  });
export type RedisClient = ReturnType<typeof newClient>;

export interface RedisLink {
  client: RedisClient;
  adapter: ReturnType<typeof createAdapter>;
  /** Resolves when Redis answers within a second (for the readiness check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const PING_MS = 1000;

/** What the Redis client rejects a command with when Redis is slow (5 s without an answer) or unreachable. */
const LINK_ERRORS = [
  TimeoutError,
  SocketTimeoutError,
  ConnectionTimeoutError,
  SocketClosedUnexpectedlyError,
  ClientClosedError,
  ClientOfflineError,
  DisconnectsClientError,
  AbortError,
];
let guarded = false;

/**
 * The streams adapter sends some commands without waiting for them (saving a connection's
 * recovery session when it drops, publishing some messages). When Redis is slow or gone, such a
 * command is rejected and nobody handles it, and Node stops the process on an unhandled
 * rejection: a loaded Redis would kill the server processes one after another (seen in
 * `npm run bench:cluster`: a `TimeoutError` from the Redis client's command queue). Those
 * rejections only mean a message or a recovery session was not kept, which the pages survive
 * (they join again with their tokens), so they are logged, once per kind of error per minute;
 * any other unhandled rejection still stops the process, as Node would.
 */
function guardAgainstLinkErrors(log: (line: string) => void): void {
  if (guarded) return;
  guarded = true;
  const lastLogged = new Map<string, number>();
  process.on('unhandledRejection', (reason) => {
    if (!LINK_ERRORS.some((kind) => reason instanceof kind)) throw reason;
    const name = (reason as Error).name;
    const now = Date.now();
    if (now - (lastLogged.get(name) ?? 0) < 60_000) return;
    lastLogged.set(name, now);
    log(
      `a Redis command was not answered (${name}: ${(reason as Error).message}); a message or recovery session may be lost`,
    );
  });
}

export async function connectRedis(url: string, log: (line: string) => void): Promise<RedisLink> {
  guardAgainstLinkErrors(log);
  const client = newClient(url);
  let down = false;
  // Without a listener a lost connection would stop the process; log an outage once, not every retry.
  client.on('error', (error: Error) => {
    if (!down) log(`Redis unreachable (${error.message}); retrying`);
    down = true;
  });
  client.on('ready', () => {
    if (down) log('Redis is back');
    down = false;
  });
  try {
    await client.connect();
  } catch (error) {
    await client.destroy();
    throw new Error(`Could not reach Redis at ${url}: ${(error as Error).message}`, { cause: error });
  }
  return {
    client,
    // The stream keeps the last 100,000 messages: recovery works for a phone away that many messages.
    // Each process skips the entries for rooms it has no socket in (stream-filter.ts).
    adapter: filtered(createAdapter(client, { maxLen: 100_000, onlyPlaintext: true })),
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PING_MS} ms`)), PING_MS);
      });
      try {
        await Promise.race([client.ping(), late]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
