/**
 * `npm start`: the game and the workshop server from one process on one port.
 *
 *   PORT (default 5173), HOST (default 0.0.0.0: phones on the local network can join),
 *   BRANCHPOINT_DB (default .data/workshop.sqlite), BRANCHPOINT_ORIGINS (extra allowed page
 *   origins, comma-separated), BRANCHPOINT_DIST (default dist), BRANCHPOINT_SCENARIOS (default scenarios),
 *   BRANCHPOINT_RETENTION_DAYS (default 30: assignments and workshop sessions older are purged).
 *   `--port N` and `--host H` override the environment. PORT=0 lets the system pick a free port;
 *   once listening it prints "Branchpoint is running on port N …", which scripts and tests read.
 *
 * Several processes (docs/deploying.md): BRANCHPOINT_DATABASE_URL (a postgres:// address: the
 * PostgreSQL store instead of SQLite) and BRANCHPOINT_REDIS_URL (a redis:// address: Socket.IO's
 * Redis adapter and rate limits shared by all processes). Without them, nothing but Node is needed.
 * BRANCHPOINT_TRUST_PROXY=1: behind a balancer, a connection's address for per-address limits is
 * the one the balancer appended to X-Forwarded-For (only when the processes are reachable only
 * through it).
 */
import { resolve } from 'node:path';
import { shortJoinAddress } from '../workshop/short-address.ts';
import { retentionFromEnv } from './assignments.ts';
import { openSqliteAssignmentStore } from './assignments-store-sqlite.ts';
import { limitsFromEnv } from './limits-config.ts';
import type { RedisLink } from './redis.ts';
import { loadRoomScenarios } from './scenarios.ts';
import { startServer } from './server.ts';
import { sqliteProblem, sqliteProblemMessage } from './sqlite-check.ts';
import { openSqliteStore } from './store-sqlite.ts';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const port = Number(option('port') ?? process.env.PORT ?? 5173);
const host = option('host') ?? process.env.HOST ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`PORT must be a port number, not "${option('port') ?? process.env.PORT}"`);
const database = resolve(process.env.BRANCHPOINT_DB ?? '.data/workshop.sqlite');
const databaseUrl = process.env.BRANCHPOINT_DATABASE_URL?.trim() || undefined;
const redisUrl = process.env.BRANCHPOINT_REDIS_URL?.trim() || undefined;
const log = (line: string) => console.log(`[workshop] ${line}`);

let retentionDays = 0;
let limits;
try {
  retentionDays = retentionFromEnv(process.env.BRANCHPOINT_RETENTION_DAYS);
  limits = limitsFromEnv(process.env);
} catch (error) {
  fail((error as Error).message);
}

let scenarios;
try {
  scenarios = loadRoomScenarios(resolve(process.env.BRANCHPOINT_SCENARIOS ?? 'scenarios'));
} catch (error) {
  fail((error as Error).message);
}

// PostgreSQL and Redis clients are loaded only when configured: the default start stays light.
const store = databaseUrl
  ? await (
      await import('./store-postgres.ts')
    )
      .openPostgresStore(databaseUrl, { log })
      .catch((error: Error) => fail(`BRANCHPOINT_DATABASE_URL: ${error.message}`))
  : openSqlite();
let redis: RedisLink | undefined;
if (redisUrl)
  redis = await (
    await import('./redis.ts')
  )
    .connectRedis(redisUrl, log)
    .catch((error: Error) => fail(`BRANCHPOINT_REDIS_URL: ${error.message}`));

function openSqlite() {
  // Refuse to start on a database that cannot take a vote, rather than fail in front of the class.
  const databaseProblem = sqliteProblem(database);
  if (databaseProblem) fail(sqliteProblemMessage(database, databaseProblem));
  try {
    return openSqliteStore(database);
  } catch (error) {
    fail(sqliteProblemMessage(database, (error as Error).message));
  }
}

const server = await startServer({
  host,
  port,
  dist: resolve(process.env.BRANCHPOINT_DIST ?? 'dist'),
  scenarios,
  store,
  limits,
  // With Redis, per-address limits are one budget for all processes.
  ...(redis ? { redis, limiterFactory: (await import('./limiter-redis.ts')).redisLimiters(redis.client) } : {}),
  trustProxy: process.env.BRANCHPOINT_TRUST_PROXY === '1',
  log,
  // Assignments keep their records beside the rooms: in the SQLite file, or in PostgreSQL.
  assignments: {
    store: databaseUrl
      ? await (
          await import('./assignments-store-postgres.ts')
        )
          .openPostgresAssignmentStore(databaseUrl, { log })
          .catch((error: Error) => fail(`BRANCHPOINT_DATABASE_URL: ${error.message}`))
      : openSqliteAssignmentStore(database),
    retentionDays,
  },
  extraOrigins: (process.env.BRANCHPOINT_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean),
}).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another one.` : String(error.stack ?? error)),
);

console.log(
  `Branchpoint is running on port ${server.port} (${scenarios.size} scenario${scenarios.size === 1 ? '' : 's'}; sessions kept in ${databaseUrl ? 'PostgreSQL' : database}${redis ? '; sockets shared through Redis' : ''}).`,
);
for (const origin of server.origins) console.log(`  ${origin}/`);
console.log('Phones on the same network open one of these addresses; to join a workshop, add /join to it');
console.log(`(for example ${shortJoinAddress(server.origins[0]!)}) or the room code. Ctrl+C stops the server.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
