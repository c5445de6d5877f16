import { describe, expect, it, vi } from 'vitest';
import { memoryLimiters } from '../../src/server/limiter.ts';
import { Throttle } from '../../src/server/throttle.ts';
import { safePath } from '../../src/server/static.ts';
import { originAllowed } from '../../src/server/server.ts';
import { rememberedOrigins } from '../../src/server/lan.ts';

describe('rate limits', () => {
  it('allows a burst per key, charges in one step with the check, and gives tries back', async () => {
    const limiter = memoryLimiters('test', { capacity: 2, perMinute: 2 });
    // Three tries started together: the check and the charge are one step, so only two pass.
    const charges = await Promise.all([limiter.consume('a'), limiter.consume('a'), limiter.consume('a')]);
    expect(charges.map((c) => c.allowed)).toEqual([true, true, false]);
    expect(charges[2]!.over).toBe(1);
    expect((await limiter.consume('b')).allowed).toBe(true);
    await limiter.refund('a');
    await limiter.refund('a');
    expect((await limiter.consume('a')).allowed).toBe(true);
  });
});

describe('the tally throttle', () => {
  it('runs at once when quiet, then once per interval however often it is poked', () => {
    vi.useFakeTimers();
    try {
      const run = vi.fn();
      const throttle = new Throttle(50, run);
      throttle.poke();
      expect(run).toHaveBeenCalledTimes(1);
      for (let i = 0; i < 100; i++) throttle.poke();
      expect(run).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(50);
      expect(run).toHaveBeenCalledTimes(2);
      throttle.poke();
      throttle.cancel();
      vi.advanceTimersByTime(100);
      expect(run).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('paths and origins', () => {
  it('keeps request paths inside the site', () => {
    expect(safePath('/assets/a.js?x=1')).toBe('/assets/a.js');
    expect(safePath('/')).toBe('/');
    // Dot segments are resolved against the site's root, never above it.
    expect(safePath('/../x')).toBe('/x');
    expect(safePath('/a/%2e%2e/%2e%2e/x')).toBe('/x');
    for (const bad of ['/assets/..%2f..%2fx', '/a%00b', '/a%5c..%5cb', '/.git/config', '/%E0%A4%A'])
      expect(safePath(bad), bad).toBeUndefined();
  });

  it("lets sockets in from the server's own origins, configured extras and non-browser clients only", () => {
    const request = (origin?: string) => ({ headers: { host: '192.168.1.20:5173', ...(origin ? { origin } : {}) } });
    const list = ['http://192.168.1.20:5173', 'https://school.example'];
    const allowed = (origin: string) => list.includes(origin);
    expect(originAllowed(request('http://192.168.1.20:5173'), allowed)).toBe(true);
    expect(originAllowed(request(), allowed)).toBe(true);
    expect(originAllowed(request('http://evil.example'), allowed)).toBe(false);
    expect(originAllowed(request('https://school.example'), allowed)).toBe(true);
  });

  it('reads the addresses again only for an origin not on the list it remembers', () => {
    let reads = 0;
    let network = ['http://192.168.1.20:5173'];
    const allows = rememberedOrigins(() => (reads++, network));
    expect(allows('http://192.168.1.20:5173')).toBe(true);
    expect(allows('http://192.168.1.20:5173')).toBe(true);
    expect(reads).toBe(1);
    // The laptop moved to another network: its new address is found by reading again.
    network = ['http://10.0.0.7:5173'];
    expect(allows('http://10.0.0.7:5173')).toBe(true);
    expect(reads).toBe(2);
    expect(allows('http://10.0.0.7:5173')).toBe(true);
    expect(allows('http://evil.example')).toBe(false);
    expect(reads).toBe(3);
  });
});
