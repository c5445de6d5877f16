/**
 * Votes per option as a table whose last column draws each share as a bar: one element that is
 * a chart to the eye and a table to a screen reader. Live tallies update it in place.
 */
import type { OptionView } from '../../../engine/view.ts';
import { own } from '../../../lib/own.ts';
import { h } from '../../dom.ts';

export interface ChartOptions {
  caption: string;
  /** Marks the option with most votes (after a reveal). */
  majority?: string | null;
}

export const votesCaption = (total: number) => (total === 1 ? '1 vote' : `${total} votes`);

const share = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 100) : 0);

export function voteChart(
  options: OptionView[],
  counts: Record<string, number>,
  { caption, majority }: ChartOptions,
): HTMLElement {
  const total = options.reduce((sum, o) => sum + (own(counts, o.id) ?? 0), 0);
  return h(
    'table',
    { class: 'vote-chart', 'data-total': total },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Option'),
        h('th', { scope: 'col', class: 'count-col' }, 'Votes'),
        h('th', { scope: 'col' }, 'Share'),
      ),
    ),
    h(
      'tbody',
      {},
      options.map((option) => {
        const count = own(counts, option.id) ?? 0;
        const top = majority === option.id;
        return h(
          'tr',
          { 'data-option': option.id, class: top ? 'majority' : undefined },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: 'chart-number' }, `${option.number}.`),
            ' ',
            option.label,
            top ? h('span', { class: 'majority-mark' }, ' (most votes)') : null,
          ),
          h('td', { class: 'count-col', 'data-count': '' }, String(count)),
          h(
            'td',
            { class: 'bar-cell' },
            h('span', { class: 'bar-track', 'aria-hidden': 'true' }, bar(share(count, total))),
            h('span', { class: 'bar-share', 'data-share': '' }, `${share(count, total)}%`),
          ),
        );
      }),
    ),
  );
}

/**
 * The bar's width goes through the CSSOM (element.style), which a Content-Security-Policy without
 * 'unsafe-inline' in style-src allows; a `style` attribute in markup it refuses.
 */
function bar(percent: number): HTMLElement {
  const element = h('span', { class: 'bar' });
  element.style.width = `${percent}%`;
  return element;
}

/** Puts new counts into a chart already on screen (the tally arrives many times a second). */
export function updateVoteChart(chart: Element, counts: Record<string, number>): void {
  const rows = [...chart.querySelectorAll<HTMLTableRowElement>('tbody tr[data-option]')];
  const total = rows.reduce((sum, row) => sum + (own(counts, row.dataset.option!) ?? 0), 0);
  chart.setAttribute('data-total', String(total));
  for (const row of rows) {
    const count = own(counts, row.dataset.option!) ?? 0;
    const countCell = row.querySelector('[data-count]');
    const shareText = row.querySelector('[data-share]');
    const bar = row.querySelector<HTMLElement>('.bar');
    if (countCell) countCell.textContent = String(count);
    if (shareText) shareText.textContent = `${share(count, total)}%`;
    if (bar) bar.style.width = `${share(count, total)}%`;
  }
}
