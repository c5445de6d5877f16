/**
 * `npm run cluster`: the several-process layout on this machine, for trying it: PostgreSQL, Redis,
 * N server processes and nginx in front (deploy/nginx-branchpoint.conf), each in a temporary
 * folder on 127.0.0.1. Ctrl+C stops them all and removes the folders.
 *
 *   npm run cluster [-- --processes N] [-- --port P]   (N: 3; P: the balancer's port, default 8080)
 *
 * Needs Debian's postgresql, redis-server and nginx (`.ci/run` installs them) and a built game
 * (`npm run cluster` builds it first).
 */
import { resolve } from 'node:path';
import { startCluster } from './local-cluster.ts';

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

const processes = Number(option('processes') ?? 3);
if (!Number.isInteger(processes) || processes < 1 || processes > 16)
  fail(`--processes must be a number from 1 to 16, not "${option('processes')}"`);
const port = Number(option('port') ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, not "${option('port')}"`);
if (!(await portFree(port))) fail(`Port ${port} is in use: choose another with --port.`);

console.log(`Starting PostgreSQL, Redis, ${processes} server processes and nginx...`);
const cluster = await startCluster({
  processes,
  dist: resolve(process.env.BRANCHPOINT_DIST ?? 'dist'),
  listen: port,
  onOutput: (server, line) => console.log(`[${server + 1}] ${line}`),
}).catch((error: Error) => fail(error.message));

console.log(`
Branchpoint runs as ${processes} processes behind nginx:
  ${cluster.url}/            (the page; rooms are spread over the processes by their code)
  PostgreSQL  ${cluster.databaseUrl}
  Redis       ${cluster.redisUrl}
${cluster.servers.map((s, i) => `  process ${i + 1}   ${s.url}  (pid ${s.pid()}; try: kill -9 ${s.pid()})`).join('\n')}
Ctrl+C stops them all.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('Stopping...');
    void cluster.stop().then(() => process.exit(0));
  });
}

async function portFree(wanted: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(wanted, '127.0.0.1', () => server.close(() => done(true)));
  });
}
