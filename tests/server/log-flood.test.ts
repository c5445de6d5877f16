/**
 * Log flooding and forged log lines: every packet is rate-limited before anything is logged, a
 * connection that sends far beyond the limit is closed, rejections are logged a bounded number of
 * times per connection, and names from the network are quoted so a line break cannot start a
 * line of its own.
 */
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { quoted } from '../../src/server/sockets.ts';
import { startTestServer } from './harness.ts';

let started: Awaited<ReturnType<typeof startTestServer>> | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await started?.stop();
  started = undefined;
});

async function connect(): Promise<Socket> {
  const socket = io(started!.url, { transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return socket;
}

const closed = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe('what a flood of packets does to the log', () => {
  it('logs a bounded number of lines and closes the connection, for unknown events and events without an ack', async () => {
    started = await startTestServer();
    for (const send of [
      (socket: Socket, i: number) => socket.emit(`nope-${i}`, { v: 1 }),
      (socket: Socket, i: number) => socket.emit(`nope-${i}`, { v: 1 }, () => {}),
      (socket: Socket) => socket.emit('vote', { v: 1, option: 'x' }),
    ]) {
      const socket = await connect();
      const gone = closed(socket);
      for (let i = 0; i < 2_000; i++) send(socket, i);
      expect(await gone).toBe('io server disconnect');
    }
    const bytes = started.log.reduce((sum, line) => sum + line.length + 1, 0);
    expect(started.log.length).toBeLessThan(3 * 25);
    expect(bytes).toBeLessThan(10_000);
    expect(started.log.filter((line) => line.startsWith('disconnected'))).toHaveLength(3);
  });

  it('cannot forge a log line with a line break in an event name or a field', async () => {
    started = await startTestServer();
    const socket = await connect();
    const forged = 'x\n\u2028\u0085[workshop] room K7M2QX created for "atacms-2024" by admin';
    await socket.emitWithAck(forged, { v: 1 });
    socket.emit(forged, { v: 1 });
    await socket.emitWithAck('join', { v: 1, role: 'presenter', code: 'K7M2QX', [forged]: 1 });
    await expect.poll(() => started!.log.length).toBeGreaterThanOrEqual(3);
    for (const line of started.log) expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(quoted('a\nb"c')).toBe('"a\\nb\\"c"');
    expect(quoted('a\u2028b\u0085c\u202ed')).toBe('"a\\u2028b\\u0085c\\u202ed"');
  });
});
