/** The curve of a strike on the map. Pure, so its shape can be tested without a canvas. */

/** A point along the quadratic arc from a to b, bowed to the left of the way by a quarter of its length. */
export function arcPoint(a: [number, number], b: [number, number], t: number): [number, number] {
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const cx = mx + dy * 0.25;
  const cy = my - dx * 0.25;
  const u = 1 - t;
  return [u * u * a[0] + 2 * u * t * cx + t * t * b[0], u * u * a[1] + 2 * u * t * cy + t * t * b[1]];
}
