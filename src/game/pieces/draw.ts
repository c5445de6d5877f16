/** Small drawing helpers over Phaser Graphics for projected lines. */
import type Phaser from 'phaser';
import type { ScreenLine } from '../projection.ts';

/** Strokes each line as one path (closing rings). */
export function strokeLines(g: Phaser.GameObjects.Graphics, lines: readonly ScreenLine[]): void {
  for (const line of lines) {
    const p = line.points;
    g.beginPath();
    g.moveTo(p[0]!, p[1]!);
    for (let i = 2; i < p.length; i += 2) g.lineTo(p[i]!, p[i + 1]!);
    if (line.closed) g.closePath();
    g.strokePath();
  }
}

/** Strokes a line as dashes of `dash` px separated by `gap` px, measured along the line. */
export function dashedPath(g: Phaser.GameObjects.Graphics, line: ScreenLine, dash: number, gap: number): void {
  const p = line.closed ? [...line.points, line.points[0]!, line.points[1]!] : line.points;
  let drawing = true;
  let left = dash;
  g.beginPath();
  g.moveTo(p[0]!, p[1]!);
  for (let i = 2; i < p.length; i += 2) {
    let x0 = p[i - 2]!;
    let y0 = p[i - 1]!;
    const x1 = p[i]!;
    const y1 = p[i + 1]!;
    let length = Math.hypot(x1 - x0, y1 - y0);
    while (length > 0) {
      const step = Math.min(left, length);
      const t = step / length;
      const x = x0 + (x1 - x0) * t;
      const y = y0 + (y1 - y0) * t;
      if (drawing) g.lineTo(x, y);
      else g.moveTo(x, y);
      x0 = x;
      y0 = y;
      length -= step;
      left -= step;
      if (left <= 1e-6) {
        if (drawing) {
          g.strokePath();
          g.beginPath();
        }
        drawing = !drawing;
        left = drawing ? dash : gap;
        if (drawing) g.moveTo(x, y);
      }
    }
  }
  if (drawing) g.strokePath();
}
