import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  fitRegion,
  haversineKm,
  geoDistanceKm,
  kmCircle,
  pixelsPerKm,
  projectLines,
  splitLine,
  type LonLat,
} from '../../src/game/projection.ts';
import { buildAtlas } from '../../src/game/atlas.ts';

const kursk = { lat: 51.73, lon: 36.19 };
const kyiv = { lat: 50.45, lon: 30.52 };
const crimea = { lat: 45.0, lon: 34.1 };
const box = { x: 20, y: 20, width: 400, height: 300 };

describe('haversineKm', () => {
  it('measures known distances', () => {
    // Kyiv to Kursk is about 430 km as the crow flies.
    expect(haversineKm([kyiv.lon, kyiv.lat], [kursk.lon, kursk.lat])).toBeGreaterThan(410);
    expect(haversineKm([kyiv.lon, kyiv.lat], [kursk.lon, kursk.lat])).toBeLessThan(450);
    // A degree of latitude is about 111 km.
    expect(haversineKm([0, 0], [0, 1])).toBeCloseTo(111.2, 0);
  });

  it('agrees with d3-geo', () => {
    const a: LonLat = [kyiv.lon, kyiv.lat];
    const b: LonLat = [crimea.lon, crimea.lat];
    expect(haversineKm(a, b)).toBeCloseTo(geoDistanceKm(a, b), 6);
  });
});

describe('kmCircle', () => {
  it('puts every point of a 300 km circle 300 km from its centre', () => {
    const circle = kmCircle(kursk, 300, 1);
    const ring = circle.coordinates[0]!;
    expect(ring.length).toBeGreaterThan(300);
    for (const point of ring) {
      expect(haversineKm([kursk.lon, kursk.lat], point as LonLat)).toBeCloseTo(300, 0);
    }
  });

  it('is a geodesic circle, not a circle in degrees: it is wider in degrees of longitude than of latitude', () => {
    const ring = kmCircle(kursk, 300).coordinates[0]!;
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    const lonSpan = Math.max(...lons) - Math.min(...lons);
    const latSpan = Math.max(...lats) - Math.min(...lats);
    expect(lonSpan / latSpan).toBeGreaterThan(1.5); // 1 / cos(51.7°) ≈ 1.6
  });

  it('works near the antimeridian and the poles', () => {
    for (const center of [
      { lat: 65, lon: 179.5 },
      { lat: 88, lon: 0 },
      { lat: -40, lon: -179 },
    ]) {
      for (const point of kmCircle(center, 500, 3).coordinates[0]!) {
        expect(haversineKm([center.lon, center.lat], point as LonLat)).toBeCloseTo(500, 0);
      }
    }
  });
});

describe('fitRegion', () => {
  const places = [kursk, kyiv, crimea];
  const projection = fitRegion(places, [{ ...kursk, km: 300 }], box);
  const at = (p: { lat: number; lon: number }) => projection([p.lon, p.lat])!;

  it('places Kyiv west of Kursk and Crimea south of both', () => {
    expect(at(kyiv)[0]).toBeLessThan(at(kursk)[0]);
    expect(at(crimea)[1]).toBeGreaterThan(at(kyiv)[1]);
    expect(at(crimea)[1]).toBeGreaterThan(at(kursk)[1]);
  });

  it('keeps every place and the whole range circle inside the box', () => {
    const inside = ([x, y]: [number, number]) =>
      x >= box.x - 0.5 && x <= box.x + box.width + 0.5 && y >= box.y - 0.5 && y <= box.y + box.height + 0.5;
    for (const place of places) expect(inside(at(place))).toBe(true);
    for (const point of kmCircle(kursk, 300).coordinates[0]!)
      expect(inside(projection(point as [number, number])!)).toBe(true);
  });

  it('draws the km circle round on screen (an azimuthal projection barely distorts a region)', () => {
    const [cx, cy] = at(kursk);
    const radii = kmCircle(kursk, 300).coordinates[0]!.map((point) => {
      const [x, y] = projection(point as [number, number])!;
      return Math.hypot(x - cx, y - cy);
    });
    expect(Math.max(...radii) / Math.min(...radii)).toBeLessThan(1.02);
    // And its screen radius matches the scale: 300 km at the measured pixels per km.
    expect(radii[0]! / pixelsPerKm(projection)).toBeGreaterThan(285);
    expect(radii[0]! / pixelsPerKm(projection)).toBeLessThan(315);
  });

  it('gives a single place some room instead of an infinite zoom', () => {
    const single = fitRegion([kyiv], [], box);
    expect(Number.isFinite(single.scale())).toBe(true);
    const [x, y] = single([kyiv.lon, kyiv.lat])!;
    expect(x).toBeCloseTo(box.x + box.width / 2, 0);
    expect(y).toBeCloseTo(box.y + box.height / 2, 0);
  });

  it('refuses an empty map', () => {
    expect(() => fitRegion([], [], box)).toThrow();
  });
});

describe('projectLines', () => {
  it('turns a polygon into a closed screen ring, clipped to the clip box', () => {
    const clip = { x: 0, y: 0, width: 440, height: 340 };
    const projection = fitRegion([kursk], [{ ...kursk, km: 300 }], box, clip);
    const rings = projectLines(projection, kmCircle(kursk, 300));
    expect(rings).toHaveLength(1);
    expect(rings[0]!.closed).toBe(true);
    const big = projectLines(projection, kmCircle(kursk, 3000));
    for (const line of big) {
      for (let i = 0; i < line.points.length; i += 2) {
        expect(line.points[i]!).toBeGreaterThanOrEqual(-1e-6);
        expect(line.points[i]!).toBeLessThanOrEqual(440 + 1e-6);
      }
    }
  });
});

describe('splitLine', () => {
  it('splits a line into runs that share their joining point', () => {
    const line: LonLat[] = [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ];
    const runs = splitLine(line, ([lon]) => lon >= 2);
    expect(runs.map((r) => r.inside)).toEqual([false, true]);
    expect(runs[0]!.coords).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(runs[1]!.coords).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ]);
  });
});

describe('buildAtlas', () => {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
  const atlas = buildAtlas(topology, 'coarse');

  it('draws the line Natural Earth puts across the Crimean isthmus as disputed, not as a border', () => {
    expect(atlas.disputed.coordinates.length).toBeGreaterThan(0);
    for (const line of atlas.disputed.coordinates) {
      for (const [lon, lat] of line) {
        expect(lat).toBeLessThan(46.7);
        expect(lon).toBeGreaterThan(32);
        expect(lon).toBeLessThan(37);
      }
    }
    // The rest of the Russia-Ukraine border stays a border.
    const nearKursk = atlas.borders.coordinates.some((line) =>
      line.some(([lon, lat]) => Math.abs(lat! - 51.5) < 1 && Math.abs(lon! - 35) < 1.5),
    );
    expect(nearKursk).toBe(true);
  });

  it('keeps countries, coastlines and borders', () => {
    expect(atlas.countries.features.length).toBeGreaterThan(150);
    expect(atlas.coast.coordinates.length).toBeGreaterThan(50);
    expect(atlas.borders.coordinates.length).toBeGreaterThan(50);
  });
});
