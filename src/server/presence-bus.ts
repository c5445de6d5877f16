/**
 * RoomPresence's messages between processes, as Socket.IO server-side events (carried by the
 * Redis streams adapter like any other message between processes).
 */
import { randomUUID } from 'node:crypto';
import { ROOM_CODE_LENGTH } from '../workshop/protocol.ts';
import type { Broadcaster, WorkshopServer } from './broadcast.ts';
import type { RedisLink } from './redis.ts';
import type { RoomHost } from './room-host.ts';
import { RoomPresence, type PresenceAnswer, type PresenceBus } from './room-presence.ts';

/** The server-side events between processes. */
export interface InterServerEvents {
  'presence-ask': (code: string, from: string, answer: (reply: PresenceAnswer) => void) => void;
  'presence-here': (code: string, from: string, answering: boolean) => void;
  'presence-left': (code: string, from: string) => void;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= 100;

export function presenceBus(io: WorkshopServer): PresenceBus {
  return {
    // Rejects when a process does not answer within the adapter's 5 s.
    ask: (code, from) => io.serverSideEmitWithAck('presence-ask', code, from),
    tellHere: (code, from, answering) => void io.serverSideEmit('presence-here', code, from, answering),
    tellLeft: (code, from) => void io.serverSideEmit('presence-left', code, from),
    // Only other processes of this deployment write to the stream; the checks keep a message of
    // another shape (another version of the server during an upgrade) from throwing here.
    onAsked: (answer) =>
      io.on('presence-ask', (code, from, reply) => {
        if (isText(code) && isText(from) && typeof reply === 'function') reply(answer(code, from));
      }),
    onHere: (listener) =>
      io.on('presence-here', (code, from, answering) => {
        if (isText(code) && isText(from)) listener(code, from, answering === true);
      }),
    onLeft: (listener) =>
      io.on('presence-left', (code, from) => {
        if (isText(code) && isText(from)) listener(code, from);
      }),
  };
}

/**
 * Lets the broadcaster keep a room's messages on this process while its sockets are all here
 * (room-presence.ts): follows the rooms this process's sockets enter and leave, and sends a room
 * its views again through Redis when it turns out to be shared.
 */
export function watchRoomPresence(
  io: WorkshopServer,
  broadcaster: Broadcaster,
  host: RoomHost,
  redis: RedisLink,
  log: (line: string) => void,
): RoomPresence {
  const presence = new RoomPresence(presenceBus(io), randomUUID(), (code) => {
    host
      .find(code)
      .then((room) => room && broadcaster.views(room))
      .catch((error: unknown) => log(`could not send room ${code} its views again: ${String(error)}`));
  });
  // A socket's rooms are its room code, `code/role`, `code/p/id` and its own id: only the code counts.
  const isRoomCode = (name: string) => name.length === ROOM_CODE_LENGTH && !name.includes('/');
  const adapter = io.of('/').adapter;
  adapter.on('create-room', (name: string) => isRoomCode(name) && presence.arrived(name));
  adapter.on('delete-room', (name: string) => isRoomCode(name) && presence.departed(name));
  // The first 'ready' came before the server started; a later one is the link back after an outage.
  redis.client.on('ready', () => presence.relinked());
  broadcaster.localOnly = (code) => presence.localOnly(code);
  return presence;
}
