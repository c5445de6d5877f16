/**
 * The student's view of the map: how far it is zoomed and moved. A point drawn at `b` on the map
 * as first fitted appears at `scale * b + (x, y)` on the stage. Pure, so panning and zooming are
 * tested without a browser; the scene applies a view by fitting the map into a moved box.
 */
import type { Box } from './projection.ts';

export interface MapView {
  scale: number;
  x: number;
  y: number;
}

export const HOME_VIEW: MapView = { scale: 1, x: 0, y: 0 };
export const MIN_SCALE = 1;
export const MAX_SCALE = 8;

/** Zooms by `factor` about the stage point (cx, cy), which stays where it is. */
export function zoomAbout(view: MapView, factor: number, cx: number, cy: number): MapView {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: cx - k * (cx - view.x), y: cy - k * (cy - view.y) };
}

export function panBy(view: MapView, dx: number, dy: number): MapView {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/**
 * Keeps the map in sight: the fitted map area, moved and zoomed, may leave the stage's map area by
 * at most half its size on any side, so a student can never lose it off screen.
 */
export function clampView(view: MapView, area: Box): MapView {
  const s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale));
  const range = (start: number, size: number) => ({
    low: (start + size) * (1 - s) - size / 2,
    high: start * (1 - s) + size / 2,
  });
  const rx = range(area.x, area.width);
  const ry = range(area.y, area.height);
  return {
    scale: s,
    x: Math.min(rx.high, Math.max(rx.low, view.x)),
    y: Math.min(ry.high, Math.max(ry.low, view.y)),
  };
}

/** A box (the map's fit) as the view shows it. */
export function viewBox(box: Box, view: MapView): Box {
  return {
    x: view.scale * box.x + view.x,
    y: view.scale * box.y + view.y,
    width: view.scale * box.width,
    height: view.scale * box.height,
  };
}

/** The transform taking what is drawn for view `from` to where view `to` shows it. */
export function relativeView(from: MapView, to: MapView): MapView {
  const k = to.scale / from.scale;
  return { scale: k, x: to.x - k * from.x, y: to.y - k * from.y };
}

export function sameView(a: MapView, b: MapView): boolean {
  return Math.abs(a.scale - b.scale) < 1e-6 && Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01;
}
