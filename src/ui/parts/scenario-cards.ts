/**
 * The list of scenarios as cards (title, summary, size, actions): the player's title screen and the
 * workshop's start screen show the same cards with their own buttons.
 */
import type { CatalogEntry } from '../../engine/catalog.ts';
import { h } from '../dom.ts';

export interface CardOptions {
  /** The cards' heading level, under the screen's own headings. */
  heading: 'h3' | 'h4';
  /** Adds `class` to the card's heading. */
  headingClass?: string;
  /** Whether the fine print names the sources. */
  sources: boolean;
  /** The card's buttons. */
  actions: (entry: CatalogEntry) => Array<HTMLElement | null>;
}

/** The cards, after a line saying there are none when the catalog is empty. */
export function scenarioCards(catalog: CatalogEntry[], options: CardOptions): HTMLElement[] {
  const list = h(
    'ul',
    { class: 'scenario-list' },
    catalog.map((entry) =>
      h(
        'li',
        { class: 'scenario-card' },
        h(options.heading, { class: options.headingClass }, entry.title),
        h('p', {}, entry.summary),
        h(
          'p',
          { class: 'fine-print' },
          `${entry.decisions} decision points · ${entry.endings} endings`,
          options.sources
            ? [' · Source: ', entry.sources.map((s) => [s.title, s.date ? ` (${s.date})` : ''].join('')).join('; ')]
            : null,
        ),
        h('div', { class: 'actions' }, options.actions(entry)),
      ),
    ),
  );
  if (catalog.length > 0) return [list];
  return [h('p', {}, 'No scenarios were found. Put one under scenarios/ and rebuild.'), list];
}
