/**
 * The rules of a workshop room, as two pure functions over plain data:
 * - `decide*` checks an intent against the room's state and returns the event it causes, or why not;
 * - `evolve` folds an event into the state.
 * The server persists each event between the two; the offline presenter mode calls both in the
 * browser. The path through the scenario runs on the same compiled XState machine as
 * single-player (replay + viewOf), so the room can only go where the scenario allows.
 */
import { replay } from '../engine/game-actor.ts';
import { compileScenario, type GameMachine } from '../engine/compile.ts';
import { ScenarioIndex, viewOf, type GameView } from '../engine/view.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import { err, ok, type Result } from '../lib/result.ts';
import { exhaustive } from '../lib/assert.ts';
import type { RoomEvent, RoomEventOf } from './events.ts';
import { LIMITS, type ControlIntent, type ErrorCode, type RoomStatus } from './protocol.ts';
import { countVotes, majorityOf } from './tally.ts';
import { emptyBook, voteOf, withVote, withoutVote, type VoteBook } from './vote-book.ts';

/** A scenario made ready for rooms: looked up and compiled once, shared by every room that plays it. */
export interface RoomScenario {
  index: ScenarioIndex;
  machine: GameMachine;
}

export function roomScenario(bundle: ScenarioBundle): RoomScenario {
  return { index: new ScenarioIndex(bundle), machine: compileScenario(bundle.scenario) };
}

export interface Participant {
  id: string;
  nickname: string;
  tokenHash: string;
  joinedAt: number;
}

/** A participant the facilitator took out of the room, kept for the record and to refuse their token. */
export interface Removed extends Participant {
  removedAt: number;
  /** The option of their vote in the open vote, withdrawn when they were removed. */
  withdrawn?: string;
}

export interface Vote {
  option: string;
  reason?: string;
  at: number;
}

/** One vote at one decision. A rewind leaves it in the record; a new vote there is a new round. */
export interface Round {
  round: number;
  /** Decisions taken before this one (the index of this decision in the path). */
  step: number;
  decisionId: string;
  /** The options the machine offered, in order. */
  offered: string[];
  phase: 'open' | 'closed' | 'revealed';
  openedAt: number;
  /** The time limit and when it runs out (moved on by pauses). */
  seconds?: number;
  endsAt?: number;
  closedAt?: number;
  /** The server closed the vote when its time ran out. */
  timeUp?: true;
  revealedAt?: number;
  /** Phone votes by participant id; a new vote replaces the old. */
  votes: VoteBook;
  handCounts?: Record<string, number>;
  outcome?:
    | { kind: 'taken'; option: string; majority: string | null; reason?: string; at: number }
    | { kind: 'rewound' | 'ended'; at: number };
}

/** A decision the room took, one per step of the path. */
export interface Taken {
  step: number;
  round: number;
  option: string;
  majority: string | null;
  /** Given when the facilitator chose against the majority (or on a tie). */
  reason?: string;
}

export interface RoomState {
  code: string;
  scenarioId: string;
  secretHash: string;
  createdAt: number;
  status: RoomStatus;
  endedAt?: number;
  /** The option ids taken so far: the machine's path. */
  choices: string[];
  taken: Taken[];
  game: GameView;
  /** The vote at the current decision, once opened. */
  current?: Round;
  /** Every earlier round, in order: taken, rewound or ended. */
  rounds: Round[];
  participants: Record<string, Participant>;
  participantCount: number;
  /** No new participants while locked; `locks` keeps every period for the record. */
  locked: boolean;
  locks: Array<{ from: number; to?: number }>;
  removed: Removed[];
  pauses: Array<{ from: number; to?: number }>;
  rewinds: Array<{ at: number; fromStep: number; toStep: number }>;
  /**
   * Besides the place in the scenario (a decision or an ending), what the screens show: the
   * outcome of the choice just taken, before anyone sees the next decision, or the debrief at an
   * ending (at `debriefPage`).
   */
  showing: 'place' | 'outcome' | 'debrief';
  debriefPage: number;
  /** Number of events folded in; also the room's sequence number in views. */
  seq: number;
}

export interface Refusal {
  code: ErrorCode;
  message: string;
}
const refuse = (code: ErrorCode, message: string) => err<Refusal>({ code, message });
const notNow = (message: string) => refuse('not-now', message);

// ---------------------------------------------------------------------------------------------
// State

export function startRoom(scenario: RoomScenario, created: RoomEventOf<'created'>): RoomState {
  return {
    code: created.code,
    scenarioId: created.scenarioId,
    secretHash: created.secretHash,
    createdAt: created.at,
    status: 'running',
    choices: [],
    taken: [],
    game: gameAt(scenario, []),
    rounds: [],
    participants: {},
    participantCount: 0,
    locked: false,
    locks: [],
    removed: [],
    pauses: [],
    rewinds: [],
    showing: 'place',
    debriefPage: 0,
    seq: 1,
  };
}

/** Rebuilds a room from its stored events (the first must be `created`). */
export function rebuildRoom(scenario: RoomScenario, events: readonly RoomEvent[]): RoomState {
  const [first, ...rest] = events;
  if (first?.type !== 'created') throw new Error('A room\'s events must start with "created"');
  return rest.reduce((state, event) => evolve(scenario, state, event), startRoom(scenario, first));
}

function gameAt(scenario: RoomScenario, choices: readonly string[]): GameView {
  const played = replay(scenario.machine, choices);
  // decide* only lets through options the machine offers, so this is a broken event log.
  if (!played.ok) throw new Error(`The scenario does not offer "${played.error.option}" at step ${played.error.step}`);
  const view = viewOf(scenario.index, played.value.getSnapshot());
  played.value.stop();
  return view;
}

export function evolve(scenario: RoomScenario, state: RoomState, event: RoomEvent): RoomState {
  const next = { ...state, seq: state.seq + 1 };
  const round = state.current;
  // Opening a vote or counting hands is at a decision: the outcome before it has been read.
  const place = { showing: 'place' as const };
  switch (event.type) {
    case 'created':
      throw new Error('A room is created only once');
    case 'joined':
      return {
        ...next,
        participants: {
          ...state.participants,
          [event.participant]: {
            id: event.participant,
            nickname: event.nickname,
            tokenHash: event.tokenHash,
            joinedAt: event.at,
          },
        },
        participantCount: state.participantCount + 1,
      };
    case 'opened': {
      if (round) {
        // Opened again after a close: the votes stay, the time limit starts afresh.
        const { closedAt: _closed, seconds: _seconds, endsAt: _endsAt, timeUp: _up, ...reopened } = round;
        return { ...next, ...place, current: { ...reopened, phase: 'open', ...timer(event) } };
      }
      if (state.game.kind !== 'decision') throw new Error('Opened a vote at an ending');
      return { ...next, ...place, current: newRound(state, state.game, event.at, timer(event)) };
    }
    case 'extended': {
      // Time added to what is left; a limit already run out (the close not yet in) counts from now.
      const endsAt = Math.max(round!.endsAt ?? event.at, event.at) + event.seconds * 1000;
      return { ...next, current: { ...round!, seconds: (round!.seconds ?? 0) + event.seconds, endsAt } };
    }
    case 'voted': {
      const vote: Vote = { option: event.option, at: event.at, ...(event.reason ? { reason: event.reason } : {}) };
      return { ...next, current: { ...round!, votes: withVote(round!.votes, event.participant, vote) } };
    }
    case 'closed':
      return {
        ...next,
        current: { ...round!, phase: 'closed', closedAt: event.at, ...(event.timeUp ? { timeUp: true as const } : {}) },
      };
    case 'revealed':
      return {
        ...next,
        current: { ...round!, phase: 'revealed', closedAt: round!.closedAt ?? event.at, revealedAt: event.at },
      };
    case 'handCounts': {
      const base = round ?? newRound(state, state.game as Extract<GameView, { kind: 'decision' }>, event.at, {});
      return {
        ...next,
        ...place,
        current: {
          ...base,
          phase: base.phase === 'revealed' ? 'revealed' : 'closed',
          closedAt: base.closedAt ?? event.at,
          handCounts: event.counts,
        },
      };
    }
    case 'advanced': {
      const choices = [...state.choices, event.option];
      const taken: Taken = {
        step: state.choices.length,
        round: round!.round,
        option: event.option,
        majority: event.majority,
        ...(event.reason ? { reason: event.reason } : {}),
      };
      const outcome = {
        kind: 'taken' as const,
        option: event.option,
        majority: event.majority,
        at: event.at,
        ...(event.reason ? { reason: event.reason } : {}),
      };
      const { current: _, ...rest } = next;
      return {
        ...rest,
        choices,
        taken: [...state.taken, taken],
        game: gameAt(scenario, choices),
        rounds: [...state.rounds, { ...round!, outcome }],
        showing: 'outcome',
      };
    }
    case 'continued':
      return { ...next, ...place };
    case 'debriefed':
      return { ...next, showing: 'debrief', debriefPage: event.page };
    case 'paused':
      return { ...next, status: 'paused', pauses: [...state.pauses, { from: event.at }] };
    case 'resumed': {
      const pause = state.pauses.at(-1)!;
      const paused = event.at - pause.from;
      // A running timer does not count the pause.
      const current =
        round?.phase === 'open' && round.endsAt !== undefined ? { ...round, endsAt: round.endsAt + paused } : round;
      const { current: _, ...rest } = next;
      return {
        ...rest,
        ...(current ? { current } : {}),
        status: 'running',
        pauses: [...state.pauses.slice(0, -1), { ...pause, to: event.at }],
      };
    }
    case 'rewound': {
      const choices = state.choices.slice(0, event.toStep);
      const { current: _, ...rest } = next;
      return {
        ...rest,
        choices,
        taken: state.taken.slice(0, event.toStep),
        game: gameAt(scenario, choices),
        rounds: round ? [...state.rounds, { ...round, outcome: { kind: 'rewound', at: event.at } }] : state.rounds,
        rewinds: [...state.rewinds, { at: event.at, fromStep: state.choices.length, toStep: event.toStep }],
        showing: 'place',
        debriefPage: 0,
      };
    }
    case 'ended': {
      const { current: _, ...rest } = next;
      const pauses =
        state.status === 'paused'
          ? [...state.pauses.slice(0, -1), { ...state.pauses.at(-1)!, to: event.at }]
          : state.pauses;
      return {
        ...rest,
        status: 'ended',
        endedAt: event.at,
        pauses,
        rounds: round ? [...state.rounds, { ...round, outcome: { kind: 'ended', at: event.at } }] : state.rounds,
      };
    }
    case 'locked':
      return { ...next, locked: true, locks: [...state.locks, { from: event.at }] };
    case 'unlocked':
      return { ...next, locked: false, locks: [...state.locks.slice(0, -1), { ...state.locks.at(-1)!, to: event.at }] };
    case 'removed': {
      const { [event.participant]: gone, ...participants } = state.participants;
      // Only an open vote gives the vote back: a closed or revealed count is already on the screens.
      const withdrawn = round?.phase === 'open' ? voteOf(round.votes, event.participant) : undefined;
      const current = withdrawn ? { ...round!, votes: withoutVote(round!.votes, event.participant) } : round;
      const { current: _, ...rest } = next;
      return {
        ...rest,
        ...(current ? { current } : {}),
        participants,
        participantCount: state.participantCount - 1,
        removed: [
          ...state.removed,
          { ...gone!, removedAt: event.at, ...(withdrawn ? { withdrawn: withdrawn.option } : {}) },
        ],
      };
    }
    default:
      return exhaustive(event, 'room event');
  }
}

function timer(event: RoomEventOf<'opened'>): Pick<Round, 'seconds' | 'endsAt'> {
  return event.seconds ? { seconds: event.seconds, endsAt: event.at + event.seconds * 1000 } : {};
}

function newRound(
  state: RoomState,
  game: Extract<GameView, { kind: 'decision' }>,
  at: number,
  extra: Pick<Round, 'seconds' | 'endsAt'>,
): Round {
  return {
    round: state.rounds.length + 1,
    step: state.choices.length,
    decisionId: game.decisionId,
    offered: game.options.map((o) => o.id),
    phase: 'open',
    openedAt: at,
    ...extra,
    votes: emptyBook,
  };
}

/** Where the current vote stands; 'idle' before it is opened. */
export const phaseOf = (state: RoomState) => state.current?.phase ?? 'idle';

// ---------------------------------------------------------------------------------------------
// Decisions

export function decideJoin(
  state: RoomState,
  participant: string,
  nickname: string,
  tokenHash: string,
  at: number,
): Result<RoomEventOf<'joined'>, Refusal> {
  if (state.status === 'ended') return notNow('this session has ended');
  if (state.locked) return refuse('room-locked', 'the facilitator has locked this room: nobody new can join');
  if (state.participantCount >= LIMITS.participants)
    return refuse('room-full', `this room is full (${LIMITS.participants} participants)`);
  return ok({ type: 'joined', at, participant, nickname, tokenHash });
}

/** Whether a token (by its hash) belonged to a participant the facilitator removed: it opens nothing. */
export const isRemovedToken = (state: RoomState, tokenHash: string) =>
  state.removed.some((p) => p.tokenHash === tokenHash);

export function decideVote(
  state: RoomState,
  participant: string,
  option: string,
  reason: string | undefined,
  at: number,
): Result<RoomEventOf<'voted'>, Refusal> {
  if (!Object.hasOwn(state.participants, participant)) return refuse('not-joined', 'join the room before voting');
  if (state.status === 'ended') return notNow('this session has ended');
  if (state.status === 'paused') return notNow('the session is paused');
  const round = state.current;
  if (round?.phase !== 'open') return notNow('voting is not open');
  if (!round.offered.includes(option)) return refuse('invalid-message', `"${option}" is not one of the options here`);
  return ok({ type: 'voted', at, participant, option, ...(reason ? { reason } : {}) });
}

export function decideControl(state: RoomState, intent: ControlIntent, at: number): Result<RoomEvent, Refusal> {
  if (state.status === 'ended') return notNow('this session has ended');
  // Keeping people out is allowed while paused: that may be why the room was paused.
  switch (intent.type) {
    case 'lock':
      return state.locked ? notNow('the room is already locked') : ok({ type: 'locked', at });
    case 'unlock':
      return state.locked ? ok({ type: 'unlocked', at }) : notNow('the room is not locked');
    case 'remove':
      if (!Object.hasOwn(state.participants, intent.participant))
        return refuse('invalid-message', 'there is no such participant in this room');
      return ok({ type: 'removed', at, participant: intent.participant });
  }
  if (state.status === 'paused' && intent.type !== 'resume' && intent.type !== 'end')
    return notNow('the session is paused: resume it first');
  const phase = phaseOf(state);
  switch (intent.type) {
    case 'next':
      if (state.showing !== 'outcome') return notNow('there is no outcome on the screens to move on from');
      return ok({ type: 'continued', at });
    case 'debrief':
      if (state.game.kind !== 'ending') return notNow('the debrief comes at an ending');
      if (state.showing === 'outcome') return notNow('show the ending before its debrief');
      return ok({ type: 'debriefed', at, page: intent.page });
    case 'extend':
      if (phase !== 'open' || state.current?.endsAt === undefined)
        return notNow(phase === 'open' ? 'this vote has no time limit to extend' : 'no vote is open');
      if ((state.current.seconds ?? 0) + intent.seconds > LIMITS.voteSeconds)
        return notNow(`a vote can have at most ${LIMITS.voteSeconds / 60} minutes in all`);
      return ok({ type: 'extended', at, seconds: intent.seconds });
    case 'open':
      if (state.game.kind !== 'decision') return notNow('the scenario has reached an ending: rewind to vote again');
      if (phase === 'open' || phase === 'revealed')
        return notNow(phase === 'open' ? 'the vote is already open' : 'the results are out: advance or rewind');
      return ok({ type: 'opened', at, ...(intent.seconds ? { seconds: intent.seconds } : {}) });
    case 'close':
      if (phase !== 'open') return notNow('no vote is open');
      return ok({ type: 'closed', at });
    case 'reveal':
      if (phase !== 'open' && phase !== 'closed')
        return notNow(phase === 'idle' ? 'no vote has been held here yet' : 'the results are already out');
      return ok({ type: 'revealed', at });
    case 'handCounts': {
      if (state.game.kind !== 'decision') return notNow('the scenario has reached an ending');
      if (phase === 'revealed') return notNow('the results are already out');
      const offered = state.game.options.map((o) => o.id);
      const unknown = Object.keys(intent.counts).find((option) => !offered.includes(option));
      if (unknown) return refuse('invalid-message', `"${unknown}" is not one of the options here`);
      return ok({ type: 'handCounts', at, counts: intent.counts });
    }
    case 'advance':
      return decideAdvance(state, intent, at);
    case 'pause':
      if (state.status === 'paused') return notNow('the session is already paused');
      return ok({ type: 'paused', at });
    case 'resume':
      if (state.status !== 'paused') return notNow('the session is not paused');
      return ok({ type: 'resumed', at });
    case 'rewind':
      if (intent.toStep >= state.choices.length)
        return notNow(`step ${intent.toStep} is not an earlier decision (the room has taken ${state.choices.length})`);
      return ok({ type: 'rewound', at, toStep: intent.toStep });
    case 'end':
      return ok({ type: 'ended', at });
    default:
      return exhaustive(intent, 'control intent');
  }
}

/**
 * The server's clock: a timed vote whose time has run out is closed (a pause stops the clock, so a
 * paused room is left as it is). Refused when there is nothing to close, so a late timer is harmless.
 */
export function decideTimeUp(state: RoomState, at: number): Result<RoomEventOf<'closed'>, Refusal> {
  const round = state.current;
  if (state.status !== 'running' || round?.phase !== 'open' || round.endsAt === undefined)
    return notNow('no timed vote is open');
  if (round.endsAt > at) return notNow('the vote still has time left');
  return ok({ type: 'closed', at, timeUp: true });
}

/** When the server must look at the room's clock again: when an open, running timed vote runs out. */
export function timeUpAt(state: RoomState): number | undefined {
  const round = state.current;
  return state.status === 'running' && round?.phase === 'open' ? round.endsAt : undefined;
}

function decideAdvance(
  state: RoomState,
  intent: Extract<ControlIntent, { type: 'advance' }>,
  at: number,
): Result<RoomEvent, Refusal> {
  const round = state.current;
  if (state.game.kind !== 'decision' || !round || round.phase !== 'revealed')
    return notNow('reveal the results before moving on');
  const majority = majorityOf(countVotes(round));
  const option = intent.option ?? majority;
  if (!option) return notNow('no majority (a tie, or no votes): choose the option the room takes');
  if (!state.game.options.some((o) => o.id === option))
    return refuse('invalid-message', `"${option}" is not one of the options here`);
  if (option !== majority && !intent.reason) return notNow('going against the majority needs a reason, for the record');
  return ok({
    type: 'advanced',
    at,
    option,
    majority,
    ...(intent.reason && option !== majority ? { reason: intent.reason } : {}),
  });
}
