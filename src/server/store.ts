/**
 * Where rooms are kept: an append-only log of each room's events. The room's state is rebuilt by
 * folding them (src/workshop/room.ts), so the store never needs to understand a room.
 *
 * The interface is small on purpose: SQLite (store-sqlite.ts) is the embedded default; a
 * deployment that outgrows one machine uses the same calls on PostgreSQL (store-postgres.ts,
 * docs/deploying.md).
 */
import type { RoomEvent } from '../workshop/events.ts';

export interface StoredEvent {
  room: string;
  /** 1 for the room's `created` event, then one more per event, without gaps. */
  seq: number;
  event: RoomEvent;
}

export interface WorkshopStore {
  /**
   * Writes the events in one transaction: when the promise resolves they survive a crash of the
   * process; when it rejects, none of them was written. An event whose (room, seq) already exists
   * makes it reject with `DuplicateEventError` (a room code taken twice, two writers for one room).
   */
  append(events: readonly StoredEvent[]): Promise<void>;
  /** A room's events in order, or undefined when there is no such room. */
  load(room: string): Promise<RoomEvent[] | undefined>;
  /** Resolves when the store answers (for the readiness check); rejects when it does not. */
  ping(): Promise<void>;
  /**
   * True when other processes may write the same rooms (PostgreSQL): a copy of a room in memory
   * may then be behind, so a refusal is checked against the store before it is given.
   */
  readonly shared?: boolean;
  close(): Promise<void>;
}

export class DuplicateEventError extends Error {
  constructor(readonly room: string) {
    super(`Room ${room} already has an event with that sequence number`);
    this.name = 'DuplicateEventError';
  }
}
