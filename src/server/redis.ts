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
import { createClient } from 'redis';

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

export async function connectRedis(url: string, log: (line: string) => void): Promise<RedisLink> {
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
    adapter: createAdapter(client, { maxLen: 100_000, onlyPlaintext: true }),
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
