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
