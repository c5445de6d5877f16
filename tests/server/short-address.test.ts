/**
 * The short addresses people type by hand (`/join`, `/<CODE>`): which paths lead where, and that the
 * real server answers them with a redirect carrying the security headers, while every other
 * unknown path is still a plain 404 and the site's own files are served as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/security-headers.ts';
import { shortAddressTarget, shortJoinAddress, shortRoomAddress } from '../../src/workshop/short-address.ts';
import { startTestServer } from './harness.ts';

const FORM = '/workshop.html#/join';
const ROOM = '/workshop.html#/join/K7M2QX';

describe('short addresses', () => {
  it('lead to the join form, a room’s join or the workshop page, forgiving case, slashes, spaces and dashes', () => {
    const cases: Array<[string, string]> = [
      ['/join', FORM],
      ['/join/', FORM],
      ['/JOIN', FORM],
      ['/Join/', FORM],
      ['//join//', FORM],
      ['/join.html', FORM],
      ['/workshop', '/workshop.html'],
      ['/Workshop/', '/workshop.html'],
      ['/workshops', '/workshop.html'],
      ['/K7M2QX', ROOM],
      ['/k7m2qx', ROOM],
      ['/k7m-2qx', ROOM],
      ['/K7M%202QX', ROOM],
      ['/K7M%20-%202QX/', ROOM],
      ['/join/k7m2qx', ROOM],
      ['/JOIN/K7M-2QX', ROOM],
      ['/workshop/k7m2qx', ROOM],
      // Someone clearly joining with a mistyped code gets the form, which says what a code looks like.
      ['/join/K7M2Q', FORM],
    ];
    for (const [path, target] of cases) expect(shortAddressTarget(path), path).toBe(target);
  });

  it('are nothing else: other names, near-codes, look-alike letters, deeper paths, bad encodings', () => {
    for (const path of [
      '/',
      '',
      '/nope',
      '/K7M2Q',
      '/K7M2QXX',
      '/O0I1L2',
      '/join/K7M2QX/more',
      '/present/K7M2QX',
      '/index.htm',
      '/%E0%A4%A',
      '/join%0aSet-Cookie:x',
    ])
      expect(shortAddressTarget(path), path).toBeUndefined();
  });

  it('are written from the server’s origin for the screens', () => {
    expect(shortJoinAddress('http://192.168.1.20:5173')).toBe('http://192.168.1.20:5173/join');
    expect(shortRoomAddress('http://192.168.1.20:5173', 'K7M2QX')).toBe('http://192.168.1.20:5173/K7M2QX');
  });
});

describe('the server’s answer to a short address', () => {
  let started: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => {
    await started?.stop();
    started = undefined;
  });

  it('redirects (not cached) with the security headers; other unknown paths stay a plain 404', async () => {
    started = await startTestServer();
    const { url } = started;
    for (const [path, target] of [
      ['/join', FORM],
      ['/JOIN/', FORM],
      ['/workshop', '/workshop.html'],
      ['/k7m-2qx', ROOM],
      ['/K7M%202QX', ROOM],
      ['/join?from=poster', FORM],
    ] as const) {
      const response = await fetch(`${url}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(302);
      expect(response.headers.get('location'), path).toBe(target);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const head = await fetch(`${url}/join`, { method: 'HEAD', redirect: 'manual' });
    expect(head.status).toBe(302);
    expect((await fetch(`${url}/join`, { method: 'POST', redirect: 'manual' })).status).toBe(405);
    for (const path of ['/nope', '/K7M2Q', '/join/K7M2QX/more', '/%E0%A4%A']) {
      const response = await fetch(`${url}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('Not found\n');
    }
    // The site's own files are served as ever.
    expect((await fetch(`${url}/index.html`)).status).toBe(200);
  });
});
