/**
 * The page's line to the session server: one Socket.IO connection that (re)joins its room on
 * every fresh connection, hands on views and tallies newer than what it has, and turns every
 * request into a promise of the server's acknowledgement (or of a clear failure: no answer, not
 * connected). Clients send intents; state only ever comes from the server.
 */
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ControlIntent,
  type CreateAck,
  type ClientToServerEvents,
  type ErrorReply,
  type JoinAck,
  type JoinRequest,
  type RecordAck,
  type RecordFormat,
  type RoomView,
  type ServerToClientEvents,
  type Tally,
  type VoteAck,
} from '../../workshop/protocol.ts';
import { BackoffSkip, reconnectionFor } from '../../workshop/reconnection.ts';

/** How the line stands, for the status shown on every screen. */
export type LinkState = 'connecting' | 'joined' | 'reconnecting' | 'refused';

export interface ConnectionHandlers {
  view: (view: RoomView) => void;
  tally: (tally: Tally) => void;
  link: (state: LinkState) => void;
  /** A join the server refused (unknown room, rate limit, ended session…): the screen says why. */
  refused: (error: ErrorReply['error']) => void;
  /** The ack of a successful join, for keeping a participant's token. */
  joined?: (ack: Extract<JoinAck, { ok: true }>) => void;
}

type WorkshopSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ANSWER_MS = 10_000;
/** What says someone is using the page now (see RoomConnection's constructor). */
const WAKE_EVENTS: ReadonlyArray<readonly [() => EventTarget | undefined, string]> = [
  [() => globalThis.document, 'pointerdown'],
  [() => globalThis.document, 'keydown'],
  [() => globalThis.document, 'visibilitychange'],
  [() => globalThis.window, 'online'],
];
const failure = (message: string): ErrorReply => ({ ok: false, error: { code: 'server-error', message } });

/** Opens a connection only long enough to create a room. */
export async function createRoom(scenarioId: string): Promise<CreateAck> {
  const socket: WorkshopSocket = io({ reconnection: false, timeout: ANSWER_MS });
  try {
    return await socket.timeout(ANSWER_MS).emitWithAck('create', { v: PROTOCOL_VERSION, scenarioId });
  } catch {
    return failure('the session server did not answer; check that it is running (npm start) and try again');
  } finally {
    socket.disconnect();
  }
}

export class RoomConnection {
  private readonly socket: WorkshopSocket;
  private seq = 0;
  private joined = false;
  /** The facilitator removed this participant: the server closed the line and it stays closed. */
  private removed = false;
  private readonly waiting = new Set<() => void>();
  /** A request made while the line waits out its backoff does not wait for that timer: see request(). */
  private readonly backoff: BackoffSkip;

  constructor(
    private readonly joinRequest: () => JoinRequest,
    private readonly handlers: ConnectionHandlers,
  ) {
    // The room code in the connection's address (`?room=CODE`): a balancer in front of several
    // server processes hashes on it, so every screen of a room reaches the process that holds it.
    // Screens reconnect sooner than phones (src/workshop/reconnection.ts); a connection that went
    // over to WebSocket once goes straight to it when it comes back (one round trip instead of a
    // long-polling handshake and an upgrade, while the new process is busy with the whole room).
    this.socket = io({
      timeout: ANSWER_MS,
      query: { room: joinRequest().code },
      rememberUpgrade: true,
      ...reconnectionFor(joinRequest().role),
    });
    this.backoff = new BackoffSkip(this.socket);
    // Someone picking up the device (a touch, a key, the tab shown again, the network back) tries
    // at once instead of waiting out the backoff: after a server process dies, a phone nobody
    // touches comes back within seconds, one someone looks at comes back now.
    for (const [target, event] of WAKE_EVENTS) target()?.addEventListener(event, this.wake, { passive: true });
    this.socket.on('connect', () => void this.onConnect());
    this.socket.on('disconnect', () => {
      this.joined = false;
      if (!this.removed) handlers.link('reconnecting');
    });
    this.socket.on('removed', (notice) => {
      this.removed = true;
      handlers.link('refused');
      handlers.refused(notice);
      this.socket.disconnect();
    });
    this.socket.on('view', (view) => {
      if (view.seq < this.seq) return;
      this.seq = view.seq;
      handlers.view(view);
    });
    this.socket.on('tally', (tally) => {
      if (tally.seq < this.seq) return;
      handlers.tally(tally);
    });
    handlers.link('connecting');
  }

  vote(option: string, reason?: string): Promise<VoteAck> {
    return this.request(() =>
      this.socket
        .timeout(ANSWER_MS)
        .emitWithAck('vote', { v: PROTOCOL_VERSION, option, ...(reason ? { reason } : {}) }),
    );
  }

  control(intent: ControlIntent): Promise<Ack<{ seq: number }>> {
    return this.request(() => this.socket.timeout(ANSWER_MS).emitWithAck('control', { v: PROTOCOL_VERSION, intent }));
  }

  record(format: RecordFormat): Promise<RecordAck> {
    return this.request(() => this.socket.timeout(ANSWER_MS).emitWithAck('record', { v: PROTOCOL_VERSION, format }));
  }

  close(): void {
    for (const [target, event] of WAKE_EVENTS) target()?.removeEventListener(event, this.wake);
    this.socket.disconnect();
  }

  /** Tries to reconnect now when the line is down and waiting for its next try. */
  private readonly wake = (): void => {
    if (this.removed || this.joined) return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    this.backoff.now();
  };

  private async onConnect(): Promise<void> {
    // A short drop that Socket.IO recovered keeps the socket in its room; anything else joins again.
    if (this.socket.recovered && this.seq > 0) return this.markJoined();
    let ack: JoinAck;
    try {
      ack = await this.socket.timeout(ANSWER_MS).emitWithAck('join', this.joinRequest());
    } catch {
      // No answer: Socket.IO will reconnect and this runs again.
      this.socket.disconnect().connect();
      return;
    }
    if (!ack.ok) {
      this.handlers.link('refused');
      this.handlers.refused(ack.error);
      this.socket.disconnect();
      return;
    }
    this.handlers.joined?.(ack);
    this.seq = Math.max(this.seq, ack.view.seq);
    this.handlers.view(ack.view);
    this.markJoined();
  }

  private markJoined(): void {
    this.joined = true;
    this.handlers.link('joined');
    for (const resume of this.waiting) resume();
    this.waiting.clear();
  }

  /** Sends once the room is joined (waiting out a reconnection), so a request never goes out before its join. */
  private async request<T extends object>(send: () => Promise<Ack<T>>): Promise<Ack<T>> {
    if (!this.joined) {
      // Someone tapped while the line is down: try again now rather than when the backoff says.
      // When a server process dies, all its rooms' phones lose their line at once and come back
      // spread over a second or more (src/workshop/reconnection.ts); the ones with a vote to send
      // come back first, at the pace people tap, which is no storm.
      if (!this.removed) this.backoff.now();
      const ready = await new Promise<boolean>((resolve) => {
        const resume = () => resolve(true);
        this.waiting.add(resume);
        setTimeout(() => {
          this.waiting.delete(resume);
          resolve(false);
        }, ANSWER_MS);
      });
      if (!ready)
        return failure('not connected to the session server; it was not sent, try again when the connection is back');
    }
    try {
      return await send();
    } catch {
      return failure('the session server did not answer in time; try again');
    }
  }
}
