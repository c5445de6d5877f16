/**
 * Which countries the map names, and where: each country with a good share of the visible map
 * gets its name at the point of its visible part farthest from that part's edge (a grid search for
 * the pole of inaccessibility of its largest visible piece). Names yield to the places: one that
 * cannot be put clear of the places' dots and names, and of names already placed, is dropped.
 * Pure: no Phaser, no DOM.
 */
import type { GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { clearestBox } from './labels.ts';
import { projectLines, type Box, type LonLat } from './projection.ts';

export interface CountryCandidate {
  name: string;
  /** Where the name's middle goes (CSS px). */
  x: number;
  y: number;
  /** The visible part's area, in px². */
  area: number;
  /** How far the point is from the visible part's edge (px): the room the name has. */
  room: number;
  /** Other points of the visible part with their room, roomiest first: for when places crowd the first. */
  others: Array<{ x: number; y: number; room: number }>;
}

export interface PlacedCountry extends Box {
  name: string;
}

/** Below this share of the visible map a country is a sliver at the edge, not a country in view. */
export const MIN_SHARE = 0.02;

/** The pole search works on at most this many points of a ring. */
const MAX_RING_POINTS = 150;

/**
 * Parts of a country's shape that must never carry its name. Natural Earth draws Crimea inside
 * Russia (see DISPUTED_SEGMENTS in atlas.ts); a "Russia" placed there would present occupied
 * Crimea as Russian, so Russia's polygons in Crimea are left out before anything is measured.
 */
const UNNAMED_PARTS: ReadonlyArray<{ id: string; where: (p: LonLat) => boolean }> = [
  { id: '643', where: ([lon, lat]) => lat < 46.6 && lon > 32 && lon < 37 },
];

/** A country's polygons without the parts that must not carry its name. */
export function nameableShape(country: Feature): MultiPolygon | undefined {
  const kept = nameablePolygons(country).map((p) => p.polygon);
  return kept.length > 0 ? { type: 'MultiPolygon', coordinates: kept } : undefined;
}

interface BoundedPolygon {
  polygon: Position[][];
  /** The outer ring's extent in degrees: west, south, east, north. */
  bounds: [number, number, number, number];
}

/** Per country, its nameable polygons with their extents: worked out once per atlas. */
const nameable = new WeakMap<Feature, BoundedPolygon[]>();

function nameablePolygons(country: Feature): BoundedPolygon[] {
  let known = nameable.get(country);
  if (known) return known;
  const geometry = country.geometry;
  const polygons =
    geometry?.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry?.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  const rules = UNNAMED_PARTS.filter((rule) => rule.id === String(country.id ?? ''));
  known = polygons
    .filter((polygon) => !rules.some((rule) => inPart(polygon[0] ?? [], rule.where)))
    .map((polygon) => ({ polygon, bounds: extent(polygon[0] ?? []) }));
  nameable.set(country, known);
  return known;
}

function extent(ring: readonly Position[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of ring) {
    box[0] = Math.min(box[0], lon!);
    box[1] = Math.min(box[1], lat!);
    box[2] = Math.max(box[2], lon!);
    box[3] = Math.max(box[3], lat!);
  }
  return box;
}

/**
 * The view's extent in degrees (west, south, east, north, with a margin), from points along its
 * edge; undefined when the view is too wide for that to hold (a pole or the antimeridian in view).
 */
export function viewExtent(projection: GeoProjection, view: Box): [number, number, number, number] | undefined {
  const points: LonLat[] = [];
  const steps = 16;
  for (let i = 0; i <= steps; i++) {
    const fx = view.x + (view.width * i) / steps;
    const fy = view.y + (view.height * i) / steps;
    for (const [x, y] of [
      [fx, view.y],
      [fx, view.y + view.height],
      [view.x, fy],
      [view.x + view.width, fy],
    ] as const) {
      const point = projection.invert?.([x, y]);
      if (!point || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) return undefined;
      points.push(point as LonLat);
    }
  }
  const box = extent(points);
  if (box[2] - box[0] > 90 || box[3] > 80 || box[1] < -80) return undefined;
  const margin = 1;
  return [box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin];
}

/** True when most of a ring's points lie in the part (a ring straddling its edge stays). */
function inPart(ring: readonly Position[], where: (p: LonLat) => boolean): boolean {
  if (ring.length === 0) return false;
  const inside = ring.filter((p) => where([p[0]!, p[1]!])).length;
  return inside / ring.length > 0.5;
}

/**
 * The countries in view, largest visible part first, each with the point for its name. The
 * projection should clip to `view` (its clipExtent) or wider; pieces are clipped to `view` here.
 */
export function countriesInView(
  projection: GeoProjection,
  countries: FeatureCollection,
  view: Box,
  minShare = MIN_SHARE,
): CountryCandidate[] {
  const viewArea = view.width * view.height;
  if (viewArea <= 0) return [];
  const found: CountryCandidate[] = [];
  const near = viewExtent(projection, view);
  for (const country of countries.features) {
    const name = (country.properties as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || !name) continue;
    // Only the polygons that may reach the view are projected: a whole atlas costs tens of ms.
    const polygons = nameablePolygons(country)
      .filter(
        ({ bounds }) =>
          !near || (bounds[0] <= near[2] && bounds[2] >= near[0] && bounds[1] <= near[3] && bounds[3] >= near[1]),
      )
      .map((p) => p.polygon);
    if (polygons.length === 0) continue;
    const rings = projectLines(projection, { type: 'MultiPolygon', coordinates: polygons })
      .filter((ring) => ring.closed)
      .map((ring) => clipRing(toPoints(ring.points), view))
      .filter((ring) => ring.length >= 3);
    let area = 0;
    let largest: { ring: Array<[number, number]>; area: number } | undefined;
    for (const ring of rings) {
      const a = Math.abs(ringArea(ring));
      area += a;
      if (!largest || a > largest.area) largest = { ring, area: a };
    }
    if (!largest || area < viewArea * minShare) continue;
    // Distances to every few points of a long coastline are plenty to find the name's place, and
    // far cheaper; whether a point is inside is asked of the whole ring, so it never strays out.
    const stride = Math.ceil(largest.ring.length / MAX_RING_POINTS);
    const pole = poleOfInaccessibility(
      largest.ring,
      // The points the clipping made on the view's edge are kept: the name must stay in view.
      largest.ring.filter((p, i) => i % stride === 0 || onEdge(p, view)),
    );
    found.push({ name, x: pole.x, y: pole.y, area, room: pole.distance, others: pole.others });
  }
  return found.sort((a, b) => b.area - a.area);
}

/**
 * Places the names: a box of the name's size centred on its point (or on one of its others), nudged up or down by a
 * line if that is clear; a name with no clear box (of `avoid`, of the other names, inside
 * `bounds`) or with too little room in its country is dropped.
 */
export function placeCountryNames(
  candidates: readonly CountryCandidate[],
  sizeOf: (name: string) => { width: number; height: number },
  bounds: Box,
  avoid: readonly Box[],
): PlacedCountry[] {
  const placed: PlacedCountry[] = [];
  for (const candidate of candidates) {
    const { width, height } = sizeOf(candidate.name);
    const options: Box[] = [];
    for (const point of [candidate, ...candidate.others]) {
      // Too near the visible part's edge, the name would read as a neighbour's.
      if (point.room * 2 < height) continue;
      const at = (dy: number, dx = 0): Box => ({
        x: point.x - width / 2 + dx,
        y: point.y - height / 2 + dy,
        width,
        height,
      });
      // Sideways moves stay within the point's room, so the name stays over its country.
      const side = Math.min(width / 2, point.room);
      options.push(at(0), at(-height), at(height), at(-2 * height), at(2 * height), at(0, -side), at(0, side));
    }
    if (options.length === 0) continue;
    const choice = clearestBox(options, [...avoid, ...placed], bounds);
    if (!choice.clear) continue;
    placed.push({ name: candidate.name, ...options[choice.index]! });
  }
  return placed;
}

function onEdge([x, y]: [number, number], box: Box): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 0.5;
  return near(x, box.x) || near(x, box.x + box.width) || near(y, box.y) || near(y, box.y + box.height);
}

function toPoints(flat: readonly number[]): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) points.push([flat[i]!, flat[i + 1]!]);
  return points;
}

/** Sutherland–Hodgman clipping of a ring to a box. */
export function clipRing(ring: ReadonlyArray<[number, number]>, box: Box): Array<[number, number]> {
  const edges: Array<{
    inside: (p: [number, number]) => boolean;
    cut: (a: [number, number], b: [number, number]) => [number, number];
  }> = [edge(0, box.x, 1), edge(0, box.x + box.width, -1), edge(1, box.y, 1), edge(1, box.y + box.height, -1)];
  let out: Array<[number, number]> = [...ring];
  for (const { inside, cut } of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      if (inside(current)) {
        if (!inside(previous)) out.push(cut(previous, current));
        out.push(current);
      } else if (inside(previous)) out.push(cut(previous, current));
    }
    if (out.length === 0) break;
  }
  return out;
}

function edge(axis: 0 | 1, at: number, sign: 1 | -1) {
  return {
    inside: (p: [number, number]) => sign * (p[axis] - at) >= 0,
    cut: (a: [number, number], b: [number, number]): [number, number] => {
      const t = (at - a[axis]) / (b[axis] - a[axis]);
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    },
  };
}

export function ringArea(ring: ReadonlyArray<[number, number]>): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

function contains(ring: ReadonlyArray<[number, number]>, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToEdge(ring: ReadonlyArray<[number, number]>, x: number, y: number): number {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j]!;
    const [bx, by] = ring[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = dx * dx + dy * dy;
    const t = length > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length)) : 0;
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

/**
 * The point inside a ring farthest from its edge, to within a few px: a coarse grid over the
 * ring's bounds, then finer grids around the best point so far.
 */
export function poleOfInaccessibility(
  ring: ReadonlyArray<[number, number]>,
  edge: ReadonlyArray<[number, number]> = ring,
): {
  x: number;
  y: number;
  distance: number;
  others: Array<{ x: number; y: number; room: number }>;
} {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  let best = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, distance: 0 };
  let cx = best.x;
  let cy = best.y;
  let halfW = (maxX - minX) / 2;
  let halfH = (maxY - minY) / 2;
  const steps = 10;
  const coarse: Array<{ x: number; y: number; room: number }> = [];
  for (let round = 0; round < 4 && Math.max(halfW, halfH) > 1; round++) {
    for (let i = 0; i <= steps; i++)
      for (let j = 0; j <= steps; j++) {
        const x = cx - halfW + (2 * halfW * i) / steps;
        const y = cy - halfH + (2 * halfH * j) / steps;
        if (!contains(ring, x, y)) continue;
        const distance = distanceToEdge(edge, x, y);
        if (round === 0) coarse.push({ x, y, room: distance });
        if (distance > best.distance) best = { x, y, distance };
      }
    cx = best.x;
    cy = best.y;
    halfW /= 4;
    halfH /= 4;
  }
  // Every inside point of the coarse grid: on a small map the places may crowd all the roomiest.
  const others = coarse.sort((a, b) => b.room - a.room);
  return { ...best, others };
}
