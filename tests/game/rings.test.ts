import { describe, expect, it } from 'vitest';
import {
  clipRing,
  distanceToLine,
  poleOfInaccessibility,
  ringArea,
  ringContains,
  type Point,
} from '../../src/game/rings.ts';

const square: Point[] = [
  [-50, -50],
  [50, -50],
  [50, 50],
  [-50, 50],
];

describe('rings', () => {
  it('clips a ring to a box and measures its area', () => {
    const clipped = clipRing(square, { x: 0, y: 0, width: 100, height: 100 });
    expect(Math.abs(ringArea(clipped))).toBeCloseTo(2500);
    expect(clipRing(square, { x: 60, y: 60, width: 10, height: 10 })).toEqual([]);
  });

  it('tells inside from outside, and measures to the edge of a ring or an open line', () => {
    expect(ringContains(square, 0, 0)).toBe(true);
    expect(ringContains(square, 0, 60)).toBe(false);
    expect(distanceToLine(square, 0, 40)).toBeCloseTo(10);
    // Open, the line has no segment from its last point back to its first (the left side).
    expect(distanceToLine(square, -45, 0)).toBeCloseTo(5);
    expect(distanceToLine(square, -45, 0, false)).toBeCloseTo(50);
  });

  it('finds the middle of a square, and of an L its roomiest corner to a few px', () => {
    const pole = poleOfInaccessibility(square);
    expect(pole.x).toBeCloseTo(0, 0);
    expect(pole.y).toBeCloseTo(0, 0);
    expect(pole.distance).toBeGreaterThan(48);
    // An L: a 100 x 40 bar with a 40 x 100 leg; the roomiest point is in the corner where they
    // meet, as far from the outer sides as from the inner corner: 40√2 / (1 + √2) ≈ 23.4.
    const ell: Point[] = [
      [0, 0],
      [100, 0],
      [100, 40],
      [40, 40],
      [40, 100],
      [0, 100],
    ];
    const corner = poleOfInaccessibility(ell);
    const best = (40 * Math.SQRT2) / (1 + Math.SQRT2);
    expect(corner.distance).toBeGreaterThan(best - 2);
    expect(corner.distance).toBeLessThanOrEqual(best + 1e-9);
    expect(ringContains(ell, corner.x, corner.y)).toBe(true);
  });
});
