import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildAtlas } from '../../src/game/atlas.ts';
import {
  clipRing,
  countriesInView,
  nameableShape,
  placeCountryNames,
  poleOfInaccessibility,
  ringArea,
  type CountryCandidate,
} from '../../src/game/country-labels.ts';
import { fitRegion, type Box } from '../../src/game/projection.ts';

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
  const candidate = (name: string, x: number, y: number, room = 60): CountryCandidate => ({
    name,
    x,
    y,
    area: 10_000,
    room,
    others: [],
  });

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
    // Another roomy point of the same country, clear of the wall, takes the name.
    const other = { ...candidate('Ukraine', 200, 150), others: [{ x: 60, y: 40, room: 30 }] };
    const [elsewhere] = placeCountryNames([other], sizeOf, bounds, [wall]);
    expect(elsewhere).toEqual({ name: 'Ukraine', x: 25, y: 32, width: 70, height: 16 });
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

describe('geometry helpers', () => {
  it('clips a ring to a box and finds the middle of a square', () => {
    const square: Array<[number, number]> = [
      [-50, -50],
      [50, -50],
      [50, 50],
      [-50, 50],
    ];
    const clipped = clipRing(square, { x: 0, y: 0, width: 100, height: 100 });
    expect(Math.abs(ringArea(clipped))).toBeCloseTo(2500);
    const pole = poleOfInaccessibility(square);
    expect(pole.x).toBeCloseTo(0, 0);
    expect(pole.y).toBeCloseTo(0, 0);
    expect(pole.distance).toBeGreaterThan(48);
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
