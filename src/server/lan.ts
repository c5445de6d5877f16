/** This machine's addresses on the local network, for the links phones use to join. */
import { networkInterfaces } from 'node:os';

/** IPv4 addresses of the network interfaces that are up and not loopback. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === 'IPv4' && !net.internal)
    .map((net) => net!.address);
}

/** The origins (scheme://host:port) at which the page can be reached, LAN first. */
export function reachableOrigins(host: string, port: number): string[] {
  const everywhere = host === '0.0.0.0' || host === '::';
  const hosts = everywhere ? [...lanAddresses(), '127.0.0.1'] : [host];
  return hosts.map((h) => `http://${h.includes(':') ? `[${h}]` : h}:${port}`);
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const isLoopback = (host: string) => LOOPBACK.includes(host) || host === '::1' || host.startsWith('127.');

/**
 * The page origins that may open sockets: the addresses this server listens on with its port
 * (its LAN addresses when it listens everywhere, read afresh: a laptop changes networks),
 * loopback names when it listens on loopback, plus the configured extras. Never the request's own
 * Host header: with DNS rebinding, an attacker's name resolves to this machine and the browser
 * sends Origin and Host that agree.
 */
export function allowedOrigins(host: string, port: number, extra: readonly string[] = []): string[] {
  const everywhere = host === '0.0.0.0' || host === '::';
  const loopback = everywhere || isLoopback(host) ? LOOPBACK.map((h) => `http://${h}:${port}`) : [];
  return [...new Set([...reachableOrigins(host, port), ...loopback, ...extra])];
}

/**
 * Whether an origin is on a list (`allowedOrigins`), remembered from the last read: the list is
 * read again only for an origin not on it, before that origin is refused (the laptop may have
 * changed networks). Reading the network's addresses at every connection cost a seventh of a
 * rejoin's CPU, and after a server process dies hundreds of pages connect within a second.
 */
export function rememberedOrigins(read: () => readonly string[]): (origin: string) => boolean {
  let remembered: readonly string[] | undefined;
  return (origin) => {
    if (remembered?.includes(origin)) return true;
    remembered = read();
    return remembered.includes(origin);
  };
}
