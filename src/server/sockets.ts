/**
 * The Socket.IO side of the workshop: every message is size-checked and validated against the
 * protocol's schemas before anything else reads it; a bad one gets an error acknowledgement and a
 * log line, and the room goes on. A socket's role comes from its `join` (the facilitator's with
 * the room's secret) and decides what it may do.
 */
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import {
  ControlRequest,
  CreateRequest,
  JoinRequest,
  RecordRequest,
  VoteRequest,
  joinUrl,
  parseMessage,
  type ClientToServerEvents,
  type ErrorCode,
  type ErrorReply,
  type ServerToClientEvents,
} from '../workshop/protocol.ts';
import { participantRoom, roleRoom, type Broadcaster, type SocketData, type WorkshopServer } from './broadcast.ts';
import { RateLimiter, type RateLimit } from './rate-limit.ts';
import type { LiveRoom, RoomHost } from './room-host.ts';

export interface SocketLimits {
  /** Joins with an unknown code or a wrong secret, per address. */
  failedJoins: RateLimit;
  /** Rooms created, per address. */
  creates: RateLimit;
  /** Messages of any kind, per socket. */
  messages: RateLimit;
}

/**
 * A class behind one school address shares the failed-join budget, so it allows some typos;
 * guessing stays impractical (see src/workshop/codes.ts).
 */
export const DEFAULT_LIMITS: SocketLimits = {
  failedJoins: { capacity: 20, perMinute: 20 },
  creates: { capacity: 60, perMinute: 2 },
  messages: { capacity: 40, perMinute: 1200 },
};

type WorkshopSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Reply = { ok: true } | ErrorReply;
const refuse = (code: ErrorCode, message: string): ErrorReply => ({ ok: false, error: { code, message } });
const KNOWN = new Set<string>(['create', 'join', 'vote', 'control', 'record']);

export interface SocketOptions {
  io: WorkshopServer;
  host: RoomHost;
  broadcaster: Broadcaster;
  /** Origins where the page can be reached, for join links. */
  origins: () => string[];
  limits?: SocketLimits;
  log: (line: string) => void;
}

export function attachSockets({ io, host, broadcaster, origins, limits = DEFAULT_LIMITS, log }: SocketOptions): void {
  const failedJoins = new RateLimiter(limits.failedJoins);
  const creates = new RateLimiter(limits.creates);
  const messages = new RateLimiter(limits.messages);

  io.on('connection', (socket: WorkshopSocket) => {
    socket.data.ip ??= socket.handshake.address;
    const who = () =>
      `${socket.id} (${socket.data.ip}${socket.data.role ? `, ${socket.data.role} in ${socket.data.code}` : ''})`;

    // Back after a short drop, with rooms and data restored by connection-state recovery.
    if (socket.recovered && socket.data.code)
      enter(socket.data.code).catch((error) => log(`error restoring ${who()}: ${String(error)}`));

    /** Registers a handler that only ever sees a validated payload, and always answers. */
    function handle<S extends z.ZodType>(
      event: keyof ClientToServerEvents,
      schema: S,
      run: (request: z.infer<S>) => Promise<Reply> | Reply,
    ): void {
      socket.on(event, async (...args: unknown[]) => {
        const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (reply: Reply) => void) : undefined;
        if (!ack) return log(`rejected "${event}" from ${who()}: no acknowledgement callback`);
        if (!messages.take(socket.id)) return ack(refuse('rate-limited', 'too many messages; slow down'));
        const parsed = parseMessage(schema, args.length > 1 ? args[0] : undefined);
        if (!parsed.ok) {
          log(`rejected "${event}" from ${who()}: ${parsed.error.code}: ${parsed.error.message}`);
          return ack(parsed);
        }
        try {
          ack(await run(parsed.value as z.infer<S>));
        } catch (error) {
          log(`error handling "${event}" from ${who()}: ${(error as Error).stack ?? String(error)}`);
          ack(refuse('server-error', 'the server could not do that; try again'));
        }
      });
    }

    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN.has(event)) return;
      log(`rejected unknown event "${String(event).slice(0, 40)}" from ${who()}`);
      const ack = args.at(-1);
      if (typeof ack === 'function')
        ack(refuse('invalid-message', `there is no "${String(event).slice(0, 40)}" message`));
    });

    async function enter(code: string) {
      const room = await host.find(code);
      if (!room) return;
      host.socketEntered(room);
      if (socket.data.participant && host.connected(room, socket.data.participant, 1)) broadcaster.people(room);
    }

    async function leave() {
      const { code, participant } = socket.data;
      if (!code) return;
      for (const name of [...socket.rooms]) if (name !== socket.id) await socket.leave(name);
      socket.data = { ip: socket.data.ip };
      const room = await host.find(code);
      if (!room) return;
      host.socketLeft(room);
      if (participant && host.connected(room, participant, -1)) broadcaster.people(room);
    }

    socket.on(
      'disconnect',
      () => void leave().catch((error) => log(`error on disconnect of ${who()}: ${String(error)}`)),
    );

    /** The room this socket joined, in the role given; or why not. */
    async function joined(role?: 'facilitator' | 'participant'): Promise<LiveRoom | ErrorReply> {
      const { code } = socket.data;
      if (!code) return refuse('not-joined', 'join a room first');
      if (role && socket.data.role !== role)
        return refuse(
          'not-allowed',
          role === 'facilitator' ? 'only the facilitator can do that' : 'only participants vote',
        );
      const room = await host.find(code);
      return room ?? refuse('unknown-room', `room ${code} is gone`);
    }

    handle('create', CreateRequest, async (request) => {
      if (!creates.take(socket.data.ip))
        return refuse('rate-limited', 'too many rooms created from this address; try again later');
      const created = await host.create(request.scenarioId);
      if (!created.ok) return refuse(created.error.code, created.error.message);
      const { room, secret } = created.value;
      log(`room ${room.code} created for "${request.scenarioId}" by ${who()}`);
      return { ok: true, code: room.code, secret, joinUrls: origins().map((o) => joinUrl(o, room.code)) };
    });

    handle('join', JoinRequest, async (request) => {
      const { ip } = socket.data;
      if (!failedJoins.allows(ip)) return refuse('rate-limited', 'too many failed attempts to join; wait a minute');
      const room = await host.find(request.code);
      if (!room) {
        failedJoins.take(ip);
        return refuse('unknown-room', `there is no room ${request.code}; check the code`);
      }
      if (request.role === 'facilitator' && !host.isFacilitator(room, request.secret)) {
        failedJoins.take(ip);
        log(`wrong facilitator secret for room ${room.code} from ${who()}`);
        return refuse('not-allowed', 'this browser does not hold the facilitator key for that room');
      }
      let participant: string | undefined;
      let token: string | undefined;
      if (request.role === 'participant') {
        const result = await host.join(room, request.nickname, request.token);
        if (!result.ok) return refuse(result.error.code, result.error.message);
        ({ participant, token } = result.value);
      }
      await leave();
      socket.data = { ip, code: room.code, role: request.role, ...(participant ? { participant } : {}) };
      await socket.join([
        room.code,
        roleRoom(room.code, request.role),
        ...(participant ? [participantRoom(room.code, participant)] : []),
      ]);
      await enter(room.code);
      return { ok: true, view: broadcaster.viewFor(room, request.role, participant), ...(token ? { token } : {}) };
    });

    handle('vote', VoteRequest, async (request) => {
      const room = await joined('participant');
      if ('ok' in room) return room;
      const result = await host.vote(room, socket.data.participant!, request.option, request.reason);
      if (!result.ok) return refuse(result.error.code, result.error.message);
      return {
        ok: true,
        seq: result.value.seq,
        vote: { option: request.option, ...(request.reason ? { reason: request.reason } : {}) },
      };
    });

    handle('control', ControlRequest, async (request) => {
      const room = await joined('facilitator');
      if ('ok' in room) {
        if (room.error.code === 'not-allowed')
          log(`refused "${request.intent.type}" from ${who()}: not the facilitator`);
        return room;
      }
      const result = await host.control(room, request.intent);
      if (!result.ok) return refuse(result.error.code, result.error.message);
      return { ok: true, seq: result.value.seq };
    });

    handle('record', RecordRequest, async (request) => {
      const room = await joined('facilitator');
      if ('ok' in room) return room;
      return { ok: true, ...host.record(room, request.format) };
    });
  });
}
