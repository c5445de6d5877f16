import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildAtlas } from '../../src/game/atlas.ts';
import {
  countriesInView,
  nameableShape,
  placeCountryNames,
  type CountryCandidate,
  type PlacedCountry,
} from '../../src/game/country-labels.ts';
import { placeLabels } from '../../src/game/labels.ts';
import { fitRegion, type Box, type LonLat } from '../../src/game/projection.ts';
import type { Point } from '../../src/game/rings.ts';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const atlas = buildAtlas(topology, 'fine');

// The flagship's places (Kyiv, Kursk, Crimea, Zaporizhzhia, deeper Russia) and its 300 km range.
const places = [
  { lat: 50.45, lon: 30.52 },
  { lat: 51.73, lon: 36.19 },
  { lat: 45.3, lon: 34.4 },
  { lat: 47.2, lon: 35.7 },
  { lat: 53.2, lon: 38.0 },
];
const ranges = [{ lat: 51.73, lon: 36.19, km: 300 }];
const lonLats = places.map((p): LonLat => [p.lon, p.lat]);
const view: Box = { x: 0, y: 0, width: 1000, height: 700 };
const projection = fitRegion(places, ranges, view, view);

describe('countriesInView', () => {
  const found = countriesInView(projection, atlas.countries, view);
  const names = found.map((c) => c.name);

  it('finds the countries sharing the frame, largest visible part first', () => {
    expect(names).toContain('Ukraine');
    expect(names).toContain('Russia');
    expect(names).toContain('Belarus');
    expect(names).not.toContain('France');
    for (let i = 1; i < found.length; i++) expect(found[i]!.area).toBeLessThanOrEqual(found[i - 1]!.area);
  });

  it("puts the countries the scenario's places are in first, then the rest by visible area", () => {
    // Around Minsk and the north of Ukraine, Belarus shows more than Ukraine, but only Ukraine holds a place (Kyiv).
    const north = fitRegion(
      [
        { lat: 51.5, lon: 30.5 },
        { lat: 53.9, lon: 27.5 },
      ],
      [],
      view,
      view,
    );
    const plain = countriesInView(north, atlas.countries, view).map((c) => c.name);
    expect(plain.indexOf('Belarus')).toBeLessThan(plain.indexOf('Ukraine'));
    const ranked = countriesInView(north, atlas.countries, view, [[30.52, 50.45]]);
    expect(ranked[0]).toMatchObject({ name: 'Ukraine', places: 1 });
    const rest = ranked.slice(1);
    expect(rest.every((c) => c.places === 0)).toBe(true);
    for (let i = 1; i < rest.length; i++) expect(rest[i]!.area).toBeLessThanOrEqual(rest[i - 1]!.area);
  });

  it('counts the places each country holds, and Crimea for no one (Russia is never given it)', () => {
    const counted = countriesInView(projection, atlas.countries, view, lonLats);
    const held = Object.fromEntries(counted.map((c) => [c.name, c.places]));
    // Kursk, the land Ukraine occupies there and the deeper sites; Kyiv and Zaporizhzhia.
    expect(held).toMatchObject({ Russia: 2, Ukraine: 2, Belarus: 0 });
    const crimea = countriesInView(projection, atlas.countries, view, [[34.4, 45.3]]);
    expect(crimea.filter((c) => c.places > 0)).toEqual([]);
  });

  it('puts each name inside its own country, and Russia never in Crimea', () => {
    for (const country of found) {
      const [lon, lat] = projection.invert!([country.x, country.y])!;
      const feature = atlas.countries.features.find((f) => f.properties?.name === country.name)!;
      expect(contains(feature, [lon, lat]), country.name).toBe(true);
      expect(country.x).toBeGreaterThanOrEqual(view.x);
      expect(country.y).toBeLessThanOrEqual(view.y + view.height);
    }
    const russia = found.find((c) => c.name === 'Russia')!;
    const [lon, lat] = projection.invert!([russia.x, russia.y])!;
    expect(lat < 46.6 && lon > 32 && lon < 37).toBe(false);
  });

  it("leaves Crimea out of Russia's nameable shape, and nothing out of Ukraine's", () => {
    const russia = atlas.countries.features.find((f) => f.id === '643')!;
    const shape = nameableShape(russia)!;
    const inCrimea = shape.coordinates.some((polygon) =>
      polygon[0]!.some(([lon, lat]) => lat! < 46 && lat! > 44.3 && lon! > 33 && lon! < 36),
    );
    expect(inCrimea).toBe(false);
    const ukraine = atlas.countries.features.find((f) => f.id === '804')!;
    const whole = ukraine.geometry.type === 'MultiPolygon' ? ukraine.geometry.coordinates.length : 1;
    expect(nameableShape(ukraine)!.coordinates.length).toBe(whole);
  });

  it('names Russia from mainland Russia even when the view shows only Crimea and its north', () => {
    const crimea = fitRegion([{ lat: 45.3, lon: 34.4 }], [], view, view, 200);
    const russia = countriesInView(crimea, atlas.countries, view).find((c) => c.name === 'Russia');
    if (russia) {
      const [lon, lat] = crimea.invert!([russia.x, russia.y])!;
      expect(lon).toBeGreaterThan(36);
      expect(lat).toBeGreaterThan(44);
    }
  });
});

describe('placeCountryNames', () => {
  const sizeOf = (name: string) => ({ width: name.length * 10, height: 16 });
  const bounds: Box = { x: 0, y: 0, width: 400, height: 300 };
  /** A country drawn as a box, its name's best point in its middle. */
  const country = (name: string, area: Box, places = 0): CountryCandidate => {
    const ring: Point[] = [
      [area.x, area.y],
      [area.x + area.width, area.y],
      [area.x + area.width, area.y + area.height],
      [area.x, area.y + area.height],
    ];
    return {
      name,
      x: area.x + area.width / 2,
      y: area.y + area.height / 2,
      area: area.width * area.height,
      room: Math.min(area.width, area.height) / 2,
      places,
      ring,
      borders: [[...ring, ring[0]!]],
    };
  };
  const candidate = (name: string, x: number, y: number, room = 60) => ({
    ...country(name, { x: x - 100, y: y - room, width: 200, height: room * 2 }),
    x,
    y,
    room,
  });
  const land: Box = { x: 40, y: 40, width: 320, height: 200 };
  // The places cover the land but for a gap along its top, a little taller than a name.
  const places: Box = { x: 40, y: 59, width: 320, height: 181 };

  it('centres a name on its point when that is clear', () => {
    const [placed] = placeCountryNames([candidate('Ukraine', 200, 150)], sizeOf, bounds, []);
    expect(placed).toEqual({ name: 'Ukraine', x: 165, y: 142, width: 70, height: 16 });
  });

  it('yields to a place: moves off its box, or is dropped when nothing near is clear', () => {
    const place: Box = { x: 150, y: 140, width: 100, height: 20 };
    const [moved] = placeCountryNames([candidate('Ukraine', 200, 150)], sizeOf, bounds, [place]);
    expect(moved).toBeDefined();
    expect(overlaps(moved!, place)).toBe(false);
    const wall: Box = { x: 100, y: 80, width: 200, height: 140 };
    expect(placeCountryNames([candidate('Ukraine', 200, 150)], sizeOf, bounds, [wall])).toEqual([]);
  });

  it("finds a country the scenario's places are in a clear spot when they cover its middle; a minor one yields", () => {
    const [major] = placeCountryNames([country('Russia', land, 3)], sizeOf, bounds, [places]);
    expect(major).toBeDefined();
    expect(overlaps(major!, places)).toBe(false);
    // Over the land (its middle a quarter of its height inside), and as near its middle as the gap allows.
    expect(major!.y + major!.height / 2).toBeGreaterThanOrEqual(40 + 16 / 4);
    expect(major!.x + major!.width / 2).toBeCloseTo(200, 0);
    expect(placeCountryNames([country('Kazakhstan', land)], sizeOf, bounds, [places])).toEqual([]);
  });

  it("keeps a name's middle inside its country, a quarter of its height from the border at least", () => {
    // The only gap runs along the land's top edge: a name there would stand on the border.
    const lower: Box = { x: 40, y: 46, width: 320, height: 194 };
    expect(placeCountryNames([country('Russia', land, 3)], sizeOf, bounds, [lower])).toEqual([]);
    const [inside] = placeCountryNames([country('Russia', land, 3)], sizeOf, bounds, [places]);
    expect(inside!.y + inside!.height / 2).toBeGreaterThanOrEqual(40 + 16 / 4);
  });

  it('gives the countries first in the order (those holding places) first pick of the room', () => {
    // A neighbour whose middle lies in the same gap, with no room above it on the map.
    const top: Box = { ...bounds, y: 30, height: 270 };
    const belarus = { ...country('Belarus', { x: 150, y: 30, width: 100, height: 29 }), room: 9 };
    const russia = country('Russia', land, 3);
    const middle = (p: PlacedCountry) => p.x + p.width / 2;
    const first = placeCountryNames([russia, belarus], sizeOf, top, [places]);
    expect(first.map((p) => p.name)).toEqual(['Russia']);
    expect(middle(first[0]!)).toBeCloseTo(200, 0);
    const second = placeCountryNames([belarus, russia], sizeOf, top, [places]);
    expect(second.map((p) => p.name)).toEqual(['Belarus', 'Russia']);
    expect(middle(second[0]!)).toBeCloseTo(200, 0);
    expect(Math.abs(middle(second[1]!) - 200)).toBeGreaterThan(60);
  });

  it('never lets two names overlap, nor a name leave the map, nor squeeze into a sliver', () => {
    const placed = placeCountryNames(
      [
        candidate('Russia', 200, 150),
        candidate('Belarus', 205, 152),
        candidate('Poland', 5, 5),
        candidate('Moldova', 300, 200, 4),
      ],
      sizeOf,
      bounds,
      [],
    );
    expect(placed.map((p) => p.name)).toEqual(['Russia', 'Belarus']);
    expect(overlaps(placed[0]!, placed[1]!)).toBe(false);
  });
});

describe("a phone's small map", () => {
  // The 360x640 stage's map: a band 356 px wide and under 100 px tall, the coarse atlas, and the
  // flagship's places with their dots and names (sized roughly as the stage draws them).
  const coarse = buildAtlas(
    JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')),
    'coarse',
  );
  const named = [
    { name: 'Kursk region', lat: 51.73, lon: 36.19 },
    { name: 'Land Ukraine is occupying', lat: 51.2, lon: 35.3 },
    { name: 'Military sites deeper', lat: 53.2, lon: 38.0 },
    { name: 'Kyiv', lat: 50.45, lon: 30.52 },
    { name: 'Crimea', lat: 45.3, lon: 34.4 },
    { name: 'Zaporizhzhia region', lat: 47.2, lon: 35.7 },
  ];
  const band: Box = { x: 2, y: 2, width: 356, height: 95 };
  const phone = fitRegion(
    named,
    ranges,
    { x: 19, y: 19, width: 322, height: 80 },
    { x: -4, y: -4, width: 368, height: 226 },
  );
  const dots = named.map((p) => {
    const [x, y] = phone([p.lon, p.lat])!;
    return { x, y };
  });
  const sizes = named.map((p) => ({ width: p.name.length * 6.3, height: 14 }));
  const labels = placeLabels(dots, sizes, band, 8.6);
  const avoid: Box[] = [
    ...dots.map((d) => ({ x: d.x - 8, y: d.y - 8, width: 16, height: 16 })),
    ...labels.map((l, i) => ({ x: l.x, y: l.y, ...sizes[i]! })),
  ];
  // Capitals of 12 px with their outline: 11 px tall.
  const sizeOf = (name: string) => ({ width: name.length * 8.5 + 4, height: 11 });

  it('still names Russia and Ukraine, each over itself, clear of the places, and Russia never in Crimea', () => {
    const candidates = countriesInView(
      phone,
      coarse.countries,
      band,
      named.map((p): LonLat => [p.lon, p.lat]),
    );
    const placed = placeCountryNames(candidates, sizeOf, band, avoid);
    const names = placed.map((p) => p.name);
    expect(names.slice(0, 2)).toEqual(['Russia', 'Ukraine']);
    for (const name of ['Russia', 'Ukraine']) {
      const box = placed.find((p) => p.name === name)!;
      expect(
        avoid.some((a) => overlaps(a, box)),
        name,
      ).toBe(false);
      const middle = phone.invert!([box.x + box.width / 2, box.y + box.height / 2])! as [number, number];
      const feature = coarse.countries.features.find((f) => f.properties?.name === name)!;
      expect(contains(feature, middle), name).toBe(true);
      if (name === 'Russia') expect(middle[1] < 46.6 && middle[0] > 32 && middle[0] < 37).toBe(false);
    }
  });
});

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function contains(feature: GeoJSON.Feature, point: [number, number]): boolean {
  const g = feature.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons.some((polygon) => {
    let inside = false;
    const ring = polygon[0]!;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi)
        inside = !inside;
    }
    return inside;
  });
}
