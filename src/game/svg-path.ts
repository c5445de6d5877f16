/**
 * SVG path data for what the stage draws as SVG (see backdrop.ts): projected lines and strike
 * arcs. Pure, so the shapes can be tested without a page.
 */
import { arcPoint } from './arc.ts';
import type { ScreenLine } from './projection.ts';

/** A tenth of a CSS px is finer than any screen shows, and keeps the path data short. */
const fixed = (value: number) => String(Math.round(value * 10) / 10);

/** One path for all the lines, each a subpath (closed rings end with Z). */
export function linesPath(lines: readonly ScreenLine[]): string {
  let d = '';
  for (const line of lines) {
    const p = line.points;
    if (p.length < 4) continue;
    d += `M${fixed(p[0]!)} ${fixed(p[1]!)}`;
    for (let i = 2; i < p.length; i += 2) d += `L${fixed(p[i]!)} ${fixed(p[i + 1]!)}`;
    if (line.closed) d += 'Z';
  }
  return d;
}

/**
 * A strike's arc from a to b as far as `end` (0 to 1) in `steps` segments, and an arrowhead of
 * `size` px where it has got to, pointing along it (no head before it has left its start).
 */
export function strikePaths(
  a: [number, number],
  b: [number, number],
  end: number,
  size: number,
  steps = 32,
): { arc: string; head: string } {
  let arc = `M${fixed(a[0])} ${fixed(a[1])}`;
  let last = a;
  let before = a;
  for (let i = 1; i <= Math.ceil(steps * end); i++) {
    before = last;
    last = arcPoint(a, b, Math.min(end, i / steps));
    arc += `L${fixed(last[0])} ${fixed(last[1])}`;
  }
  if (end <= 0.02) return { arc, head: '' };
  const angle = Math.atan2(last[1] - before[1], last[0] - before[0]);
  const corner = (turn: number) =>
    `${fixed(last[0] - size * Math.cos(angle + turn))} ${fixed(last[1] - size * Math.sin(angle + turn))}`;
  return { arc, head: `M${fixed(last[0])} ${fixed(last[1])}L${corner(-0.45)}L${corner(0.45)}Z` };
}
