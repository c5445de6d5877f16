import { describe, expect, it } from 'vitest';
import { linesPath, strikePaths } from '../../src/game/svg-path.ts';
import { arcPoint } from '../../src/game/arc.ts';
import { clearestBox } from '../../src/game/labels.ts';

describe('SVG paths of the picture', () => {
  it('writes each projected line as a subpath, closing rings, to a tenth of a pixel', () => {
    const d = linesPath([
      { points: [0, 0, 10.04, 0, 10, 10.26], closed: true },
      { points: [5, 5, 6, 7], closed: false },
      { points: [1, 1], closed: false }, // a lone point draws nothing
    ]);
    expect(d).toBe('M0 0L10 0L10 10.3ZM5 5L6 7');
  });

  it('draws a whole strike to its target with a head there, and a strike just begun without one', () => {
    const a: [number, number] = [0, 0];
    const b: [number, number] = [100, 0];
    const whole = strikePaths(a, b, 1, 8, 4);
    expect(whole.arc.split('L')).toHaveLength(5);
    expect(whole.arc.endsWith('L100 0')).toBe(true);
    expect(whole.head.startsWith('M100 0')).toBe(true);
    // The head's corners lie behind the tip, along the way the arc came.
    const corners = whole.head
      .slice(1, -1)
      .split('L')
      .slice(1)
      .map((p) => p.split(' ').map(Number));
    for (const [x] of corners) expect(x!).toBeLessThan(100);
    const half = strikePaths(a, b, 0.5, 8, 4);
    const mid = arcPoint(a, b, 0.5);
    expect(half.arc.endsWith(`L${Math.round(mid[0] * 10) / 10} ${Math.round(mid[1] * 10) / 10}`)).toBe(true);
    expect(strikePaths(a, b, 0, 8, 4)).toEqual({ arc: 'M0 0', head: '' });
  });
});

describe('clearestBox', () => {
  const bounds = { x: 0, y: 0, width: 100, height: 100 };
  it('takes the first candidate that covers nothing and stays inside', () => {
    const name = { x: 0, y: 0, width: 50, height: 20 };
    const candidates = [
      { x: 10, y: 5, width: 30, height: 10 }, // on the name
      { x: 80, y: 5, width: 30, height: 10 }, // past the edge
      { x: 10, y: 40, width: 30, height: 10 },
      { x: 10, y: 60, width: 30, height: 10 },
    ];
    expect(clearestBox(candidates, [name], bounds)).toEqual({ index: 2, clear: true });
  });

  it('says when none is clear, and gives the one that covers least', () => {
    const names = [
      { x: 0, y: 0, width: 100, height: 50 },
      { x: 0, y: 50, width: 100, height: 50 },
    ];
    const candidates = [
      { x: 10, y: 40, width: 30, height: 20 },
      { x: 10, y: 10, width: 30, height: 5 },
    ];
    expect(clearestBox(candidates, names, bounds)).toEqual({ index: 1, clear: false });
  });
});
