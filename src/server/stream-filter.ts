/**
 * Every process reads every entry of the Redis stream that carries broadcasts between processes,
 * and the streams adapter parses each one in full (`JSON.parse` of the packet, a participant's
 * view of about 8 KB included) before Socket.IO finds it has no socket here to give it to. With
 * room affinity almost every message is for rooms whose sockets are all on one process, so the
 * other processes parsed them for nothing (a large part of their CPU in `npm run bench:cluster`).
 *
 * This looks at an entry's target rooms first, from the end of its JSON text, without parsing the
 * packet, and passes on only the entries a socket of this process may need: broadcasts to at least
 * one room this process has a socket in, broadcasts to everybody, and every other kind of message
 * (heartbeats, joins and leaves of remote sockets...). The adapter would ignore the skipped ones
 * anyway: its own messages (which it already delivered locally) and broadcasts to rooms it has no
 * socket in. Connection-state recovery reads the stream itself (XRANGE) and is not affected.
 */
import type { Namespace } from 'socket.io';

/** What the streams adapter stores in an entry (its `encode`); `type` 3 is a broadcast. */
export interface RawStreamMessage {
  uid: string;
  nsp: string;
  type: string;
  data?: string;
}

const BROADCAST = '3';
/**
 * A broadcast's data is `{"packet":…,"opts":{"rooms":[…],"except":[…],"flags":{…}}}`. Inside the
 * packet every quote is escaped (`\"`), so this text with bare quotes can only be the key itself.
 */
const OPTIONS_KEY = ',"opts":{"rooms":';

/** Whether an entry can matter to this adapter (with uid `self`, whose sockets are in `rooms`). */
export function mayConcern(message: RawStreamMessage, self: string, rooms: ReadonlyMap<string, unknown>): boolean {
  if (message.uid === self) return false;
  if (message.type !== BROADCAST || !message.data) return true;
  const at = message.data.lastIndexOf(OPTIONS_KEY);
  if (at < 0) return true;
  let targets: unknown;
  try {
    targets = (JSON.parse(message.data.slice(at + ',"opts":'.length, -1)) as { rooms?: unknown }).rooms;
  } catch {
    return true; // not the shape this expects: let the adapter decide
  }
  if (!Array.isArray(targets) || targets.length === 0) return true;
  return targets.some((room) => rooms.has(room as string));
}

interface StreamsAdapter {
  uid: string;
  rooms: ReadonlyMap<string, unknown>;
  onRawMessage(message: RawStreamMessage, offset: string): void;
}

/**
 * Wraps the streams adapter's factory so that each adapter skips entries that cannot concern it.
 * A plain function, not an arrow: Socket.IO calls the factory with `new`.
 */
export function filtered<F extends (nsp: Namespace) => unknown>(makeAdapter: F): F {
  return function (nsp: Namespace) {
    const adapter = makeAdapter(nsp) as StreamsAdapter;
    const onRawMessage = adapter.onRawMessage.bind(adapter);
    adapter.onRawMessage = (message, offset) => {
      if (mayConcern(message, adapter.uid, adapter.rooms)) onRawMessage(message, offset);
    };
    return adapter;
  } as F;
}
