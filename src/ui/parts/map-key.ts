/** The map's content in words: every place and range with the citation behind it. */
import type { ScenarioIndex } from '../../engine/view.ts';
import { h } from '../dom.ts';
import { citationBlock, type ShowSource } from './citation.ts';

export function mapKey(index: ScenarioIndex, showSource: ShowSource): HTMLElement | null {
  const map = index.scenario.map;
  if (!map) return null;
  const cite = (citations: (typeof map.places)[number]['citations']) =>
    citations.map((c) => citationBlock(index.citation(c), showSource));
  return h(
    'details',
    { class: 'map-key' },
    h('summary', {}, 'About the map'),
    map.title ? h('p', {}, map.title) : null,
    h(
      'ul',
      {},
      map.places.map((place) =>
        h(
          'li',
          {},
          h('strong', {}, place.name),
          ` (${place.lat.toFixed(2)}°, ${place.lon.toFixed(2)}°)`,
          cite(place.citations),
        ),
      ),
      (map.ranges ?? []).map((range) =>
        h('li', {}, h('strong', {}, range.label), `: a circle of ${range.km} km`, cite(range.citations)),
      ),
    ),
    h(
      'p',
      { class: 'fine-print' },
      'Country shapes: Natural Earth (public domain). Where the source calls territory occupied, such as Crimea, the border is drawn dashed as a line of control. Markers are approximate.',
    ),
  );
}
