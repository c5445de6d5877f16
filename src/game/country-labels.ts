/**
 * Which countries the map names, and where. The countries the scenario's places are in come
 * first (the scenario is about them), then the others, larger visible part first; each picks its
 * spot in that order, so a minor country never takes the room a major one needs. A name goes at
 * the point of its country's visible part farthest from that part's edge (a grid search for the
 * pole of inaccessibility of its largest visible piece); when the places' dots and names cover
 * that point, at the clear spot nearest it that is still well inside the country. A name with no
 * clear spot is dropped: names yield to the places. Pure: no Phaser, no DOM.
 */
import type { GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { clearestBox } from './labels.ts';
import { projectLines, type Box, type LonLat } from './projection.ts';
import {
  clipRing,
  distanceToLine,
  extentOf,
  poleOfInaccessibility,
  ringArea,
  ringContains,
  type Point,
} from './rings.ts';

export interface CountryCandidate {
  name: string;
  /** Where the name's middle goes at best (CSS px): the pole of the visible part. */
  x: number;
  y: number;
  /** The visible part's area, in px². */
  area: number;
  /** How far the point is from the visible part's edge (px): the room the name has. */
  room: number;
  /** How many of the scenario's places lie in the country (in the part that may carry its name). */
  places: number;
  /** The visible part's largest piece (CSS px), to look for another spot in when the places cover the pole. */
  ring: readonly Point[];
  /**
   * That piece's borders and coasts, without the stretches the view's edge cut: the lines a name
   * keeps its distance from (the view's edge is not a neighbour; the bounds keep a name in view).
   */
  borders: ReadonlyArray<readonly Point[]>;
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
    .map((polygon) => ({ polygon, bounds: extentOf(polygon[0] ?? []) }));
  nameable.set(country, known);
  return known;
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
  const box = extentOf(points);
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
 * The countries in view, each with the point for its name: those holding any of `places` first,
 * then the rest, larger visible part first within each. The projection should clip to `view`
 * (its clipExtent) or wider; pieces are clipped to `view` here.
 */
export function countriesInView(
  projection: GeoProjection,
  countries: FeatureCollection,
  view: Box,
  places: readonly LonLat[] = [],
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
    const shape = nameablePolygons(country);
    const polygons = shape
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
    let largest: { ring: Point[]; area: number } | undefined;
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
      // The points the clipping made on the view's edge are kept: the pole stays off the view's edge.
      largest.ring.filter((p, i) => i % stride === 0 || onEdge(p, view)),
    );
    found.push({
      name,
      x: pole.x,
      y: pole.y,
      area,
      room: pole.distance,
      places: places.filter((place) => shape.some((p) => inPolygon(p, place))).length,
      ring: largest.ring,
      borders: borderLines(largest.ring, view, stride),
    });
  }
  return found.sort((a, b) => Number(b.places > 0) - Number(a.places > 0) || b.area - a.area);
}

/** Whether a point (lon, lat) is in a polygon with its holes (planar in degrees: fine at a country's scale). */
function inPolygon({ polygon, bounds }: BoundedPolygon, [lon, lat]: LonLat): boolean {
  if (lon < bounds[0] || lon > bounds[2] || lat < bounds[1] || lat > bounds[3]) return false;
  let inside = false;
  for (const ring of polygon) if (ringContains(ring as Point[], lon, lat)) inside = !inside;
  return inside;
}

/**
 * A clipped ring's stretches that are real borders or coasts, as polylines of every `stride`-th
 * point (keeping where each meets the view's edge): a segment along the view's edge is left out.
 */
function borderLines(ring: readonly Point[], view: Box, stride: number): Point[][] {
  const lines: Point[][] = [];
  let line: Point[] = [];
  const n = ring.length;
  for (let i = 1; i <= n; i++) {
    const a = ring[i - 1]!;
    const b = ring[i % n]!;
    if (alongEdge(a, b, view)) {
      if (line.length > 1) lines.push(line);
      line = [];
      continue;
    }
    if (line.length === 0) line.push(a);
    if (i % stride === 0 || i === n || onEdge(b, view)) line.push(b);
  }
  if (line.length > 1) lines.push(line);
  return lines;
}

/**
 * Places the names in the candidates' order (see countriesInView): a box of the name's size
 * centred on the country's pole, or nudged up, down or sideways within its room, if one of those
 * is clear (of `avoid`, of the names placed before, inside `bounds`); else, for a country the
 * scenario's places are in, the clear spot nearest the pole that is well inside the country (see
 * clearSpot); else the name is dropped. Boxes with a little air around them are preferred (a name
 * snug against a place's reads as part of it); a snug one is taken only when there is no other.
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
    const obstacles = [...avoid, ...placed];
    const room = height * needsRoom(candidate);
    let box: Box | undefined;
    for (const near of [obstacles.map(padded(height / 4)), obstacles]) {
      const fit: Fit = { width, height, room, bounds, obstacles: near };
      box = nearPole(candidate, fit);
      // A country the scenario's places are not in yields: named only if its middle is clear.
      if (!box && candidate.places > 0) box = clearSpot(candidate, fit);
      if (box) break;
    }
    if (box) placed.push({ name: candidate.name, ...box });
  }
  return placed;
}

/** What a name's box must fit: its size, its middle's distance from the country's edge, the map's bounds, what it must not cover. */
interface Fit {
  width: number;
  height: number;
  room: number;
  bounds: Box;
  obstacles: readonly Box[];
}

/** A box at the pole, or nudged up or down by a line or two, or sideways within its room, if one is clear. */
function nearPole(candidate: CountryCandidate, { width, height, room, bounds, obstacles }: Fit): Box | undefined {
  // Too near the visible part's edge, the name would read as a neighbour's.
  if (candidate.room < room) return undefined;
  const at = (dy: number, dx = 0): Box => ({
    x: candidate.x - width / 2 + dx,
    y: candidate.y - height / 2 + dy,
    width,
    height,
  });
  // Sideways moves stay within the point's room, so the name stays over its country.
  const side = Math.min(width / 2, candidate.room);
  const options = [at(0), at(-height), at(height), at(-2 * height), at(2 * height), at(0, -side), at(0, side)];
  const choice = clearestBox(options, obstacles, bounds);
  return choice.clear ? options[choice.index] : undefined;
}

/**
 * How far a name's middle must be from its country's edge, in name heights. Half a height keeps
 * the whole name over its country. The countries the scenario's places are in must be named, even
 * on a phone's small map where their places cover most of them: their names may come to a quarter
 * of a height from the edge, so the line through the middle of their letters is still over them.
 */
function needsRoom(candidate: CountryCandidate): number {
  return candidate.places > 0 ? 0.25 : 0.5;
}

/**
 * Where a name fits when its country's pole is covered: the box nearest the pole that is clear of
 * `obstacles`, inside `bounds`, with its middle in the country's visible piece at least `room` px
 * from its borders. Boxes are tried on a grid a quarter of the name's height apart, and snug against
 * the obstacles' and the bounds' edges (where tight gaps are), rows nearest the pole first, until a
 * row is farther from the pole than the best box found.
 */
function clearSpot(candidate: CountryCandidate, { width, height, room, bounds, obstacles }: Fit): Box | undefined {
  const { ring, x: px, y: py } = candidate;
  if (ring.length < 3) return undefined;
  const [minX, minY, maxX, maxY] = extentOf(ring);
  const [hw, hh] = [width / 2, height / 2];
  const x0 = Math.max(minX, bounds.x + hw);
  const x1 = Math.min(maxX, bounds.x + bounds.width - hw);
  const y0 = Math.max(minY, bounds.y + hh);
  const y1 = Math.min(maxY, bounds.y + bounds.height - hh);
  const step = Math.max(1, height / 4);
  const ys = nearestFirst(
    py,
    y0,
    y1,
    step,
    obstacles.flatMap((o) => [o.y - hh, o.y + o.height + hh]),
  );
  let best: { x: number; y: number; far: number } | undefined;
  for (const y of ys) {
    if (best && (y - py) ** 2 >= best.far) break;
    const row = obstacles.filter((o) => o.y < y + hh && o.y + o.height > y - hh);
    const xs = nearestFirst(
      px,
      x0,
      x1,
      step,
      row.flatMap((o) => [o.x - hw, o.x + o.width + hw]),
    );
    for (const x of xs) {
      const far = (x - px) ** 2 + (y - py) ** 2;
      if (best && far >= best.far) break;
      if (row.some((o) => o.x < x + hw && x - hw < o.x + o.width)) continue;
      if (!ringContains(ring, x, y)) continue;
      if (candidate.borders.some((line) => distanceToLine(line, x, y, false) < room)) continue;
      best = { x, y, far };
      break;
    }
  }
  return best && { x: best.x - hw, y: best.y - hh, width, height };
}

/**
 * The values from `from` to `to` on a grid of `step`, with the `extra` ones that fall between,
 * nearest to `at` first.
 */
function nearestFirst(at: number, from: number, to: number, step: number, extra: readonly number[]): number[] {
  if (!(from <= to)) return [];
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  values.push(to);
  for (const v of extra) if (v >= from && v <= to) values.push(v);
  return values.sort((a, b) => Math.abs(a - at) - Math.abs(b - at));
}

function padded(by: number): (box: Box) => Box {
  return (box) => ({ x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by });
}

/** Within half a px: where the clipping put a point on the view's edge. */
const near = (a: number, b: number) => Math.abs(a - b) < 0.5;

function onEdge([x, y]: Point, box: Box): boolean {
  return near(x, box.x) || near(x, box.x + box.width) || near(y, box.y) || near(y, box.y + box.height);
}

/** Whether a segment runs along one side of the box (the clipping made it, not a border). */
function alongEdge([ax, ay]: Point, [bx, by]: Point, box: Box): boolean {
  const right = box.x + box.width;
  const bottom = box.y + box.height;
  return (
    (near(ax, box.x) && near(bx, box.x)) ||
    (near(ax, right) && near(bx, right)) ||
    (near(ay, box.y) && near(by, box.y)) ||
    (near(ay, bottom) && near(by, bottom))
  );
}

function toPoints(flat: readonly number[]): Point[] {
  const points: Point[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) points.push([flat[i]!, flat[i + 1]!]);
  return points;
}
