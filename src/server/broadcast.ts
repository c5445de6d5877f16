/**
 * Pushes committed changes to the screens of a room:
 * - a control action (open, reveal, advance...) sends every socket its role's view at once;
 * - votes and joins send the projector and the facilitator a small tally, at most every
 *   TALLY_INTERVAL_MS per room, however many votes arrive: with 1,000 phones voting, one message
 *   per vote to every screen would be the server's whole work;
 * - the facilitator's list of people (who is connected, who has voted) follows at most every
 *   PEOPLE_INTERVAL_MS.
 * Socket rooms: `<code>` everyone, `<code>/<role>` by role, `<code>/p/<id>` one participant's
 * sockets. Every message goes to a socket room, never to a socket this process holds, so with
 * the Redis adapter it reaches sockets on other processes too.
 */
import type { Server } from 'socket.io';
import {
  TALLY_INTERVAL_MS,
  type ClientToServerEvents,
  type Role,
  type RoomView,
  type ServerToClientEvents,
} from '../workshop/protocol.ts';
import { facilitatorView, participantView, presenterView, tallyOf, type ViewContext } from '../workshop/views.ts';
import type { InterServerEvents } from './presence-bus.ts';
import type { Change, LiveRoom } from './room-host.ts';
import { Throttle } from './throttle.ts';

export const PEOPLE_INTERVAL_MS = 500;

export interface SocketData {
  ip: string;
  code?: string;
  role?: Role;
  participant?: string;
}

export type WorkshopServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const roleRoom = (code: string, role: Role) => `${code}/${role}`;
export const participantRoom = (code: string, participant: string) => `${code}/p/${participant}`;

export class Broadcaster {
  private readonly throttles = new Map<string, { room: LiveRoom; tally: Throttle; people: Throttle }>();
  /**
   * True while the link to other processes (Redis) is down: messages then go to this process's
   * sockets at once instead of waiting in the Redis client's queue, so screens on the process
   * that holds the room (all of them, with room affinity) keep up during the outage.
   */
  cutOff: () => boolean = () => false;
  /** True for a room whose sockets are all on this process (room-presence.ts): its messages stay here. */
  localOnly: (code: string) => boolean = () => false;

  constructor(
    private readonly io: WorkshopServer,
    private readonly joinUrls: (code: string) => string[],
    private readonly now: () => number = Date.now,
  ) {}

  changed(room: LiveRoom, change: Change): void {
    if (change === 'all') return this.views(room);
    const throttles = this.throttlesOf(room);
    throttles.tally.poke();
    throttles.people.poke();
  }

  /** The view a role sees now (for a join's acknowledgement). */
  viewFor(room: LiveRoom, role: Role, participant?: string): RoomView {
    const context = this.context(room);
    if (role === 'facilitator') return facilitatorView(room.scenario, room.durable, context);
    if (role === 'presenter') return presenterView(room.scenario, room.durable, context);
    return participantView(room.scenario, room.durable, participant!, context);
  }

  /** Every socket in the room gets its role's view. */
  views(room: LiveRoom): void {
    const context = this.context(room);
    this.target(room.code)
      .to(roleRoom(room.code, 'facilitator'))
      .emit('view', facilitatorView(room.scenario, room.durable, context));
    this.target(room.code)
      .to(roleRoom(room.code, 'presenter'))
      .emit('view', presenterView(room.scenario, room.durable, context));
    for (const participant of Object.keys(room.durable.participants))
      this.target(room.code)
        .to(participantRoom(room.code, participant))
        .emit('view', participantView(room.scenario, room.durable, participant, context));
  }

  /** Someone connected or left: the facilitator's list changes. */
  people(room: LiveRoom): void {
    this.throttlesOf(room).people.poke();
  }

  forget(code: string): void {
    const throttles = this.throttles.get(code);
    throttles?.tally.cancel();
    throttles?.people.cancel();
    this.throttles.delete(code);
  }

  private target(code: string) {
    return this.cutOff() || this.localOnly(code) ? this.io.local : this.io;
  }

  private context(room: LiveRoom): ViewContext {
    return { now: this.now(), connected: new Set(room.connections.keys()), joinUrls: this.joinUrls(room.code) };
  }

  private throttlesOf(room: LiveRoom) {
    let entry = this.throttles.get(room.code);
    if (!entry) {
      const code = room.code;
      const made: { room: LiveRoom; tally: Throttle; people: Throttle } = {
        room,
        tally: new Throttle(TALLY_INTERVAL_MS, () => {
          this.target(code).to(roleRoom(code, 'presenter')).emit('tally', tallyOf(made.room.durable, 'public'));
          this.target(code).to(roleRoom(code, 'facilitator')).emit('tally', tallyOf(made.room.durable, 'facilitator'));
        }),
        people: new Throttle(PEOPLE_INTERVAL_MS, () => {
          this.target(code)
            .to(roleRoom(code, 'facilitator'))
            .emit('view', facilitatorView(made.room.scenario, made.room.durable, this.context(made.room)));
        }),
      };
      this.throttles.set(code, (entry = made));
    }
    // A room unloaded and loaded again is a new object: the throttles follow it.
    entry.room = room;
    return entry;
  }
}
