/**
 * Where things go on a stage of a given size, from a 360x220 band on a phone to a projector panel.
 * Pure, so it is cheap to test and the scene only applies it. The stage draws no meters: they live
 * in one place, the page's "State of play", with each change and its reason.
 *
 * - side: wide stages. The map fills the canvas; a narrow panel on the right lists the actors in a
 *   column, each with its short name beside its emblem.
 * - below: tall stages. The map on top; the actors in a row in a panel underneath.
 * - plain: no map. The actors, larger, in the middle of the stage.
 */
import type { Box } from './projection.ts';

export type LayoutMode = 'side' | 'below' | 'plain';

export interface StageLayout {
  width: number;
  height: number;
  /** Device pixels per CSS pixel (all other measures are in CSS pixels). */
  pixelRatio: number;
  /** The base text size in px; everything else is measured in it. */
  unit: number;
  mode: LayoutMode;
  /** Where the places and ranges are fitted (the map itself is drawn across the whole canvas). */
  mapFit?: Box;
  /** The part of the canvas the map shows through (the canvas minus the panel). */
  mapArea: Box;
  /** The panel behind the actors (empty in plain mode). */
  panel: Box;
  actors: Box;
  /** A row of actors (names under the emblems) or a column (names beside them). */
  actorsDirection: 'row' | 'column';
  /** Radius of an actor emblem. */
  emblemRadius: number;
  /** Whether there is room for a short name by each actor emblem. */
  captions: boolean;
}

export interface LayoutNeeds {
  hasMap: boolean;
  actors: number;
}

/** Below this width (CSS px) the stage stacks the actors under the map. */
export const NARROW = 520;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const EMPTY: Box = { x: 0, y: 0, width: 0, height: 0 };

export function layoutStage(width: number, height: number, needs: LayoutNeeds, pixelRatio = 1): StageLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const unit = Math.round(clamp(Math.min(Math.sqrt(w * h) / 44, h / 16, w / 24), 12, 22));
  const pad = Math.round(unit * 0.9);
  const actors = Math.max(1, needs.actors);

  if (!needs.hasMap) return { ...plainLayout(w, h, unit, pad, actors), pixelRatio };
  const labelRoom = Math.round(unit * 1.6);

  if (w / h >= 1.3 && w >= NARROW) {
    const panelWidth = Math.round(clamp(w * 0.24, Math.min(150, w * 0.4), unit * 14));
    const panel = { x: w - panelWidth, y: 0, width: panelWidth, height: h };
    const inner = { x: panel.x + pad * 0.7, y: pad * 0.5, width: panelWidth - pad * 1.2, height: h - pad };
    const cell = inner.height / actors;
    const emblemRadius = clamp(Math.min(unit * 1.2, cell / 3.6), 7, unit * 1.6);
    // A block no taller than it needs, in the middle of the panel.
    const block = Math.min(inner.height, actors * Math.max(emblemRadius * 3.6, unit * 3.4));
    return {
      width: w,
      height: h,
      pixelRatio,
      unit,
      mode: 'side',
      panel,
      mapArea: { x: 0, y: 0, width: panel.x, height: h },
      mapFit: {
        x: labelRoom,
        y: labelRoom,
        width: Math.max(1, panel.x - 2 * labelRoom),
        height: Math.max(1, h - 2 * labelRoom),
      },
      actors: { x: inner.x, y: inner.y + (inner.height - block) / 2, width: inner.width, height: block },
      actorsDirection: 'column',
      emblemRadius,
      captions: true,
    };
  }

  const captions = (w - 2 * pad) / actors >= Math.max(unit * 4.5, 64);
  // On a short phone band the emblems stay small, leaving the map most of the height.
  const emblemRadius = Math.max(7, Math.min(unit * 1.3, (w - 2 * pad) / actors / 2.8, h * 0.055));
  const actorsHeight = actorBlockHeight(emblemRadius, captions, unit);
  const panelHeight = Math.round(Math.min(h * 0.55, pad * 1.5 + actorsHeight));
  const panel = { x: 0, y: h - panelHeight, width: w, height: panelHeight };
  const inner = { x: pad, y: panel.y + pad * 0.5, width: w - 2 * pad, height: panelHeight - pad * 1.5 };
  return {
    width: w,
    height: h,
    pixelRatio,
    unit,
    mode: 'below',
    panel,
    mapArea: { x: 0, y: 0, width: w, height: panel.y },
    mapFit: {
      x: labelRoom,
      y: labelRoom,
      width: Math.max(1, w - 2 * labelRoom),
      height: Math.max(1, panel.y - unit * 2.4 - labelRoom),
    },
    actors: { x: inner.x, y: inner.y, width: inner.width, height: actorsHeight },
    actorsDirection: 'row',
    emblemRadius,
    captions,
  };
}

function plainLayout(w: number, h: number, unit: number, pad: number, actors: number): Omit<StageLayout, 'pixelRatio'> {
  const inner = { x: pad, y: pad * 0.5, width: w - 2 * pad, height: h - pad * 1.5 };
  const rowWidth = Math.min(inner.width, actors * unit * 10);
  const emblemRadius = Math.max(8, Math.min(unit * 2.2, rowWidth / actors / 2.8, inner.height * 0.2));
  const captions = rowWidth / actors >= unit * 4.5;
  const actorsHeight = actorBlockHeight(emblemRadius, captions, unit);
  const top = inner.y + Math.max(0, (inner.height - actorsHeight) / 2);
  return {
    width: w,
    height: h,
    unit,
    mode: 'plain',
    panel: EMPTY,
    mapArea: EMPTY,
    actors: { x: (w - rowWidth) / 2, y: top, width: rowWidth, height: actorsHeight },
    actorsDirection: 'row',
    emblemRadius,
    captions,
  };
}

/** Where an emblem's centre sits below the top of the actors' box (room for its halo). */
export function emblemCenterOffset(radius: number): number {
  return radius * 1.55;
}

/** Height of the actors' block: halo room, disc, pips, and a two-line caption when shown. */
function actorBlockHeight(radius: number, captions: boolean, unit: number): number {
  return Math.round(emblemCenterOffset(radius) + radius * 1.75 + (captions ? Math.max(unit * 2.3, 34) : 0));
}
