/** The reasons people gave with their votes; with nicknames only on the facilitator's screen. Always text, never HTML. */
import type { GameView } from '../../../engine/view.ts';
import { h } from '../../dom.ts';

type DecisionView = Extract<GameView, { kind: 'decision' }>;

export function reasonsList(
  reasons: Array<{ option: string; reason: string; nickname?: string }>,
  game: DecisionView,
): HTMLElement | null {
  if (reasons.length === 0) return null;
  const label = (id: string) => game.options.find((o) => o.id === id)?.number ?? '?';
  return h(
    'section',
    { class: 'reasons', 'aria-labelledby': 'reasons-title' },
    h('h3', { id: 'reasons-title', class: 'small-heading' }, `Reasons given (${reasons.length})`),
    h(
      'ul',
      {},
      reasons.map((r) =>
        h(
          'li',
          {},
          h('span', { class: 'reason-option' }, `Option ${label(r.option)}`),
          r.nickname ? [' · ', h('span', { class: 'reason-name' }, r.nickname)] : null,
          ': ',
          h('q', {}, r.reason),
        ),
      ),
    ),
  );
}
