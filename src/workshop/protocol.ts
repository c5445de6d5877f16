/**
 * The workshop protocol: every message between the browsers and the session server, one file for
 * both sides. Clients send intents, never state; the server runs the room (the same compiled
 * XState machine as single-player) and answers with view models.
 *
 * ## The flow
 * Everything goes over Socket.IO on the default namespace. Every client->server event carries
 * one payload and an acknowledgement callback; the ack is always an `Ack<T>`:
 * `{ ok: true, ... }` or `{ ok: false, error: { code, message } }`. A malformed or oversized
 * payload gets `{ ok: false, error: { code: 'invalid-message' | 'too-large' } }`; the room goes on.
 *
 * 1. Create: the facilitator's page sends `create` `{ v, scenarioId }` and gets
 *    `{ code, secret, joinUrls }`. The secret (128 bits) stays in the facilitator's browser
 *    (sessionStorage/localStorage): it is the only thing that allows control actions. `joinUrls`
 *    are the join links (`joinUrl`) at the server's addresses on the local network, for the link
 *    and QR code.
 * 2. Join: every page then sends `join`:
 *    - facilitator: `{ v, role: 'facilitator', code, secret }`
 *    - presenter (projector): `{ v, role: 'presenter', code }`
 *    - participant: `{ v, role: 'participant', code, nickname, token? }`; the ack holds a
 *      participant `token` the browser keeps (localStorage, per room code). Joining again with
 *      that token (after a refresh, a dropped connection, a server restart) puts the participant
 *      back where they were, with their vote kept.
 *    The ack holds the first view; after that the server pushes `view` on every change of the
 *    room and `tally` (small, at most every TALLY_INTERVAL_MS) while votes come in.
 *    Failed joins (unknown code) are rate-limited per address: guessing codes is impractical.
 * 3. The facilitator sends `control` intents (see `ControlIntent`): open a vote (optionally with a
 *    time limit, shown as a timer), close it, reveal it, advance with the majority (no `option`)
 *    or override it (`option` + a `reason`; a tie has no majority, so the facilitator must choose),
 *    pause/resume, rewind to an earlier decision (`toStep`: 0 = the first decision) to explore
 *    the branch the room rejected, enter hand counts (rooms without phones), end the session.
 *    After an advance every view has `showing: 'outcome'`: the screens show what the choice caused
 *    (the last step of `game.path`, `game.meters`, an override in `taken`) until `next` (or an
 *    `open` there) moves on. At an ending `debrief { page }` shows a page of the debrief
 *    (`showing: 'debrief'`, `debrief` in the view). A timed vote is closed by the server when its
 *    time runs out; `extend { seconds }` adds time. Added to version 1 without a bump, like `lock`.
 *    Participants' and presenters' sockets get `not-allowed` for every control intent.
 *    Against fake participants: `lock` closes the room to newcomers (`room-locked`; anyone who
 *    joined before comes back with their token), `unlock` opens it again, and `remove` takes a
 *    participant out: their vote in an open vote is withdrawn, their token stops working
 *    (`removed`), and their page is sent `removed`. These were added to version 1 without a bump:
 *    an older page never sends them and reads the new `locked` field as nothing.
 * 4. Participants send `vote` `{ v, option, reason? }` while the vote is open. Voting again before
 *    it closes replaces the earlier vote. The ack comes only after the vote is in the database.
 * 5. `record` `{ v, format: 'markdown' | 'csv' | 'json' }` (facilitator only) answers with the
 *    session record as text and a file name, for the page to download.
 * 6. Reconnection: Socket.IO's connection-state recovery brings a socket back into its rooms
 *    after a short drop. When `socket.recovered` is false after a `connect` (a long drop or a
 *    server restart), the page sends `join` again with its secret or token.
 *
 * Offline presenter mode (no network): the facilitator's page runs the same room logic
 * (`src/workshop/room.ts`) in the browser, enters hand counts with the `handCounts` intent, and
 * builds the same record (`src/workshop/record*.ts`).
 */
import { z } from 'zod';
import type { GameView } from '../engine/view.ts';
import { countsRecord } from './counts-schema.ts';

/** Bumped on any change a client of the previous version would misread. */
export const PROTOCOL_VERSION = 1 as const;

// ---------------------------------------------------------------------------------------------
// Limits and identifiers

export const LIMITS = {
  nickname: 30,
  reason: 140,
  /** Option, decision and scenario ids (the scenario format's ids are far shorter in practice). */
  id: 64,
  /** Largest payload, as JSON, the server reads; bigger ones are answered with `too-large`. */
  messageBytes: 2048,
  /** A vote's time limit, in seconds. */
  voteSeconds: 3600,
  /** One option's hand count. */
  handCount: 100_000,
  /** Participants in one room. */
  participants: 2000,
  /** Pages a debrief may have (it has five at most today). */
  debriefPages: 10,
} as const;

/** Room codes avoid characters that look alike when read off a projector: no 0/O, 1/I/L. */
export const ROOM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ROOM_CODE_LENGTH = 6;

/** Server pushes of the tally are coalesced: at most one per room per this many milliseconds. */
export const TALLY_INTERVAL_MS = 50;

/** The workshop's page, beside the game's index.html in the build. */
export const WORKSHOP_PAGE = 'workshop.html';

/** The workshop page's hash route for joining a room; the UI owns the router, this only names the path. */
export const joinRoute = (code: string) => `#/join/${code}`;

/** The link participants open: the workshop page at one of the server's origins, on the join route. */
export const joinUrl = (origin: string, code: string) => `${origin}/${WORKSHOP_PAGE}${joinRoute(code)}`;

/** Typed codes are forgiving: lower case, spaces and dashes are accepted and normalised. */
export function normaliseRoomCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

const id = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
const roomCode = z
  .string()
  .length(ROOM_CODE_LENGTH)
  .regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`), 'not a room code');
/** 128-bit secrets and tokens, base64url without padding. */
const secret = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a valid secret');
/** Text people type: trimmed, no control characters; always shown as text, never as HTML. */
const text = (max: number) =>
  z
    .string()
    .max(max * 4) // before trimming; bounds the work done on hostile input
    .transform((s) =>
      s
        .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .pipe(z.string().max(max));
const version = z.literal(PROTOCOL_VERSION);

// ---------------------------------------------------------------------------------------------
// Client -> server

export const CreateRequest = z.strictObject({ v: version, scenarioId: id });
export type CreateRequest = z.infer<typeof CreateRequest>;

export const JoinRequest = z.discriminatedUnion('role', [
  z.strictObject({ v: version, role: z.literal('facilitator'), code: roomCode, secret }),
  z.strictObject({ v: version, role: z.literal('presenter'), code: roomCode }),
  z.strictObject({
    v: version,
    role: z.literal('participant'),
    code: roomCode,
    nickname: text(LIMITS.nickname).pipe(z.string().min(1, 'a nickname is needed')),
    token: secret.optional(),
  }),
]);
export type JoinRequest = z.infer<typeof JoinRequest>;
export type Role = JoinRequest['role'];

export const VoteRequest = z.strictObject({ v: version, option: id, reason: text(LIMITS.reason).optional() });
export type VoteRequest = z.infer<typeof VoteRequest>;

/** What the facilitator may do. Each is checked against the room's state (see room.ts). */
export const ControlIntent = z.discriminatedUnion('type', [
  /**
   * Opens the vote at the current decision; `seconds` starts a timer shown to everyone, and the
   * server closes the vote when it runs out. Opening while the last outcome is shown moves on to
   * the decision first (as `next` would).
   */
  z.strictObject({ type: z.literal('open'), seconds: z.number().int().min(5).max(LIMITS.voteSeconds).optional() }),
  z.strictObject({ type: z.literal('close') }),
  /** More time for an open vote that has a time limit. */
  z.strictObject({ type: z.literal('extend'), seconds: z.number().int().min(5).max(LIMITS.voteSeconds) }),
  /** After an advance every screen shows what the choice caused; this moves on to the next decision or the ending. */
  z.strictObject({ type: z.literal('next') }),
  /** At an ending: show this page of the debrief on every screen (0 = the first). */
  z.strictObject({
    type: z.literal('debrief'),
    page: z
      .number()
      .int()
      .min(0)
      .max(LIMITS.debriefPages - 1),
  }),
  /** Closes the vote if open, and shows the results to everyone. */
  z.strictObject({ type: z.literal('reveal') }),
  /** Hand counts per option (offline rooms, or hands added to phone votes); closes the vote. */
  z.strictObject({
    type: z.literal('handCounts'),
    counts: countsRecord(id, z.number().int().min(0).max(LIMITS.handCount)),
  }),
  /** After a reveal: no option = the majority; an option other than the majority needs a reason. */
  z.strictObject({ type: z.literal('advance'), option: id.optional(), reason: text(LIMITS.reason).optional() }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  /** Back to the decision at this step of the path (0 = the first decision). */
  z.strictObject({ type: z.literal('rewind'), toStep: z.number().int().min(0).max(10_000) }),
  z.strictObject({ type: z.literal('end') }),
  /** No new participants (rejoining with a token still works). */
  z.strictObject({ type: z.literal('lock') }),
  z.strictObject({ type: z.literal('unlock') }),
  /** Takes a participant out of the room: their vote in the open vote is withdrawn, their token stops working. */
  z.strictObject({ type: z.literal('remove'), participant: id }),
]);
export type ControlIntent = z.infer<typeof ControlIntent>;

export const ControlRequest = z.strictObject({ v: version, intent: ControlIntent });
export type ControlRequest = z.infer<typeof ControlRequest>;

export const RecordFormat = z.enum(['markdown', 'csv', 'json']);
export type RecordFormat = z.infer<typeof RecordFormat>;
export const RecordRequest = z.strictObject({ v: version, format: RecordFormat });
export type RecordRequest = z.infer<typeof RecordRequest>;

// ---------------------------------------------------------------------------------------------
// Acknowledgements

export type ErrorCode =
  | 'invalid-message' // failed the schema (the message says where)
  | 'too-large' // payload over LIMITS.messageBytes
  | 'version' // another protocol version: reload the page
  | 'unknown-scenario'
  | 'unknown-room' // no room with that code (or it has ended and been removed)
  | 'rate-limited' // too many failed joins from this address; try again in a minute
  | 'not-joined' // send `join` first
  | 'not-allowed' // this role may not do that (participants cannot control the room)
  | 'room-full'
  | 'room-locked' // the facilitator has locked the room: no new participants
  | 'removed' // the facilitator removed this participant; their token no longer works
  | 'not-now' // the room's state does not allow it (the message says why)
  | 'server-error';

export interface ErrorReply {
  ok: false;
  error: { code: ErrorCode; message: string };
}
export type Ack<T extends object = object> = ({ ok: true } & T) | ErrorReply;

export type CreateAck = Ack<{ code: string; secret: string; joinUrls: string[] }>;
export type JoinAck = Ack<{ view: RoomView; token?: string }>;
export type VoteAck = Ack<{ vote: { option: string; reason?: string }; seq: number }>;
export type ControlAck = Ack<{ seq: number }>;
export type RecordAck = Ack<{ filename: string; mimeType: string; content: string }>;

// ---------------------------------------------------------------------------------------------
// Server -> client: view models

export type RoomStatus = 'running' | 'paused' | 'ended';
/** idle: not opened yet at this decision; open: taking votes; closed: no more votes; revealed: results shown. */
export type VotePhase = 'idle' | 'open' | 'closed' | 'revealed';

export interface ResultsView {
  /** Votes per option id (phone votes plus hand counts), every offered option present. */
  counts: Record<string, number>;
  total: number;
  /** The option with most votes; null on a tie or when nobody voted. */
  majority: string | null;
  /** Reasons given, without names on the projector and for participants. */
  reasons: Array<{ option: string; reason: string; nickname?: string }>;
}

export interface VoteView {
  /** Numbers every vote of the session, including votes at decisions later rewound. */
  round: number;
  phase: VotePhase;
  /** Server clock, ms since 1970; compare with `serverTime` to draw the timer. */
  openedAt?: number;
  /** When the time limit runs out (the facilitator still closes the vote). */
  endsAt?: number;
  voters: number;
  /** Live counts: facilitator always; presenter and participants only once revealed. */
  counts?: Record<string, number>;
  /** After a reveal (everyone). */
  results?: ResultsView;
}

/** One decision already taken by the room. */
export interface TakenStep {
  step: number;
  decisionId: string;
  decisionTitle: string;
  optionId: string;
  optionLabel: string;
  /** Present when the facilitator chose against the majority. */
  override?: { majority: string | null; reason: string };
}

interface RoomViewBase {
  v: typeof PROTOCOL_VERSION;
  code: string;
  scenario: { id: string; title: string };
  status: RoomStatus;
  /** Where the room is: a decision to vote on, or the ending reached. Path so far is `game.path`. */
  game: GameView;
  /** Number of decisions taken so far (= game.path.length). */
  step: number;
  vote: VoteView;
  participants: number;
  /** The facilitator has locked the room: nobody new can join. */
  locked: boolean;
  /** Server clock when this view was made, for the timer. */
  serverTime: number;
  /** Increases with every change of the room; ignore a view or tally older than one you have. */
  seq: number;
  taken: TakenStep[];
  /**
   * What every screen shows: the decision (`game`, a decision), the outcome of the last choice
   * (`game.path` at its end, with `game.meters` and `taken` at its end for an override) before the
   * next decision, the ending, or a page of the debrief at the ending. Absent from older servers:
   * read as 'decision' or 'ending' by `game.kind`.
   */
  showing?: Showing;
  /** With `showing: 'debrief'`. */
  debrief?: DebriefView;
}

export type Showing = 'decision' | 'outcome' | 'ending' | 'debrief';

/** The parts of a debrief, in the order the facilitator steps through them. */
export type DebriefPart = 'path' | 'reported' | 'votes' | 'common' | 'questions';

/** One decision of the room's path, as the debrief shows it. */
export interface DebriefStep {
  step: number;
  decisionId: string;
  decisionTitle: string;
  optionId: string;
  optionLabel: string;
  /** The options offered here that the scenario labels `reported`: what the source says happened. */
  reported: Array<{ id: string; label: string }>;
  /** Options offered and not taken. */
  untaken: Array<{ id: string; label: string }>;
  /** The vote that decided this step: counts per option offered, in order. */
  votes: { options: Array<{ id: string; label: string; count: number }>; total: number; majority: string | null };
  override?: { majority: string | null; reason: string };
}

export interface DebriefView {
  /** The page shown now, an index into `parts`. */
  page: number;
  parts: DebriefPart[];
  endingId: string;
  endingTitle: string;
  steps: DebriefStep[];
  /** The scenario's questions for every ending (its teacher block). */
  common: string[];
  /** The ending's own questions. */
  questions: string[];
}

export interface FacilitatorView extends RoomViewBase {
  role: 'facilitator';
  joinUrls: string[];
  people: Array<{ id: string; nickname: string; connected: boolean; voted: boolean }>;
}

export interface PresenterView extends RoomViewBase {
  role: 'presenter';
}

export interface ParticipantView extends RoomViewBase {
  role: 'participant';
  me: { id: string; nickname: string };
  /** This participant's vote in the current round, if any. */
  myVote?: { option: string; reason?: string };
}

export type RoomView = FacilitatorView | PresenterView | ParticipantView;

/** Pushed to facilitator and presenter while votes come in (coalesced; `counts` for the facilitator only). */
export interface Tally {
  code: string;
  round: number;
  seq: number;
  voters: number;
  participants: number;
  counts?: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Socket.IO event names and their payloads, for typed sockets on both sides:
//   server: new Server<ClientToServerEvents, ServerToClientEvents>()
//   client: const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(...)

export interface ClientToServerEvents {
  create: (request: CreateRequest, ack: (reply: CreateAck) => void) => void;
  join: (request: JoinRequest, ack: (reply: JoinAck) => void) => void;
  vote: (request: VoteRequest, ack: (reply: VoteAck) => void) => void;
  control: (request: ControlRequest, ack: (reply: ControlAck) => void) => void;
  record: (request: RecordRequest, ack: (reply: RecordAck) => void) => void;
}

export interface ServerToClientEvents {
  view: (view: RoomView) => void;
  tally: (tally: Tally) => void;
  /** To a participant's pages when the facilitator removes them; the server sends nothing more. */
  removed: (notice: ErrorReply['error']) => void;
}

/** Validates an untrusted payload; the message names the field, for the error ack and the log. */
export function parseMessage<T>(schema: z.ZodType<T>, payload: unknown): { ok: true; value: T } | ErrorReply {
  let size: number;
  try {
    size = JSON.stringify(payload ?? null).length;
  } catch {
    return { ok: false, error: { code: 'invalid-message', message: 'the message is not JSON' } };
  }
  if (size > LIMITS.messageBytes)
    return {
      ok: false,
      error: {
        code: 'too-large',
        message: `the message is ${size} bytes; at most ${LIMITS.messageBytes} are accepted`,
      },
    };
  if (typeof payload === 'object' && payload !== null && 'v' in payload && payload.v !== PROTOCOL_VERSION) {
    return {
      ok: false,
      error: { code: 'version', message: `this server speaks protocol version ${PROTOCOL_VERSION}; reload the page` },
    };
  }
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'message';
  return { ok: false, error: { code: 'invalid-message', message: `${where}: ${issue.message}` } };
}
