/**
 * DNS rebinding: an attacker's name resolves to this machine, so a page at
 * http://evil.example:PORT sends `Origin: http://evil.example:PORT` and `Host: evil.example:PORT`,
 * which agree. Sockets are allowed only from the server's own addresses and configured extras.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedOrigins } from '../../src/server/lan.ts';
import { startTestServer } from './harness.ts';

let running: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  running = await startTestServer();
});
afterAll(() => running.stop());

/** The Engine.IO handshake (what a socket's first request is), with the headers given. */
function handshake(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(
      { host: '127.0.0.1', port: running.server.port, path: '/socket.io/?EIO=4&transport=polling', headers },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    call.on('error', reject);
    call.end();
  });
}

describe('which pages may open sockets', () => {
  it('refuses a rebound name whose Origin and Host agree', async () => {
    const port = running.server.port;
    expect(await handshake({ Origin: `http://evil.example:${port}`, Host: `evil.example:${port}` })).toBe(403);
    expect(await handshake({ Origin: `https://evil.example:${port}`, Host: `evil.example:${port}` })).toBe(403);
    expect(running.log.some((line) => line.includes('refused a connection from origin http://evil.example'))).toBe(
      true,
    );
  });

  it("accepts the server's own addresses and clients that send no Origin", async () => {
    const port = running.server.port;
    expect(await handshake({ Origin: `http://127.0.0.1:${port}`, Host: `127.0.0.1:${port}` })).toBe(200);
    expect(await handshake({ Origin: `http://localhost:${port}`, Host: `localhost:${port}` })).toBe(200);
    expect(await handshake({})).toBe(200);
    // The right name at another port is another site.
    expect(await handshake({ Origin: `http://127.0.0.1:${port + 1}`, Host: `127.0.0.1:${port}` })).toBe(403);
  });

  it('lists LAN and loopback addresses with the port, and the configured extras', () => {
    const everywhere = allowedOrigins('0.0.0.0', 5173, ['https://school.example']);
    expect(everywhere).toContain('http://127.0.0.1:5173');
    expect(everywhere).toContain('http://localhost:5173');
    expect(everywhere).toContain('https://school.example');
    expect(everywhere.every((o) => o.endsWith(':5173') || o === 'https://school.example')).toBe(true);
    expect(allowedOrigins('192.168.1.20', 8080)).toEqual(['http://192.168.1.20:8080']);
  });
});
