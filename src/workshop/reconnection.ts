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
 * the rooms; a phone whose participant taps meanwhile does not wait for its turn, it reconnects
 * at once (src/ui/workshop/connection.ts), at the pace people tap. Measured with
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
