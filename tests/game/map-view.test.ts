import { describe, expect, it } from 'vitest';
import { clampView, HOME_VIEW, MAX_SCALE, panBy, relativeView, viewBox, zoomAbout } from '../../src/game/map-view.ts';

const area = { x: 0, y: 0, width: 800, height: 600 };
const show = (view: { scale: number; x: number; y: number }, p: { x: number; y: number }) => ({
  x: view.scale * p.x + view.x,
  y: view.scale * p.y + view.y,
});

describe('the map view', () => {
  it('zooms about a point that stays where it is', () => {
    const view = zoomAbout(HOME_VIEW, 2, 300, 200);
    expect(view.scale).toBe(2);
    expect(show(view, { x: 300, y: 200 })).toEqual({ x: 300, y: 200 });
    expect(show(view, { x: 310, y: 200 }).x).toBeCloseTo(320);
  });

  it('never zooms out past the whole map nor in past its limit', () => {
    expect(zoomAbout(HOME_VIEW, 0.5, 0, 0).scale).toBe(1);
    expect(zoomAbout({ scale: MAX_SCALE, x: 0, y: 0 }, 3, 0, 0).scale).toBe(MAX_SCALE);
  });

  it('keeps the map in sight however far it is dragged', () => {
    const far = clampView(panBy(HOME_VIEW, 5000, -5000), area);
    expect(far.x).toBe(400);
    expect(far.y).toBe(-300);
    const zoomed = clampView(panBy(zoomAbout(HOME_VIEW, 4, 400, 300), -9000, 0), area);
    // The right half of the zoomed map still covers at least half the area.
    expect(zoomed.scale * 800 + zoomed.x).toBeGreaterThanOrEqual(400 - 1e-9);
  });

  it('moves the fitted box with the view, and relates two views', () => {
    const view = { scale: 2, x: -100, y: 50 };
    expect(viewBox({ x: 10, y: 10, width: 100, height: 50 }, view)).toEqual({ x: -80, y: 70, width: 200, height: 100 });
    const from = { scale: 2, x: -100, y: 50 };
    const to = { scale: 3, x: -250, y: 20 };
    const rel = relativeView(from, to);
    const p = { x: 123, y: 45 };
    const drawn = show(from, p);
    expect(show(rel, drawn).x).toBeCloseTo(show(to, p).x);
    expect(show(rel, drawn).y).toBeCloseTo(show(to, p).y);
  });
});
