/**
 * The stream filter on the real streams adapter and a real Redis (started in a temporary folder):
 * two Socket.IO servers, one socket on the second; entries for its room reach it, and the others
 * (a room without a socket there, each server's own entries) are dropped before being parsed.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server, type Namespace } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { afterAll, expect, it } from 'vitest';
import { startRedis } from '../../src/server/local-engines.ts';
import { filtered } from '../../src/server/stream-filter.ts';

const stops: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

/** A server whose adapter counts the entries that get past the filter to be parsed. */
async function server(url: string) {
  const client = createClient({ url });
  await client.connect();
  const raw = createAdapter(client);
  const seen = { parsed: 0 };
  const counting = function (nsp: Namespace) {
    const adapter = raw(nsp) as unknown as { onRawMessage: (message: unknown, offset: string) => void };
    const parse = adapter.onRawMessage.bind(adapter);
    adapter.onRawMessage = (message, offset) => {
      seen.parsed++;
      parse(message, offset);
    };
    return adapter;
  };
  const http: HttpServer = createServer();
  const ioServer = new Server(http, { adapter: filtered(counting as typeof raw) });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  stops.push(async () => {
    await ioServer.close();
    await client.close();
  });
  return { ioServer, seen, port: (http.address() as { port: number }).port };
}

it('passes the entries a socket here needs and drops the others unparsed', async () => {
  const redis = await startRedis();
  stops.push(() => redis.stop());
  const url = redis.url;
  const [a, b] = [await server(url), await server(url)];
  const phone: Socket = io(`http://127.0.0.1:${b.port}`, { transports: ['websocket'] });
  stops.push(() => phone.close());
  await new Promise<void>((resolve) => phone.once('connect', () => resolve()));
  const got: string[] = [];
  phone.on('x', (text: string) => got.push(text));
  b.ioServer.of('/').sockets.get(phone.id!)!.join('ROOM/presenter');
  // Both adapters read the stream from where it is when they start: let them get there.
  await new Promise((resolve) => setTimeout(resolve, 300));
  a.seen.parsed = b.seen.parsed = 0;

  for (let i = 0; i < 5; i++) a.ioServer.to('ROOM/presenter').emit('x', `from a ${i}`);
  for (let i = 0; i < 5; i++) a.ioServer.to('OTHER/presenter').emit('x', `nobody ${i}`);
  for (let i = 0; i < 5; i++) b.ioServer.to('ROOM/presenter').emit('x', `from b ${i}`);
  const deadline = Date.now() + 5000;
  while (got.length < 10 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 200));

  expect(got.sort()).toEqual([
    ...[0, 1, 2, 3, 4].map((i) => `from a ${i}`),
    ...[0, 1, 2, 3, 4].map((i) => `from b ${i}`),
  ]);
  // b parsed only a's five entries for its socket's room; a has no socket, so it parsed nothing.
  expect(b.seen.parsed).toBe(5);
  expect(a.seen.parsed).toBe(0);
});
