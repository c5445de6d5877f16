/**
 * The debrief a room steps through at its ending, made from the room's own record: its path
 * beside the options it did not take, where it parted from what the source reports (the options
 * labelled `reported`), how each vote split, then the scenario's common questions and the
 * ending's own. Pure: the server sends it in the views, the offline mode makes it in the browser.
 */
import type { DebriefPart, DebriefStep, DebriefView } from './protocol.ts';
import type { RoomScenario, RoomState } from './room.ts';
import { countVotes, majorityOf, totalOf } from './tally.ts';
import { own } from '../lib/own.ts';

export function debriefOf(scenario: RoomScenario, state: RoomState): DebriefView | undefined {
  const game = state.game;
  if (game.kind !== 'ending') return undefined;
  const { index } = scenario;
  const steps = game.path.map((step, i): DebriefStep => {
    const taken = state.taken[i];
    const round = taken ? state.rounds.find((r) => r.round === taken.round) : undefined;
    const options = index.decision(step.decisionId)?.options ?? [];
    const offered = round?.offered ?? [step.optionId, ...step.untaken.map((o) => o.id)];
    const labelled = offered.map((id) => ({ id, option: options.find((o) => o.id === id) }));
    const counts = round ? countVotes(round) : {};
    return {
      step: i,
      decisionId: step.decisionId,
      decisionTitle: step.decisionTitle,
      optionId: step.optionId,
      optionLabel: step.optionLabel,
      reported: labelled
        .filter(({ option }) => option?.evidence === 'reported')
        .map(({ id, option }) => ({ id, label: option!.label })),
      untaken: step.untaken,
      votes: {
        options: labelled.map(({ id, option }) => ({ id, label: option?.label ?? id, count: own(counts, id) ?? 0 })),
        total: totalOf(counts),
        majority: majorityOf(counts),
      },
      ...(taken?.reason !== undefined ? { override: { majority: taken.majority, reason: taken.reason } } : {}),
    };
  });
  const common = index.scenario.teacher?.debrief ?? [];
  const parts: DebriefPart[] = [
    'path',
    'reported',
    'votes',
    ...(common.length > 0 ? (['common'] as const) : []),
    ...(game.questions.length > 0 ? (['questions'] as const) : []),
  ];
  return {
    page: Math.min(state.debriefPage, parts.length - 1),
    parts,
    endingId: game.endingId,
    endingTitle: game.title,
    steps,
    common,
    questions: game.questions,
  };
}

/** Whether the room's choice at a step is one the source reports; undefined when the source reports none there. */
export function matchesReported(step: DebriefStep): boolean | undefined {
  if (step.reported.length === 0) return undefined;
  return step.reported.some((o) => o.id === step.optionId);
}
