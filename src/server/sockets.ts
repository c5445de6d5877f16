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
import { KnownRooms } from './known-rooms.ts';
import type { InterServerEvents } from './presence-bus.ts';
import { memoryLimiters, type LimiterFactory, type RateLimit } from './limiter.ts';
import type { LiveRoom, RoomHost } from './room-host.ts';

export interface SocketLimits {
  /**
   * Joins with an unknown code or a wrong secret, per address. Only failures count; over the
   * limit, joins with a right secret or token, or to a room this address already got into, still pass.
   */
  failedJoins: RateLimit;
  /** Rooms created, per address. */
  creates: RateLimit;
  /** Messages of any kind, per socket. */
  messages: RateLimit;
  /** Participants created (joins without a token that works), per socket; see DEFAULT_NEW_PARTICIPANTS. */
  newParticipantsPerSocket?: RateLimit;
  /** Participants created, per address: a class behind one NAT or proxy shares it. */
  newParticipantsPerAddress?: RateLimit;
}

/**
 * Against ballot stuffing (one script joining as hundreds of participants): a page joins once and
 * comes back with its token, so a socket needs one new participant, three allow for a shared
 * laptop; an address allows a large class (raise it behind a proxy, where the whole school
 * shares one address: BRANCHPOINT_NEW_PARTICIPANTS_PER_ADDRESS). Both per 10 minutes.
 */
export const DEFAULT_NEW_PARTICIPANTS = {
  perSocket: { capacity: 3, perMinute: 0.3 },
  perAddress: { capacity: 60, perMinute: 6 },
} as const satisfies Record<string, RateLimit>;

/**
 * A class behind one school address shares the failed-join budget, so it allows some typos;
 * guessing stays impractical (see src/workshop/codes.ts).
 */
export const DEFAULT_LIMITS: SocketLimits = {
  failedJoins: { capacity: 20, perMinute: 20 },
  creates: { capacity: 60, perMinute: 2 },
  messages: { capacity: 40, perMinute: 1200 },
};

type WorkshopSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type Reply = { ok: true } | ErrorReply;
const refuse = (code: ErrorCode, message: string): ErrorReply => ({ ok: false, error: { code, message } });
/** What a join proves itself with: the facilitator's secret or a participant's token (128 bits each). */
const credentialOf = (request: z.infer<typeof JoinRequest>): string | undefined =>
  request.role === 'facilitator' ? request.secret : request.role === 'participant' ? request.token : undefined;
const KNOWN = new Set<string>(['create', 'join', 'vote', 'control', 'record']);
/** Rejected messages logged per connection: enough to diagnose a broken page, too few to fill a disk. */
const LOGGED_REJECTIONS = 20;

/**
 * Text from the network in a log line: quoted as JSON, so a line break or a quote in an event
 * name shows as \n or \" and cannot start a line that looks like the server's own.
 */
export function quoted(value: unknown, max = 40): string {
  // JSON escapes C0 controls; the other characters some viewers break lines at (NEL, U+2028/9) and
  // invisible format characters (bidi overrides) are escaped too.
  return JSON.stringify(String(value).slice(0, max)).replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface SocketOptions {
  io: WorkshopServer;
  host: RoomHost;
  broadcaster: Broadcaster;
  /** Origins where the page can be reached, for join links. */
  origins: () => string[];
  limits?: SocketLimits;
  /** Where limits are counted: this process's memory unless a shared store is given (docs/deploying.md). */
  limiterFactory?: LimiterFactory;
  log: (line: string) => void;
}

export function attachSockets({
  io,
  host,
  broadcaster,
  origins,
  limits = DEFAULT_LIMITS,
  limiterFactory = memoryLimiters,
  log,
}: SocketOptions): void {
  const failedJoins = limiterFactory('failed-joins', limits.failedJoins);
  const creates = limiterFactory('creates', limits.creates);
  const messages = limiterFactory('messages', limits.messages);
  const known = new KnownRooms();
  const newPerSocket = limiterFactory(
    'new-participants-socket',
    limits.newParticipantsPerSocket ?? DEFAULT_NEW_PARTICIPANTS.perSocket,
  );
  const newPerAddress = limiterFactory(
    'new-participants-address',
    limits.newParticipantsPerAddress ?? DEFAULT_NEW_PARTICIPANTS.perAddress,
  );

  /** Tells a removed participant's pages, then closes their connections (which leave the room as any other). */
  async function removeParticipant(code: string, participant: string): Promise<void> {
    for (const other of await io.in(roleRoom(code, 'participant')).fetchSockets()) {
      if (other.data.participant !== participant) continue;
      other.emit('removed', { code: 'removed', message: 'the facilitator removed you from this session' });
      other.disconnect(true);
    }
  }

  io.on('connection', (socket: WorkshopSocket) => {
    socket.data.ip ??= socket.handshake.address;
    const who = () =>
      `${socket.id} (${socket.data.ip}${socket.data.role ? `, ${socket.data.role} in ${socket.data.code}` : ''})`;

    // Back after a short drop, with rooms and data restored by connection-state recovery. The
    // replay of what it missed comes from the Redis stream, which does not hold what a room whose
    // sockets are all on one process was sent (room-presence.ts): the socket gets its view now.
    if (socket.recovered && socket.data.code)
      enter(socket.data.code)
        .then((room) => {
          const { role, participant } = socket.data;
          if (room && role) socket.emit('view', broadcaster.viewFor(room, role, participant));
        })
        .catch((error) => log(`error restoring ${who()}: ${String(error)}`));

    /** Rejections logged per connection; beyond this, one line says the rest are not. */
    let rejections = 0;
    const noteRejection = (line: string) => {
      rejections++;
      if (rejections <= LOGGED_REJECTIONS) log(line);
      else if (rejections === LOGGED_REJECTIONS + 1) log(`further rejections from ${who()} are not logged`);
    };

    // Every packet passes here first, before any handler, log line or database lookup: the rate
    // limit, then unknown events and events without an acknowledgement. (`onAny` listeners run
    // before middleware in Socket.IO, so nothing is logged from there.)
    socket.use((packet, next) => {
      const event: unknown = packet[0];
      const ack = typeof packet.at(-1) === 'function' ? (packet.at(-1) as (reply: Reply) => void) : undefined;
      messages.consume(socket.id).then(
        (charge) => {
          if (!charge.allowed) {
            // Twice the burst within one window is not a page that got busy: close the connection.
            if (charge.over === limits.messages.capacity + 1) {
              log(`disconnected ${who()}: more than twice the message limit`);
              socket.disconnect(true);
            }
            ack?.(refuse('rate-limited', 'too many messages; slow down'));
            return;
          }
          if (typeof event !== 'string' || !KNOWN.has(event)) {
            noteRejection(`rejected unknown event ${quoted(event)} from ${who()}`);
            ack?.(refuse('invalid-message', `there is no ${quoted(event)} message`));
            return;
          }
          if (!ack) return noteRejection(`rejected ${quoted(event)} from ${who()}: no acknowledgement callback`);
          next();
        },
        (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
      );
    });

    /** Registers a handler that only ever sees a validated payload, and always answers. */
    function handle<S extends z.ZodType>(
      event: keyof ClientToServerEvents,
      schema: S,
      run: (request: z.infer<S>) => Promise<Reply> | Reply,
    ): void {
      socket.on(event, async (...args: unknown[]) => {
        // The middleware above let through only packets with an acknowledgement.
        const ack = args.at(-1) as (reply: Reply) => void;
        const parsed = parseMessage(schema, args.length > 1 ? args[0] : undefined);
        if (!parsed.ok) {
          noteRejection(
            `rejected "${event}" from ${who()}: ${parsed.error.code}: ${quoted(parsed.error.message, 200)}`,
          );
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

    // A middleware error (the limiter's store failing) ends up here; the packet is dropped.
    socket.on('error', (error) => log(`error checking a message from ${who()}: ${String(error)}`));

    async function enter(code: string): Promise<LiveRoom | undefined> {
      const room = await host.find(code);
      if (!room) return undefined;
      host.socketEntered(room);
      if (socket.data.participant && host.connected(room, socket.data.participant, 1)) broadcaster.people(room);
      return room;
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
      if (!(await creates.consume(socket.data.ip)).allowed)
        return refuse('rate-limited', 'too many rooms created from this address; try again later');
      const created = await host.create(request.scenarioId);
      if (!created.ok) return refuse(created.error.code, created.error.message);
      const { room, secret } = created.value;
      known.add(socket.data.ip, room.code);
      log(`room ${room.code} created for "${request.scenarioId}" by ${who()}`);
      return { ok: true, code: room.code, secret, joinUrls: origins().map((o) => joinUrl(o, room.code)) };
    });

    /**
     * The room of a join that carries the room's secret or a participant's token, and whether that
     * proves right (128 bits each, never a guess). A join that proves itself is not a failure to
     * count, so it skips the failed-join limit, whose count may live in Redis: a process taking over
     * a dead one's rooms answers thousands of these at once (docs/deploying.md), and each cost two
     * round trips to Redis (charge, then refund). One that does not prove itself is checked as before.
     */
    async function lookedUp(request: z.infer<typeof JoinRequest>): Promise<{ room?: LiveRoom; proven: boolean }> {
      const room = await host.find(request.code);
      const credential = credentialOf(request);
      const proven =
        room !== undefined &&
        credential !== undefined &&
        (request.role === 'facilitator' ? host.isFacilitator(room, credential) : host.holdsToken(room, credential));
      return { ...(room ? { room } : {}), proven };
    }

    /** Checks a join that does not prove itself against the failed-join limit; the room, or why not. */
    async function checkedRoom(
      request: z.infer<typeof JoinRequest>,
      found?: { room?: LiveRoom },
    ): Promise<LiveRoom | ErrorReply> {
      const { ip } = socket.data;
      // Charged as a failure in one step with the check (before the room is looked up, unless a
      // credential already had it looked up), so joins that arrive together cannot all pass; a join whose code (and secret) prove right gets it back.
      const charge = await failedJoins.consume(ip);
      const tooMany = () => refuse('rate-limited', 'too many failed attempts to join from this network; wait a minute');
      const credential = credentialOf(request);
      // Over the limit, a join that could be a guess is not even looked at: only a secret or token
      // (unguessable) or a room this address already got into.
      if (!charge.allowed && credential === undefined && !known.has(ip, request.code)) return tooMany();
      const room = found ? found.room : await host.find(request.code);
      if (!room)
        return charge.allowed ? refuse('unknown-room', `there is no room ${request.code}; check the code`) : tooMany();
      if (request.role === 'facilitator' && !host.isFacilitator(room, request.secret)) {
        log(`wrong facilitator secret for room ${room.code} from ${who()}`);
        return charge.allowed
          ? refuse('not-allowed', 'this browser does not hold the facilitator key for that room')
          : tooMany();
      }
      // Over the limit, the same answer whether or not the room exists, unless the token proves it is known.
      if (
        !charge.allowed &&
        !known.has(ip, room.code) &&
        request.role !== 'facilitator' &&
        !host.holdsToken(room, credential)
      )
        return tooMany();
      // The code is right: this was not a failure.
      await failedJoins.refund(ip);
      return room;
    }

    handle('join', JoinRequest, async (request) => {
      const { ip } = socket.data;
      const credential = credentialOf(request);
      const found = credential === undefined ? undefined : await lookedUp(request);
      const room = found?.proven ? found.room! : await checkedRoom(request, found);
      if ('ok' in room) return room;
      known.add(ip, room.code);
      let participant: string | undefined;
      let token: string | undefined;
      if (request.role === 'participant') {
        // A join without a token that works makes a participant: charged (in one step with the
        // check) to the socket and the address, and given back if no participant is made.
        const creates = !host.holdsToken(room, request.token);
        if (creates) {
          if (!(await newPerSocket.consume(socket.id)).allowed)
            return refuse('rate-limited', 'this page has joined as too many participants; reload it to join again');
          if (!(await newPerAddress.consume(ip)).allowed) {
            await newPerSocket.refund(socket.id);
            log(`refused a new participant in room ${room.code} from ${who()}: too many from this address`);
            return refuse('rate-limited', 'too many new participants from this network; wait a few minutes');
          }
        }
        const result = await host.join(room, request.nickname, request.token);
        if (!result.ok) {
          if (creates) await Promise.all([newPerSocket.refund(socket.id), newPerAddress.refund(ip)]);
          return refuse(result.error.code, result.error.message);
        }
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
      if (request.intent.type === 'remove') {
        log(`participant ${request.intent.participant} removed from room ${room.code} by ${who()}`);
        await removeParticipant(room.code, request.intent.participant);
      }
      return { ok: true, seq: result.value.seq };
    });

    handle('record', RecordRequest, async (request) => {
      const room = await joined('facilitator');
      if ('ok' in room) return room;
      return { ok: true, ...host.record(room, request.format) };
    });
  });
}
