/**
 * PostgreSQL, Redis and nginx from Debian, started on this machine in a temporary folder on
 * loopback ports, for `npm run cluster`, the tests and the cluster bench. Each one is stopped by
 * its own `stop()` and, as a last resort, when this process exits; its folder is removed.
 *
 * PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user (runuser)
 * in a folder that user owns. A missing program is an error that says how to install it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Engine {
  /** Where clients connect (a URL), or the balancer's http://127.0.0.1:PORT. */
  url: string;
  port: number;
  folder: string;
  /** Stops it and removes its folder; safe to call twice. */
  stop(): Promise<void>;
}

export interface Killable extends Engine {
  /** SIGKILL, as a crash would; `restart()` starts it again on the same port. */
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** The main process's id while it runs (PostgreSQL's postmaster, nginx's master), for the benches' CPU figures. */
  pid(): number | undefined;
}

const INSTALL = 'run .ci/run (it installs postgresql, redis-server and nginx from Debian when they are missing)';
const PG_BIN = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

/** A port the system has just handed out, so free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function need(program: string, candidates: string[], what: string): string {
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${program} is not installed (looked for ${candidates.join(', ')}); ${what}: ${INSTALL}`);
  return found;
}

const stoppers = new Set<() => void>();
process.once('exit', () => {
  for (const stop of stoppers) stop();
});

function run(command: string, args: string[], asPostgres: boolean): void {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
}

/** A fresh PostgreSQL cluster; `url` names its `postgres` database as the `postgres` user. */
export async function startPostgres(options: { fsync?: boolean } = {}): Promise<Killable> {
  const bin = PG_BIN.find((dir) => existsSync(join(dir, 'postgres')));
  const initdb = need('PostgreSQL', bin ? [join(bin, 'initdb')] : PG_BIN.map((d) => join(d, 'initdb')), 'the store');
  const pgCtl = join(bin!, 'pg_ctl');
  const root = process.getuid?.() === 0;
  const folder = mkdtempSync(join(tmpdir(), 'branchpoint-pg-'));
  if (root) {
    const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (user.status !== 0) throw new Error(`There is no postgres user to run PostgreSQL as; ${INSTALL}`);
    chownSync(folder, Number(user.stdout.trim()), Number(group.stdout.trim()));
  }
  const data = join(folder, 'data');
  run(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], root);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${folder}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    ...(options.fsync === false ? ['-c fsync=off'] : []),
  ].join(' ');
  const start = () =>
    run(pgCtl, ['-D', data, '-o', settings, '-l', join(folder, 'log'), '-w', '-t', '60', 'start'], root);
  start();
  let stopped = false;
  const immediate = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(root ? 'runuser' : pgCtl, [
      ...(root ? ['-u', 'postgres', '--', pgCtl] : []),
      '-D',
      data,
      '-m',
      'immediate',
      'stop',
    ]);
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
  };
  stoppers.add(immediate);
  const pidOf = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    folder,
    async stop() {
      // Its folder is removed right after: no need for a shutdown checkpoint (seconds on a busy disk).
      stoppers.delete(immediate);
      immediate();
    },
    async kill() {
      process.kill(pidOf(), 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
    async restart() {
      start();
    },
    pid() {
      try {
        return pidOf();
      } catch {
        return undefined; // stopped
      }
    },
  };
}

/** A child process we own, restartable on the same command line. */
function owned(
  program: string,
  args: string[],
  cwd: string,
  ready: (output: string) => boolean,
  name: string,
  signal: NodeJS.Signals = 'SIGKILL',
) {
  let child: ChildProcess | undefined;
  let output = '';
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const started: ChildProcess = spawn(program, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      const timer = setTimeout(() => reject(new Error(`${name} did not start within 20 s:\n${output}`)), 20_000);
      const seen = (chunk: Buffer) => {
        output += chunk.toString();
        if (ready(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      started.stdout!.on('data', seen);
      started.stderr!.on('data', seen);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (code ${code}):\n${output}`));
      });
      started.once('error', reject);
    });
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };
  const killNow = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  return { launch, kill, killNow, output: () => output, mark: () => (output = ''), pid: () => child?.pid };
}

/**
 * An engine started by `owned()` in its own temporary folder: stopped (and its folder removed) on
 * `stop()` or when this process exits; `kill()` crashes it and `restart()` brings it back on the same port.
 */
function killable(process_: ReturnType<typeof owned>, folder: string, url: string, port: number): Killable {
  let stopped = false;
  const stopNow = () => {
    process_.killNow();
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
  };
  stoppers.add(stopNow);
  return {
    url,
    port,
    folder,
    async stop() {
      if (stopped) return;
      stopped = true;
      stoppers.delete(stopNow);
      await process_.kill();
      stopNow();
    },
    kill: process_.kill,
    pid: process_.pid,
    async restart() {
      process_.mark();
      await process_.launch();
    },
  };
}

/** Redis without persistence (it carries messages and recovery sessions, never votes). */
export async function startRedis(): Promise<Killable> {
  const program = need('Redis', ['/usr/bin/redis-server'], 'Socket.IO between processes');
  const folder = mkdtempSync(join(tmpdir(), 'branchpoint-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder];
  const process_ = owned(program, args, folder, (out) => out.includes('Ready to accept connections'), 'Redis');
  await process_.launch();
  return killable(process_, folder, `redis://127.0.0.1:${port}`, port);
}

/** Fills the repository's nginx site (deploy/nginx-branchpoint.conf) with a port and upstream servers. */
export function renderNginxSite(template: string, listen: number, upstreams: readonly string[]): string {
  const begin = template.indexOf('# upstream servers: begin');
  const end = template.indexOf('# upstream servers: end');
  if (begin < 0 || end < 0) throw new Error('deploy/nginx-branchpoint.conf lost its "# upstream servers" markers');
  const servers = upstreams.map((u) => `  server ${u} max_fails=1 fail_timeout=5s;\n`).join('');
  const lineStart = template.lastIndexOf('\n', begin) + 1;
  return (
    template.slice(0, lineStart) +
    `  # upstream servers: begin\n${servers}  ` +
    template.slice(end).replace(/listen\s+[^;]+;/, `listen 127.0.0.1:${listen};`)
  );
}

/** nginx (the balancer) with the repository's site in a minimal main configuration of its own. */
export async function startNginx(
  siteTemplate: string,
  upstreams: readonly string[],
  listen?: number,
): Promise<Killable> {
  const program = need('nginx', ['/usr/sbin/nginx'], 'the balancer');
  const folder = mkdtempSync(join(tmpdir(), 'branchpoint-nginx-'));
  const port = listen ?? (await freePort());
  writeFileSync(join(folder, 'site.conf'), renderNginxSite(siteTemplate, port, upstreams));
  writeFileSync(
    join(folder, 'nginx.conf'),
    [
      'daemon off;',
      'master_process on;',
      'worker_processes 1;',
      `pid ${join(folder, 'nginx.pid')};`,
      'error_log stderr notice;',
      'events { worker_connections 16384; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(folder, t)};`),
      `  include ${join(folder, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', folder, '-c', join(folder, 'nginx.conf'), '-e', 'stderr'];
  const test = spawnSync(program, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refused the configuration:\n${test.stderr}`);
  // SIGTERM: nginx's master stops its workers (SIGKILL would leave them holding the port).
  const process_ = owned(program, args, folder, (out) => out.includes('start worker process'), 'nginx', 'SIGTERM');
  await process_.launch();
  return killable(process_, folder, `http://127.0.0.1:${port}`, port);
}
