/**
 * The world-state meters as text and native meter elements, so screen readers get the values.
 * This is the one place a screen shows the meters: each with the last choice's change and why
 * ("+1: the Kremlin treats the strikes as NATO's involvement"). Hidden variables never reach it
 * (the view leaves them out).
 */
import type { MeterView } from '../../engine/view.ts';
import { h } from '../dom.ts';

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)}`;

/** `showChange` adds the last choice's change and its reason under each meter that moved. */
export function meterList(
  meters: MeterView[],
  heading = 'State of play',
  { showChange = true } = {},
): HTMLElement | null {
  if (meters.length === 0) return null;
  return h(
    'section',
    { class: 'meters', 'aria-label': heading },
    h('h3', { class: 'small-heading' }, heading),
    h(
      'ul',
      {},
      meters.map((m) =>
        h(
          'li',
          { class: m.change && showChange ? 'meter meter-moved' : 'meter', title: m.description },
          h('span', { class: 'meter-label' }, m.label),
          h('meter', { min: m.min, max: m.max, value: m.value, 'aria-label': `${m.label}: ${m.value} of ${m.max}` }),
          h(
            'span',
            { class: 'meter-value' },
            `${m.value}/${m.max}`,
            showChange && m.change ? h('span', { class: 'meter-change' }, ` (${signed(m.change)})`) : null,
          ),
          // The change is already beside the value: a line under it only when there is a reason to give.
          showChange && m.change && m.reason
            ? h('p', { class: 'meter-reason' }, h('strong', {}, `${signed(m.change)}`), `: ${m.reason}`)
            : null,
        ),
      ),
    ),
  );
}
