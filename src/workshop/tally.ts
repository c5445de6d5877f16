/** Counting a round's votes: phone votes plus hand counts, per offered option. */
import type { ResultsView } from './protocol.ts';
import type { Participant, Round } from './room.ts';
import { own, ownRecord } from '../lib/own.ts';
import { allVotes } from './vote-book.ts';

/** Votes per option, every offered option present (0 when nobody chose it), in the order offered. */
export function countVotes(round: Pick<Round, 'offered' | 'votes' | 'handCounts'>): Record<string, number> {
  // Option ids are keys: `constructor` must not read Object.prototype, nor `__proto__` set it.
  const counts = ownRecord<number>();
  for (const option of round.offered) counts[option] = own(round.handCounts, option) ?? 0;
  for (const [, vote] of allVotes(round.votes)) counts[vote.option] = (own(counts, vote.option) ?? 0) + 1;
  return counts;
}

/** The option with strictly the most votes; null on a tie for first place or when there are none. */
export function majorityOf(counts: Record<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let tied = false;
  for (const [option, count] of Object.entries(counts)) {
    if (count > bestCount) [best, bestCount, tied] = [option, count, false];
    else if (count === bestCount && count > 0) tied = true;
  }
  return tied ? null : best;
}

export const totalOf = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** Phone voters in a round (hand counts are not people the room can see). */
export const votersOf = (round: Pick<Round, 'votes'> | undefined) => round?.votes.size ?? 0;

/** A round's results; `withNames` adds who gave each reason (for the facilitator and the record). */
export function resultsOf(round: Round, participants: Record<string, Participant>, withNames: boolean): ResultsView {
  const counts = countVotes(round);
  const reasons = allVotes(round.votes)
    .filter(([, vote]) => vote.reason)
    .sort(([, a], [, b]) => a.at - b.at)
    .map(([id, vote]) => ({
      option: vote.option,
      reason: vote.reason!,
      ...(withNames ? { nickname: own(participants, id)?.nickname ?? '?' } : {}),
    }));
  return { counts, total: totalOf(counts), majority: majorityOf(counts), reasons };
}
