/**
 * Room state -> what each role is shown. Counts are the facilitator's until the reveal;
 * reasons carry nicknames only for the facilitator.
 */
import {
  PROTOCOL_VERSION,
  type FacilitatorView,
  type ParticipantView,
  type PresenterView,
  type Tally,
  type TakenStep,
  type VoteView,
} from './protocol.ts';
import type { RoomScenario, RoomState } from './room.ts';
import { countVotes, resultsOf, votersOf } from './tally.ts';
import { emptyBook, voteOf } from './vote-book.ts';
import { debriefOf } from './debrief.ts';
import type { Showing } from './protocol.ts';

export interface ViewContext {
  /** Server clock, ms since 1970. */
  now: number;
  /** Participant ids with a live connection (the facilitator's list shows who is here). */
  connected?: ReadonlySet<string>;
  joinUrls?: string[];
}

type Audience = 'facilitator' | 'public';

function voteView(state: RoomState, audience: Audience): VoteView {
  const round = state.current;
  if (!round) return { round: state.rounds.length + 1, phase: 'idle', voters: 0 };
  const revealed = round.phase === 'revealed';
  return {
    round: round.round,
    phase: round.phase,
    openedAt: round.openedAt,
    ...(round.endsAt !== undefined ? { endsAt: round.endsAt } : {}),
    voters: votersOf(round),
    ...(audience === 'facilitator' || revealed ? { counts: countVotes(round) } : {}),
    ...(revealed ? { results: resultsOf(round, state.participants, audience === 'facilitator') } : {}),
  };
}

function takenSteps(state: RoomState): TakenStep[] {
  return state.game.path.map((step, i) => {
    const taken = state.taken[i];
    return {
      step: i,
      decisionId: step.decisionId,
      decisionTitle: step.decisionTitle,
      optionId: step.optionId,
      optionLabel: step.optionLabel,
      ...(taken?.reason !== undefined ? { override: { majority: taken.majority, reason: taken.reason } } : {}),
    };
  });
}

function base(scenario: RoomScenario, state: RoomState, audience: Audience, context: ViewContext) {
  return {
    v: PROTOCOL_VERSION,
    code: state.code,
    scenario: { id: state.scenarioId, title: scenario.index.scenario.title },
    status: state.status,
    game: state.game,
    step: state.choices.length,
    vote: voteView(state, audience),
    participants: state.participantCount,
    locked: state.locked,
    serverTime: context.now,
    seq: state.seq,
    taken: takenSteps(state),
    ...moment(scenario, state),
  };
}

/** What the screens show besides the place; the debrief is made only while it is on the screens. */
function moment(scenario: RoomScenario, state: RoomState) {
  const showing: Showing =
    state.showing === 'outcome' && state.game.path.length > 0
      ? 'outcome'
      : state.game.kind === 'decision'
        ? 'decision'
        : state.showing === 'debrief'
          ? 'debrief'
          : 'ending';
  const debrief = showing === 'debrief' ? debriefOf(scenario, state) : undefined;
  return { showing, ...(debrief ? { debrief } : {}) };
}

export function facilitatorView(scenario: RoomScenario, state: RoomState, context: ViewContext): FacilitatorView {
  const votes = state.current?.votes ?? emptyBook;
  return {
    ...base(scenario, state, 'facilitator', context),
    role: 'facilitator',
    joinUrls: context.joinUrls ?? [],
    people: Object.values(state.participants).map((p) => ({
      id: p.id,
      nickname: p.nickname,
      connected: context.connected?.has(p.id) ?? false,
      voted: voteOf(votes, p.id) !== undefined,
    })),
  };
}

export function presenterView(scenario: RoomScenario, state: RoomState, context: ViewContext): PresenterView {
  return { ...base(scenario, state, 'public', context), role: 'presenter' };
}

export function participantView(
  scenario: RoomScenario,
  state: RoomState,
  participant: string,
  context: ViewContext,
): ParticipantView {
  const me = Object.hasOwn(state.participants, participant) ? state.participants[participant] : undefined;
  if (!me) throw new Error(`No participant "${participant}" in room ${state.code}`);
  const vote = state.current && voteOf(state.current.votes, participant);
  return {
    ...base(scenario, state, 'public', context),
    role: 'participant',
    me: { id: me.id, nickname: me.nickname },
    ...(vote ? { myVote: { option: vote.option, ...(vote.reason ? { reason: vote.reason } : {}) } } : {}),
  };
}

/** The small update pushed while votes come in; per-option counts only for the facilitator. */
export function tallyOf(state: RoomState, audience: Audience): Tally {
  const round = state.current;
  return {
    code: state.code,
    round: round?.round ?? state.rounds.length + 1,
    seq: state.seq,
    voters: votersOf(round),
    participants: state.participantCount,
    ...(round && (audience === 'facilitator' || round.phase === 'revealed') ? { counts: countVotes(round) } : {}),
  };
}
