/**
 * The address a connection comes from, for per-address limits. Behind a balancer every
 * connection comes from the balancer, and one budget would be shared by every school; with
 * BRANCHPOINT_TRUST_PROXY set, the address is the one the balancer saw: the last entry of
 * X-Forwarded-For, which our nginx appends (deploy/nginx-branchpoint.conf). Entries before it
 * come from the client and could say anything, so they are never used.
 */
import type { IncomingHttpHeaders } from 'node:http';

export function clientAddress(
  handshake: { address: string; headers: IncomingHttpHeaders },
  trustProxy: boolean,
): string {
  if (!trustProxy) return handshake.address;
  const header = handshake.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.at(-1) : header;
  const last = value?.split(',').at(-1)?.trim();
  return last || handshake.address;
}
