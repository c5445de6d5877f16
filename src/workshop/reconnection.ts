/**
 * How soon each page tries to reconnect after its connection drops (Socket.IO's exponential
 * backoff: the first try after `reconnectionDelay` ± `randomizationFactor`, each next one twice as
 * late, up to `reconnectionDelayMax`). Shared by the pages (src/ui/workshop/connection.ts) and the
 * benches' simulated screens and phones (bench/), so a bench measures the pages' own timing.
 *
 * When a server process dies, every connection of its rooms drops at the same moment. A room's
 * screens (the projector and the facilitator's laptop: two per room) come back first, within
 * 0.1-0.3 s, so the room is loaded on its new process and the projector shows votes again before
 * the phones arrive. The phones (fifty per room) come back spread over 1-4 s, so that thousands
 * of them do not hit the remaining processes in the same second, while those processes take over
 * the rooms; a phone whose participant taps, touches the page or brings it back to the front
 * meanwhile does not wait for its turn, it reconnects at once (src/ui/workshop/connection.ts), at
 * the pace people pick up their phones. Measured with
 * `npm run bench:cluster` (docs/performance.md): with Socket.IO's 0.5-1.5 s for phones, the
 * returning phones crowded out the taps and the other rooms' votes.
 */
import type { Role } from './protocol.ts';

export interface Reconnection {
  reconnectionDelay: number;
  reconnectionDelayMax: number;
  randomizationFactor: number;
}

/** The room's screens: few, and the ones everybody looks at. */
export const SCREEN_RECONNECTION: Reconnection = {
  reconnectionDelay: 200,
  reconnectionDelayMax: 2000,
  randomizationFactor: 0.5,
};

/** Phones: many at once; a tap does not wait for this (see above). */
export const PHONE_RECONNECTION: Reconnection = {
  reconnectionDelay: 2500,
  reconnectionDelayMax: 5000,
  randomizationFactor: 0.6,
};

export const reconnectionFor = (role: Role): Reconnection =>
  role === 'participant' ? PHONE_RECONNECTION : SCREEN_RECONNECTION;

/** What BackoffSkip needs of a Socket.IO client socket. */
interface ReconnectingSocket {
  readonly active: boolean;
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  readonly io: { on(event: 'reconnect_attempt' | 'reconnect_error', listener: () => void): unknown };
  disconnect(): { connect(): unknown };
}

/**
 * Knows when a socket whose line dropped is waiting out Socket.IO's backoff before its next try
 * (as opposed to a try under way, or a line closed on purpose), so that a tap need not wait for
 * that timer: `now()` tries at once. Used by the page (src/ui/workshop/connection.ts) and by the
 * bench's simulated phones, which must behave as the page does.
 */
export class BackoffSkip {
  private waiting = false;

  constructor(private readonly socket: ReconnectingSocket) {
    socket.on('connect', () => (this.waiting = false));
    // Active: Socket.IO reconnects on its own once its timer fires (not after a close on purpose).
    socket.on('disconnect', () => (this.waiting = socket.active));
    socket.io.on('reconnect_attempt', () => (this.waiting = false));
    socket.io.on('reconnect_error', () => (this.waiting = true));
  }

  /** Tries to reconnect now if the socket is waiting for its next try; otherwise does nothing. */
  now(): void {
    if (!this.waiting) return;
    this.waiting = false;
    this.socket.disconnect().connect();
  }

  /** No try can work for now (the line is off on purpose): `now()` does nothing until it drops again. */
  forget(): void {
    this.waiting = false;
  }
}
