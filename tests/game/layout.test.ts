import { describe, expect, it } from 'vitest';
import { layoutStage } from '../../src/game/stage-layout.ts';
import { emblemLabels, initials, placeLabels, shortName } from '../../src/game/labels.ts';

const within = (
  inner: { x: number; y: number; width: number; height: number },
  outer: { width: number; height: number },
) =>
  inner.x >= 0 &&
  inner.y >= 0 &&
  inner.x + inner.width <= outer.width + 0.5 &&
  inner.y + inner.height <= outer.height + 0.5;

describe('layoutStage', () => {
  const needs = { hasMap: true, actors: 4 };

  it('on a phone band, puts the actors under the map with room for their names, at 12 px or more', () => {
    const layout = layoutStage(360, 220, needs);
    expect(layout.mode).toBe('below');
    expect(layout.actorsDirection).toBe('row');
    expect(layout.captions).toBe(true);
    expect(layout.unit).toBeGreaterThanOrEqual(12);
    expect(layout.mapFit!.y + layout.mapFit!.height).toBeLessThanOrEqual(layout.panel.y);
    expect(layout.mapFit!.height).toBeGreaterThan(60);
    for (const box of [layout.actors, layout.mapFit!]) expect(within(box, layout)).toBe(true);
  });

  it('lists the actors in a column beside the map on a wider band, names beside them', () => {
    const layout = layoutStage(640, 300, needs);
    expect(layout.mode).toBe('side');
    expect(layout.actorsDirection).toBe('column');
    expect(layout.captions).toBe(true);
    expect(layout.mapFit!.x + layout.mapFit!.width).toBeLessThanOrEqual(layout.panel.x);
    expect(layout.mapArea.width).toBe(layout.panel.x);
    for (const box of [layout.actors, layout.mapFit!]) expect(within(box, layout)).toBe(true);
  });

  it('puts them under the map on a tall projector panel, with larger text', () => {
    const layout = layoutStage(1200, 1080, needs);
    expect(layout.mode).toBe('below');
    expect(layout.captions).toBe(true);
    expect(layout.unit).toBeGreaterThanOrEqual(18);
    expect(layout.mapFit!.y + layout.mapFit!.height).toBeLessThanOrEqual(layout.panel.y);
    for (const box of [layout.actors, layout.mapFit!]) expect(within(box, layout)).toBe(true);
  });

  it("uses the whole stage for the actors when there is no map (the meters are the page's)", () => {
    const layout = layoutStage(800, 600, { hasMap: false, actors: 1 });
    expect(layout.mode).toBe('plain');
    expect(layout.mapFit).toBeUndefined();
    expect(within(layout.actors, layout)).toBe(true);
  });

  it('survives a zero-sized parent', () => {
    expect(() => layoutStage(0, 0, needs)).not.toThrow();
  });
});

describe('labels', () => {
  it('shortens names and makes initials from significant words', () => {
    expect(shortName("The Kremlin (Russia's leadership, President Putin)")).toBe('The Kremlin');
    expect(initials("Ukraine's leadership (President Volodymyr Zelensky)")).toBe('UL');
    expect(initials('Outgoing US administration (President Joe Biden)')).toBe('OUA');
    expect(initials('The town council')).toBe('TC');
    expect(emblemLabels(['Big council', 'Blue committee', 'Kremlin'])).toEqual(['BC1', 'BC2', 'K']);
  });

  it('places labels so they do not overlap and stay inside the bounds when they can', () => {
    const points = [
      { x: 100, y: 100 },
      { x: 160, y: 100 },
      { x: 390, y: 50 },
    ];
    const sizes = points.map(() => ({ width: 50, height: 14 }));
    const bounds = { x: 0, y: 0, width: 400, height: 200 };
    const placed = placeLabels(points, sizes, bounds, 6);
    const boxes = placed.map((p, i) => ({ ...p, ...sizes[i]! }));
    for (const [i, a] of boxes.entries()) {
      expect(within(a, bounds)).toBe(true);
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
    }
    expect(placed[2]!.side).not.toBe('right'); // the third is at the right edge
  });
});
