import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/server/forwarded.ts';

describe("a connection's address behind a balancer", () => {
  const handshake = (forwarded?: string | string[]) => ({
    address: '10.0.0.1',
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  });

  it('is the socket address unless the balancer is trusted', () => {
    expect(clientAddress(handshake('203.0.113.9'), false)).toBe('10.0.0.1');
  });

  it("is the balancer's own entry, the last one, never what the client wrote before it", () => {
    expect(clientAddress(handshake('203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(handshake('1.2.3.4, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(handshake(['1.2.3.4', '198.51.100.7']), true)).toBe('198.51.100.7');
    expect(clientAddress(handshake(), true)).toBe('10.0.0.1');
    expect(clientAddress(handshake(' '), true)).toBe('10.0.0.1');
  });
});
