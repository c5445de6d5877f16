/** What the room chose, once revealed: the chart of votes and the reasons given. */
import type { GameView } from '../../../engine/view.ts';
import type { VoteView } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';
import { reasonsList } from './reasons.ts';
import { voteChart, votesCaption } from './vote-chart.ts';

type DecisionView = Extract<GameView, { kind: 'decision' }>;

export function roomResults(vote: VoteView, game: DecisionView): HTMLElement | null {
  const results = vote.results;
  if (vote.phase !== 'revealed' || !results) return null;
  return h(
    'section',
    { class: 'results', 'aria-labelledby': 'results-title' },
    h('h3', { id: 'results-title' }, 'What the room chose'),
    voteChart(game.options, results.counts, { caption: votesCaption(results.total), majority: results.majority }),
    reasonsList(results.reasons, game),
  );
}
