/**
 * Country shapes for the region map, from world-atlas (Natural Earth, public domain), loaded
 * lazily so they never weigh on the first decision. Two levels of detail: 1:110m (~38 KB gzipped)
 * for small stages, 1:50m (~230 KB gzipped) when the map is large enough for the coarse outlines
 * to show their corners.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { loadCountries110m, loadCountries50m } from './atlas-files.js';
import { splitLine, type LonLat } from './projection.ts';

export type Detail = 'coarse' | 'fine';

export interface Atlas {
  detail: Detail;
  countries: FeatureCollection;
  /** Coastlines: country edges no other country shares. */
  coast: MultiLineString;
  /** Land borders between countries. */
  borders: MultiLineString;
  /** Lines Natural Earth draws as borders that are not internationally recognised ones: drawn dashed. */
  disputed: MultiLineString;
}

/**
 * Natural Earth (and so world-atlas) draws Crimea inside Russia, with a country border across the
 * Perekop isthmus. The source article speaks of "occupied Crimea", and the internationally
 * recognised border runs along the Kerch Strait, so that line is drawn dashed, as a line of
 * control, rather than as a border. Matched by ISO 3166 numeric ids (643 Russia, 804 Ukraine).
 */
const DISPUTED_SEGMENTS: ReadonlyArray<{ between: readonly [string, string]; where: (p: LonLat) => boolean }> = [
  { between: ['643', '804'], where: ([lon, lat]) => lat < 46.6 && lon < 37 },
];

type Countries = GeometryCollection<{ name: string }>;
type WorldTopology = Topology<{ countries: Countries; land: GeometryCollection }>;

const cache = new Map<Detail, Promise<Atlas>>();

/** Loads (once) and prepares the atlas at the given detail. */
export function loadAtlas(detail: Detail): Promise<Atlas> {
  let pending = cache.get(detail);
  if (!pending) {
    const load = detail === 'fine' ? loadCountries50m() : loadCountries110m();
    pending = load.then((topology) => buildAtlas(asTopology(topology), detail));
    cache.set(detail, pending);
    pending.catch(() => cache.delete(detail));
  }
  return pending;
}

function asTopology(value: unknown): WorldTopology {
  const topology = value as Partial<WorldTopology> | null;
  if (topology?.type !== 'Topology' || !topology.objects?.countries)
    throw new Error('world-atlas: not a countries TopoJSON file');
  return topology as WorldTopology;
}

export function buildAtlas(topology: WorldTopology, detail: Detail): Atlas {
  const countries = topology.objects.countries;
  const idOf = (g: { id?: string | number }) => String(g.id ?? '');
  const pairIs = (a: { id?: string | number }, b: { id?: string | number }, pair: readonly [string, string]) =>
    (idOf(a) === pair[0] && idOf(b) === pair[1]) || (idOf(a) === pair[1] && idOf(b) === pair[0]);
  const special = (a: { id?: string | number }, b: { id?: string | number }) =>
    DISPUTED_SEGMENTS.some((d) => pairIs(a, b, d.between));

  const borders = mesh(topology, countries, (a, b) => a !== b && !special(a, b));
  const disputed: MultiLineString = { type: 'MultiLineString', coordinates: [] };
  for (const segment of DISPUTED_SEGMENTS) {
    const shared = mesh(topology, countries, (a, b) => a !== b && pairIs(a, b, segment.between));
    for (const line of shared.coordinates) {
      for (const run of splitLine(line as LonLat[], segment.where)) {
        (run.inside ? disputed : borders).coordinates.push(run.coords);
      }
    }
  }
  return {
    detail,
    countries: feature(topology, countries),
    coast: mesh(topology, countries, (a, b) => a === b),
    borders,
    disputed,
  };
}
