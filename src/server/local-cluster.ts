/**
 * A whole deployment on this machine: PostgreSQL, Redis, N server processes (src/server/main.ts,
 * each its own Node process) and nginx in front with the repository's site
 * (deploy/nginx-branchpoint.conf). Used by `npm run cluster`, the cluster tests and
 * `npm run bench:cluster`. Everything runs on 127.0.0.1 in temporary folders.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startNginx, startPostgres, startRedis, type Killable } from './local-engines.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  port: number;
  url: string;
  pid: () => number | undefined;
  output: () => string;
  /** Starts it (again) on its port; resolves when /readyz answers 200. */
  start(): Promise<void>;
  /** SIGKILL by default, as a crash would. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  alive(): boolean;
}

export interface LocalCluster {
  /** The balancer's address: where pages go. */
  url: string;
  servers: ServerProcess[];
  postgres: Killable;
  redis: Killable;
  nginx: Killable;
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  processes: number;
  dist: string;
  scenarios?: string;
  /** Extra environment for the server processes. */
  env?: Record<string, string>;
  /** The program each process runs (default src/server/main.ts; the benches run a bare server). */
  entry?: string;
  /** The balancer's port (default: a free one). */
  listen?: number;
  /** Lines the processes print, as they come. */
  onOutput?: (server: number, line: string) => void;
}

const killers = new Set<() => void>();
process.once('exit', () => killers.forEach((kill) => kill()));

export function serverProcess(
  port: number,
  env: Record<string, string>,
  onOutput?: (line: string) => void,
  entry = 'src/server/main.ts',
) {
  let child: ChildProcess | undefined;
  let output = '';
  const url = `http://127.0.0.1:${port}`;
  const alive = () => !!child && child.exitCode === null && child.signalCode === null;
  const killNow = () => {
    if (alive()) child!.kill('SIGKILL');
  };
  killers.add(killNow);
  const made: ServerProcess = {
    port,
    url,
    pid: () => child?.pid,
    output: () => output,
    alive,
    async start() {
      if (alive()) throw new Error(`The server on port ${port} is already running`);
      // BRANCHPOINT_CPU_PROF=<folder>: each process writes a V8 CPU profile there when it stops (not when SIGKILLed).
      const profile = process.env.BRANCHPOINT_CPU_PROF;
      const args = [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), '--import', 'tsx', entry];
      const started = spawn(process.execPath, args, {
        cwd: repoRoot,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      const take = (chunk: Buffer) => {
        const text = chunk.toString();
        output += text;
        if (onOutput) for (const line of text.split('\n').filter(Boolean)) onOutput(line);
      };
      started.stdout!.on('data', take);
      started.stderr!.on('data', take);
      for (let attempt = 0; attempt < 600; attempt++) {
        if (!alive()) throw new Error(`The server on port ${port} exited:\n${output}`);
        try {
          if ((await fetch(`${url}/readyz`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`The server on port ${port} was not ready within 60 s:\n${output}`);
    },
    async kill(signal = 'SIGKILL') {
      const running = child;
      if (!running || !alive()) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill(signal);
      // A process that does not stop within 5 s of a polite signal is killed.
      const timer = signal === 'SIGKILL' ? undefined : setTimeout(() => running.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  return made;
}

export async function startCluster(options: ClusterOptions): Promise<LocalCluster> {
  const started: Array<{ stop: () => Promise<void> }> = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => {});
  };
  try {
    const postgres = await startPostgres();
    started.push(postgres);
    const redis = await startRedis();
    started.push(redis);
    // The page comes from the balancer: its origin is one the processes must accept sockets from.
    const listen = options.listen ?? (await freePort());
    const env: Record<string, string> = {
      BRANCHPOINT_ORIGINS: `http://127.0.0.1:${listen},http://localhost:${listen}`,
      // The processes are reached through nginx only (directly only by the tests, without the header).
      BRANCHPOINT_TRUST_PROXY: '1',
      BRANCHPOINT_DATABASE_URL: postgres.url,
      BRANCHPOINT_REDIS_URL: redis.url,
      BRANCHPOINT_DIST: options.dist,
      BRANCHPOINT_SCENARIOS: options.scenarios ?? join(repoRoot, 'scenarios'),
      ...options.env,
    };
    const servers: ServerProcess[] = [];
    for (let i = 0; i < options.processes; i++) {
      const server = serverProcess(
        await freePort(),
        env,
        options.onOutput && ((line) => options.onOutput!(i, line)),
        options.entry,
      );
      servers.push(server);
      started.push({ stop: () => server.kill('SIGTERM') });
    }
    // The first one migrates the schema; the others then start together.
    await servers[0]!.start();
    await Promise.all(servers.slice(1).map((s) => s.start()));
    const site = readFileSync(join(repoRoot, 'deploy/nginx-branchpoint.conf'), 'utf8');
    const nginx = await startNginx(
      site,
      servers.map((s) => `127.0.0.1:${s.port}`),
      listen,
    );
    started.push(nginx);
    return {
      url: nginx.url,
      servers,
      postgres,
      redis,
      nginx,
      databaseUrl: postgres.url,
      redisUrl: redis.url,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
