/**
 * Endpoints for a balancer or an orchestrator:
 * - `/healthz`: the process runs and answers (200), with its process id (which process a
 *   balancer sent a request to);
 * - `/readyz`: it can serve rooms: the store and, when configured, Redis answer (200), or which
 *   of them does not (503), so the balancer sends no new connections to a process cut off from them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Checks = Record<string, () => Promise<void>>;

/** Answers the request when it is one of the two endpoints; returns whether it was. */
export function serveHealth(request: IncomingMessage, response: ServerResponse, checks: Checks): boolean {
  const path = request.url?.split('?')[0];
  if (path === '/healthz') {
    send(response, 200, { ok: true, pid: process.pid });
    return true;
  }
  if (path !== '/readyz') return false;
  void Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await check();
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, `unreachable: ${(error as Error).message}`] as const;
      }
    }),
  ).then((results) => {
    const ok = results.every(([, state]) => state === 'ok');
    send(response, ok ? 200 : 503, { ok, ...Object.fromEntries(results) });
  });
  return true;
}

function send(response: ServerResponse, status: number, body: object): void {
  response
    .writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    .end(JSON.stringify(body));
}
