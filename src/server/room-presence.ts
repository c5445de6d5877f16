/**
 * Which other server processes have sockets in a room, so that a room whose sockets are all on
 * this process is broadcast to here only, without the Redis stream.
 *
 * With room affinity at the balancer (docs/deploying.md) almost every room has all its sockets on
 * one process, yet every broadcast went into the Redis stream, and every other process read it:
 * about a third of a vote's server CPU in `npm run bench:cluster`, and traffic that grows with
 * the number of processes. A room is spread over processes only for a while (the balancer
 * changed its mind, a process died and its pages came back elsewhere) or in tests.
 *
 * How each process keeps it right:
 * - When its first socket of a room arrives, it tells every other process, and those with sockets
 *   in the room answer that they have some too. It also asks every process it knows of, and
 *   waits for all their answers: until then the room is broadcast through Redis, as before; if
 *   one does not answer (a process just died and is still counted), it asks again later. (The
 *   telling, besides the asking, covers a process that does not know of the others yet, just
 *   after it started: it learns of them when they answer, however late.)
 * - A process that learns that another now has sockets in a room it was broadcasting to alone
 *   sends the room's screens its views again through Redis (`onShared`): the newcomer's sockets
 *   may have missed what was sent here alone between their arrival and the question.
 * - When its last socket of a room leaves, it tells the others.
 * - When the link to Redis comes back after an outage, nothing learnt before is trusted: every
 *   room asks again, and is sent its views again when it turns out to be shared.
 * A socket that Socket.IO recovers after a short drop is sent its view (sockets.ts), since the
 * messages sent here alone are not in the stream that recovery replays.
 */

/** One other process's answer to "have you a socket in this room?". */
export interface PresenceAnswer {
  from: string;
  here: boolean;
}

/** The messages between processes (over Socket.IO's server-side events: presence-bus.ts). */
export interface PresenceBus {
  /** Asks every other process it knows of; rejects when one of them does not answer in time. */
  ask(code: string, from: string): Promise<PresenceAnswer[]>;
  /** Tells every other process that `from` has sockets in the room; `answering` when it answers such news. */
  tellHere(code: string, from: string, answering: boolean): void;
  /** Tells every other process that `from` has no socket in the room any more. */
  tellLeft(code: string, from: string): void;
  onAsked(answer: (code: string, from: string) => PresenceAnswer): void;
  onHere(listener: (code: string, from: string, answering: boolean) => void): void;
  onLeft(listener: (code: string, from: string) => void): void;
}

interface Room {
  /** Other processes with sockets in the room. */
  others: Set<string>;
  /** Every other process has answered since the first socket here arrived (or the link came back). */
  settled: boolean;
  /** Send the views again once settled, if the room turns out to be shared (after an outage). */
  refreshIfShared: boolean;
}

export class RoomPresence {
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly bus: PresenceBus,
    /** This process's name among the others. */
    private readonly self: string,
    /** The room's screens should get their views again, through Redis. */
    private readonly onShared: (code: string) => void,
    /**
     * How long to wait before asking again when a process did not answer (the question itself
     * waits 5 s). A process that died is counted until the others miss its heartbeat (10 s), so
     * the rooms it held are settled on their new process some 10-20 s after it died.
     */
    private readonly retryMs = 6_000,
  ) {
    bus.onAsked((code, from) => {
      const room = this.rooms.get(code);
      if (room) this.addOther(code, room, from);
      return { from: this.self, here: room !== undefined };
    });
    bus.onHere((code, from, answering) => {
      const room = this.rooms.get(code);
      if (!room) return;
      this.addOther(code, room, from);
      if (!answering) bus.tellHere(code, this.self, true);
    });
    bus.onLeft((code, from) => this.rooms.get(code)?.others.delete(from));
  }

  /** Whether a broadcast to this room can stay on this process. */
  localOnly(code: string): boolean {
    const room = this.rooms.get(code);
    return room !== undefined && room.settled && room.others.size === 0;
  }

  /** The first socket of this room on this process. */
  arrived(code: string): void {
    const room: Room = { others: new Set(), settled: false, refreshIfShared: false };
    this.rooms.set(code, room);
    this.bus.tellHere(code, this.self, false);
    void this.settle(code, room);
  }

  /** The last socket of this room on this process has gone. */
  departed(code: string): void {
    this.rooms.delete(code);
    this.bus.tellLeft(code, this.self);
  }

  /** The link to the other processes is back after an outage: what was learnt before may be stale. */
  relinked(): void {
    for (const [code, room] of this.rooms) {
      room.settled = false;
      room.refreshIfShared = true;
      this.bus.tellHere(code, this.self, false);
      void this.settle(code, room);
    }
  }

  private addOther(code: string, room: Room, other: string): void {
    if (other === this.self) return;
    const wasAlone = room.settled && room.others.size === 0;
    room.others.add(other);
    if (wasAlone) this.onShared(code);
  }

  private async settle(code: string, room: Room): Promise<void> {
    let answers: PresenceAnswer[];
    try {
      answers = await this.bus.ask(code, this.self);
    } catch {
      const timer = setTimeout(() => {
        if (this.rooms.get(code) === room && !room.settled) void this.settle(code, room);
      }, this.retryMs);
      timer.unref?.();
      return;
    }
    if (this.rooms.get(code) !== room) return; // gone meanwhile
    for (const answer of answers) if (answer.here) room.others.add(answer.from);
    room.settled = true;
    if (room.refreshIfShared && room.others.size > 0) this.onShared(code);
    room.refreshIfShared = false;
  }
}
