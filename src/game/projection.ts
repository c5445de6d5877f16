/**
 * Pure geo math for the region map: fitting a projection to the scenario's places and ranges,
 * true geodesic km circles, and turning GeoJSON into flat screen polylines Phaser can draw.
 * No Phaser and no DOM here, so Vitest checks it in Node.
 */
import {
  geoAzimuthalEqualArea,
  geoCentroid,
  geoCircle,
  geoDistance,
  geoPath,
  type GeoContext,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3-geo';
import type { Feature, FeatureCollection, Polygon } from 'geojson';

/** Mean Earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088;

export type LonLat = [lon: number, lat: number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface GeoRange extends GeoPoint {
  km: number;
}

/** A projected line in screen pixels: x0, y0, x1, y1, ... */
export interface ScreenLine {
  points: number[];
  closed: boolean;
}

/** Great-circle distance between two points, in km. */
export function haversineKm(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The angle at the Earth's centre, in degrees, that spans `km` along the surface. */
export function kmToDegrees(km: number): number {
  return (km / EARTH_RADIUS_KM) * (180 / Math.PI);
}

/** A geodesic circle: every point of its ring lies `km` from the centre along the surface. */
export function kmCircle(center: GeoPoint, km: number, precisionDegrees = 2): Polygon {
  return geoCircle().center([center.lon, center.lat]).radius(kmToDegrees(km)).precision(precisionDegrees)() as Polygon;
}

/**
 * What the map must show: each place with some room around it (minKm), and every range circle
 * whole. The map is fitted to this.
 */
export function regionOf(
  places: readonly GeoPoint[],
  ranges: readonly GeoRange[],
  minKm = 150,
): FeatureCollection<Polygon> {
  const circles = [...places.map((p) => kmCircle(p, minKm, 6)), ...ranges.map((r) => kmCircle(r, r.km, 6))];
  return {
    type: 'FeatureCollection',
    features: circles.map((geometry): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry })),
  };
}

/**
 * An equal-area azimuthal projection centred on the region and fitted into `box`. Azimuthal
 * because a regional map then shows distances and km circles with little distortion, and it
 * works the same anywhere on the globe (no conic parallels to choose). `clip` limits drawing to
 * the visible canvas so large countries do not cost more than what shows.
 */
export function fitRegion(
  places: readonly GeoPoint[],
  ranges: readonly GeoRange[],
  box: Box,
  clip?: Box,
  minKm = 150,
): GeoProjection {
  if (places.length === 0) throw new Error('fitRegion needs at least one place');
  const region = regionOf(places, ranges, minKm);
  const [lon, lat] = geoCentroid({
    type: 'MultiPoint',
    coordinates: [...places, ...ranges].map((p) => [p.lon, p.lat]),
  });
  const projection = geoAzimuthalEqualArea()
    .rotate([-lon, -lat])
    .fitExtent(
      [
        [box.x, box.y],
        [box.x + Math.max(1, box.width), box.y + Math.max(1, box.height)],
      ],
      region,
    );
  if (clip)
    projection.clipExtent([
      [clip.x, clip.y],
      [clip.x + clip.width, clip.y + clip.height],
    ]);
  return projection;
}

/** Screen pixels per km around the projection's centre: for scale bars and choosing detail. */
export function pixelsPerKm(projection: GeoProjection): number {
  const center = projection.invert?.(projection.translate());
  if (!center) return projection.scale() / EARTH_RADIUS_KM;
  const east: LonLat = [center[0] + 0.5, center[1]];
  const a = projection(center);
  const b = projection(east);
  if (!a || !b) return projection.scale() / EARTH_RADIUS_KM;
  return Math.hypot(b[0] - a[0], b[1] - a[1]) / haversineKm(center as LonLat, east);
}

/** Projects any GeoJSON object to screen polylines (clipped by the projection's clip extent). */
export function projectLines(projection: GeoProjection, object: GeoPermissibleObjects): ScreenLine[] {
  const lines: ScreenLine[] = [];
  let current: ScreenLine | undefined;
  const context: GeoContext = {
    beginPath() {
      current = undefined;
    },
    moveTo(x, y) {
      current = { points: [x, y], closed: false };
      lines.push(current);
    },
    lineTo(x, y) {
      if (!current) {
        current = { points: [x, y], closed: false };
        lines.push(current);
      } else current.points.push(x, y);
    },
    closePath() {
      if (current) current.closed = true;
      current = undefined;
    },
    arc() {
      // Points are drawn as markers by the map itself, never through the path generator.
    },
  };
  geoPath(projection, context)(object);
  return lines.filter((line) => line.points.length >= 4);
}

/** Splits a line into runs where `inside` holds or not, for drawing part of a border differently. */
export function splitLine(
  coords: readonly LonLat[],
  inside: (point: LonLat) => boolean,
): Array<{ inside: boolean; coords: LonLat[] }> {
  const runs: Array<{ inside: boolean; coords: LonLat[] }> = [];
  for (const point of coords) {
    const flag = inside(point);
    const last = runs[runs.length - 1];
    if (last && last.inside === flag) last.coords.push(point);
    else {
      // Runs share their boundary point so the pieces join up without a gap.
      const previous = last?.coords[last.coords.length - 1];
      runs.push({ inside: flag, coords: previous ? [previous, point] : [point] });
    }
  }
  return runs.filter((run) => run.coords.length >= 2);
}

/** Angular distance between two points, in km (d3's spherical distance, for cross-checks). */
export function geoDistanceKm(a: LonLat, b: LonLat): number {
  return geoDistance(a, b) * EARTH_RADIUS_KM;
}
