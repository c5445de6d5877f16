/**
 * The record of a workshop session: the path the room took with the citations of every step,
 * every vote (counts per option, reasons, timings), overrides with their reasons, rewinds and
 * pauses. Built from the room's state alone, so the server and the offline presenter mode make
 * the same record. record-markdown.ts and record-csv.ts render it; JSON is this object.
 */
import type { CitationView, GameView } from '../engine/view.ts';
import type { Evidence } from '../scenario/schema.ts';
import type { RecordFormat } from './protocol.ts';
import type { Round, RoomScenario, RoomState } from './room.ts';
import { countVotes, majorityOf, totalOf } from './tally.ts';
import { allVotes } from './vote-book.ts';
import { own } from '../lib/own.ts';
import { recordMarkdown } from './record-markdown.ts';
import { recordCsv } from './record-csv.ts';

export const RECORD_FORMAT = 'branchpoint-workshop-record';
export const RECORD_VERSION = 1;

export interface RecordCitation {
  source: string;
  quote: string;
  evidence?: Evidence;
}

export interface RecordOption {
  id: string;
  label: string;
  phoneVotes: number;
  handVotes: number;
  total: number;
}

export interface RecordRound {
  round: number;
  step: number;
  decisionId: string;
  decisionTitle: string;
  options: RecordOption[];
  total: number;
  majority: string | null;
  reasons: Array<{ nickname: string; option: string; reason: string; at: string }>;
  openedAt: string;
  closedAt?: string;
  revealedAt?: string;
  /** From opening to closing, in seconds (pauses included). */
  durationSeconds?: number;
  /** The time limit set (with any time added), and whether the server closed the vote when it ran out. */
  timeLimitSeconds?: number;
  closedWhenTimeRanOut?: true;
  /** taken: the room moved on (with `chosen`); rewound: the room went back; ended / open: the session stopped here. */
  outcome: 'taken' | 'rewound' | 'ended' | 'open';
  chosen?: string;
  override?: { majority: string | null; reason: string };
}

export interface RecordStep {
  step: number;
  decisionId: string;
  decisionTitle: string;
  actor: string;
  situation: string;
  situationCitations: RecordCitation[];
  optionId: string;
  optionLabel: string;
  evidence: Evidence;
  outcome: string;
  citations: RecordCitation[];
  /** The round that decided it. */
  round: number;
  decidedBy: 'majority' | 'facilitator';
  override?: { majority: string | null; reason: string };
}

export interface SessionRecord {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  room: string;
  scenario: {
    id: string;
    title: string;
    sources: Array<{ id: string; title: string; publisher?: string; date?: string; url?: string }>;
  };
  createdAt: string;
  endedAt?: string;
  status: RoomState['status'];
  participants: number;
  path: RecordStep[];
  /** Where the path ends: an ending of the scenario, or the decision the session stopped at. */
  reached:
    | { kind: 'ending'; id: string; title: string; text: string; citations: RecordCitation[]; questions: string[] }
    | { kind: 'decision'; id: string; title: string };
  rounds: RecordRound[];
  rewinds: Array<{ at: string; fromStep: number; toStep: number }>;
  pauses: Array<{ from: string; to?: string }>;
  /** When the room was closed to newcomers. */
  locks: Array<{ from: string; to?: string }>;
  /** Participants the facilitator removed; `withdrawn` is the option of the vote taken back from an open vote. */
  removed: Array<{ nickname: string; joinedAt: string; removedAt: string; withdrawn?: string }>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const citation = (c: CitationView): RecordCitation => ({
  source: c.sourceTitle,
  quote: c.quote,
  ...(c.evidence ? { evidence: c.evidence } : {}),
});

export function buildRecord(scenario: RoomScenario, state: RoomState): SessionRecord {
  const { index } = scenario;
  const rounds = [...state.rounds, ...(state.current ? [state.current] : [])];
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    room: state.code,
    scenario: {
      id: state.scenarioId,
      title: index.scenario.title,
      sources: index.scenario.sources.map((s) => ({
        id: s.id,
        title: s.title,
        ...(s.publisher ? { publisher: s.publisher } : {}),
        ...(s.date ? { date: s.date } : {}),
        ...(s.url ? { url: s.url } : {}),
      })),
    },
    createdAt: iso(state.createdAt),
    ...(state.endedAt !== undefined ? { endedAt: iso(state.endedAt) } : {}),
    status: state.status,
    participants: state.participantCount,
    path: state.game.path.map((step, i) => {
      const taken = state.taken[i]!;
      return {
        step: i,
        decisionId: step.decisionId,
        decisionTitle: step.decisionTitle,
        actor: step.actorName,
        situation: step.situation,
        situationCitations: step.situationCitations.map(citation),
        optionId: step.optionId,
        optionLabel: step.optionLabel,
        evidence: step.evidence,
        outcome: step.outcome,
        citations: step.citations.map(citation),
        round: taken.round,
        decidedBy: taken.reason === undefined ? 'majority' : 'facilitator',
        ...(taken.reason !== undefined ? { override: { majority: taken.majority, reason: taken.reason } } : {}),
      };
    }),
    reached: reachedOf(state.game),
    rounds: rounds.map((round) => recordRound(scenario, state, round)),
    rewinds: state.rewinds.map((r) => ({ at: iso(r.at), fromStep: r.fromStep, toStep: r.toStep })),
    pauses: state.pauses.map((p) => ({ from: iso(p.from), ...(p.to !== undefined ? { to: iso(p.to) } : {}) })),
    locks: state.locks.map((l) => ({ from: iso(l.from), ...(l.to !== undefined ? { to: iso(l.to) } : {}) })),
    removed: state.removed.map((p) => ({
      nickname: p.nickname,
      joinedAt: iso(p.joinedAt),
      removedAt: iso(p.removedAt),
      ...(p.withdrawn !== undefined ? { withdrawn: p.withdrawn } : {}),
    })),
  };
}

function reachedOf(game: GameView): SessionRecord['reached'] {
  if (game.kind === 'decision') return { kind: 'decision', id: game.decisionId, title: game.title };
  return {
    kind: 'ending',
    id: game.endingId,
    title: game.title,
    text: game.text,
    citations: game.citations.map(citation),
    questions: game.questions,
  };
}

function recordRound(scenario: RoomScenario, state: RoomState, round: Round): RecordRound {
  const decision = scenario.index.decision(round.decisionId)!;
  const counts = countVotes(round);
  const phone = countVotes({ ...round, handCounts: {} });
  const outcome = round.outcome;
  const closed = round.closedAt ?? round.revealedAt;
  return {
    round: round.round,
    step: round.step,
    decisionId: round.decisionId,
    decisionTitle: decision.title,
    options: round.offered.map((id) => ({
      id,
      label: decision.options.find((o) => o.id === id)?.label ?? id,
      phoneVotes: own(phone, id) ?? 0,
      handVotes: own(round.handCounts, id) ?? 0,
      total: own(counts, id) ?? 0,
    })),
    total: totalOf(counts),
    majority: majorityOf(counts),
    reasons: allVotes(round.votes)
      .filter(([, vote]) => vote.reason)
      .sort(([, a], [, b]) => a.at - b.at)
      .map(([id, vote]) => ({
        nickname: own(state.participants, id)?.nickname ?? '?',
        option: vote.option,
        reason: vote.reason!,
        at: iso(vote.at),
      })),
    openedAt: iso(round.openedAt),
    ...(round.closedAt !== undefined ? { closedAt: iso(round.closedAt) } : {}),
    ...(round.revealedAt !== undefined ? { revealedAt: iso(round.revealedAt) } : {}),
    ...(closed !== undefined ? { durationSeconds: Math.round((closed - round.openedAt) / 1000) } : {}),
    ...(round.seconds !== undefined ? { timeLimitSeconds: round.seconds } : {}),
    ...(round.timeUp ? { closedWhenTimeRanOut: true as const } : {}),
    outcome: outcome?.kind ?? 'open',
    ...(outcome?.kind === 'taken' ? { chosen: outcome.option } : {}),
    ...(outcome?.kind === 'taken' && outcome.reason !== undefined
      ? { override: { majority: outcome.majority, reason: outcome.reason } }
      : {}),
  };
}

export interface RecordFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** The record as a file to download, named after the scenario, the room and the day. */
export function recordFile(scenario: RoomScenario, state: RoomState, format: RecordFormat): RecordFile {
  const record = buildRecord(scenario, state);
  const stem = `${state.scenarioId}-${state.code}-${record.createdAt.slice(0, 10)}`;
  switch (format) {
    case 'markdown':
      return { filename: `${stem}.md`, mimeType: 'text/markdown; charset=utf-8', content: recordMarkdown(record) };
    case 'csv':
      return { filename: `${stem}.csv`, mimeType: 'text/csv; charset=utf-8', content: recordCsv(record) };
    case 'json':
      return {
        filename: `${stem}.json`,
        mimeType: 'application/json',
        content: JSON.stringify(record, null, 2) + '\n',
      };
  }
}
