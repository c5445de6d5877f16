/** The world-state meters as text and native meter elements, so screen readers get the values. */
import type { MeterView } from '../../engine/view.ts';
import { h } from '../dom.ts';

/** `showChange` adds the last choice's change beside each value. */
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
          { class: 'meter', title: m.description },
          h('span', { class: 'meter-label' }, m.label),
          h('meter', { min: m.min, max: m.max, value: m.value, 'aria-label': `${m.label}: ${m.value} of ${m.max}` }),
          h(
            'span',
            { class: 'meter-value' },
            `${m.value}/${m.max}`,
            showChange && m.change
              ? h('span', { class: 'meter-change' }, ` (${m.change > 0 ? '+' : ''}${m.change})`)
              : null,
          ),
        ),
      ),
    ),
  );
}
