/**
 * Plane geometry of screen rings (closed polygons in CSS px) for placing names on the map:
 * clipping, area, inside or not, distance to an edge, and the point farthest from the edge.
 * Pure: no Phaser, no DOM.
 */
import type { Box } from './projection.ts';

export type Point = [number, number];

/** Sutherland–Hodgman clipping of a ring to a box. */
export function clipRing(ring: readonly Point[], box: Box): Point[] {
  const edges: Array<{ inside: (p: Point) => boolean; cut: (a: Point, b: Point) => Point }> = [
    edge(0, box.x, 1),
    edge(0, box.x + box.width, -1),
    edge(1, box.y, 1),
    edge(1, box.y + box.height, -1),
  ];
  let out: Point[] = [...ring];
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
    inside: (p: Point) => sign * (p[axis] - at) >= 0,
    cut: (a: Point, b: Point): Point => {
      const t = (at - a[axis]) / (b[axis] - a[axis]);
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    },
  };
}

/** The smallest box holding the points, as [minX, minY, maxX, maxY] (for a lon/lat ring: west, south, east, north). */
export function extentOf(points: Iterable<readonly number[]>): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    box[0] = Math.min(box[0], x!);
    box[1] = Math.min(box[1], y!);
    box[2] = Math.max(box[2], x!);
    box[3] = Math.max(box[3], y!);
  }
  return box;
}

export function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/** Whether (x, y) is inside the ring (even-odd rule). */
export function ringContains(ring: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from (x, y) to the nearest segment of a polyline (closed: its last point joins its first). */
export function distanceToLine(points: readonly Point[], x: number, y: number, closed = true): number {
  let best = Infinity;
  const start = closed ? 0 : 1;
  for (let i = start, j = closed ? points.length - 1 : 0; i < points.length; j = i++) {
    const [ax, ay] = points[j]!;
    const [bx, by] = points[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = dx * dx + dy * dy;
    const t = length > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length)) : 0;
    const ex = x - (ax + t * dx);
    const ey = y - (ay + t * dy);
    best = Math.min(best, ex * ex + ey * ey);
  }
  return Math.sqrt(best);
}

/**
 * The point inside a ring farthest from `edge` (by default the ring itself), to within
 * `precision` px: an 11 x 11 grid over the ring's bounds, then 5 x 5 grids of half the spacing
 * around the best point so far. A name needs its place to a few px, not finer.
 */
export function poleOfInaccessibility(
  ring: readonly Point[],
  edge: readonly Point[] = ring,
  precision = 2,
): { x: number; y: number; distance: number } {
  const [minX, minY, maxX, maxY] = extentOf(ring);
  let best = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, distance: 0 };
  const consider = (x: number, y: number) => {
    if (!ringContains(ring, x, y)) return;
    const distance = distanceToLine(edge, x, y);
    if (distance > best.distance) best = { x, y, distance };
  };
  const steps = 10;
  let sx = (maxX - minX) / steps;
  let sy = (maxY - minY) / steps;
  for (let i = 0; i <= steps; i++) for (let j = 0; j <= steps; j++) consider(minX + sx * i, minY + sy * j);
  while (Math.max(sx, sy) > precision) {
    sx /= 2;
    sy /= 2;
    const { x, y } = best;
    for (let i = -2; i <= 2; i++) for (let j = -2; j <= 2; j++) if (i || j) consider(x + sx * i, y + sy * j);
  }
  return best;
}
