/**
 * Where things go on a stage of a given size, from a 360x220 band on a phone to a projector panel.
 * Pure, so it is cheap to test and the scene only applies it.
 *
 * - side: wide stages. The map fills the canvas; a panel on the right holds actors and meters.
 * - below: tall stages. The map on top; actors and meters in a panel underneath.
 * - plain: no map. Actors and meters, larger, in the middle of the stage.
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
  /** The panel behind actors and meters (empty in plain mode). */
  panel: Box;
  actors: Box;
  /** Radius of an actor emblem. */
  emblemRadius: number;
  meters: Box;
  meterColumns: number;
  /** Whether there is room for a short name under each actor emblem. */
  captions: boolean;
}

export interface LayoutNeeds {
  hasMap: boolean;
  actors: number;
  meters: number;
}

/** Below this width (CSS px) the stage stacks the actors under the map and shows no meters. */
export const NARROW = 520;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const EMPTY: Box = { x: 0, y: 0, width: 0, height: 0 };

export function layoutStage(width: number, height: number, needs: LayoutNeeds, pixelRatio = 1): StageLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const unit = Math.round(clamp(Math.min(Math.sqrt(w * h) / 44, h / 16, w / 24), 10, 22));
  const pad = Math.round(unit * 0.9);
  const actors = Math.max(1, needs.actors);

  if (!needs.hasMap) return { ...plainLayout(w, h, unit, pad, needs), pixelRatio };
  // A phone-sized stage cannot show the meters' names whole at a readable size: it leaves them to
  // the page's text (which shows them anyway) and gives the actors' names the room instead.
  if (w < NARROW) needs = { ...needs, meters: 0 };

  if (w / h >= 1.3 && w >= NARROW) {
    const panelWidth = Math.round(clamp(w < 600 ? w * 0.46 : w * 0.3, Math.min(150, w * 0.5), unit * 24));
    const panel = { x: w - panelWidth, y: 0, width: panelWidth, height: h };
    const inner = { x: panel.x + pad, y: pad * 0.5, width: panelWidth - 2 * pad, height: h - pad * 1.5 };
    const captions = unit >= 14 && inner.width / actors >= unit * 5;
    const emblemRadius = Math.max(7, Math.min(unit * 1.3, inner.width / actors / 2.8));
    const actorsHeight = actorBlockHeight(emblemRadius, captions, unit);
    const metersNeeded = needs.meters * meterRowHeight(unit);
    // On a tall panel the block of actors and meters sits in the middle rather than at the top.
    const top = inner.y + Math.max(0, (inner.height - actorsHeight - pad - metersNeeded) / 2);
    const labelRoom = Math.round(unit * 1.6);
    return {
      width: w,
      height: h,
      pixelRatio,
      unit,
      mode: 'side',
      panel,
      mapFit: {
        x: labelRoom,
        y: labelRoom,
        width: Math.max(1, panel.x - 2 * labelRoom),
        height: Math.max(1, h - 2 * labelRoom),
      },
      actors: { x: inner.x, y: top, width: inner.width, height: actorsHeight },
      emblemRadius,
      meters: {
        x: inner.x,
        y: top + actorsHeight + pad * 0.5,
        width: inner.width,
        height: Math.max(0, Math.min(inner.y + inner.height - top - actorsHeight - pad * 0.5, metersNeeded)),
      },
      meterColumns: 1,
      captions,
    };
  }

  const columns = columnsFor(w - 2 * pad, unit, needs.meters);
  const captions = (w - 2 * pad) / actors >= Math.max(unit * 5, 72);
  const emblemRadius = Math.max(7, Math.min(unit * 1.3, (w - 2 * pad) / actors / 2.8));
  const actorsHeight = actorBlockHeight(emblemRadius, captions, unit);
  const metersHeight = Math.ceil(needs.meters / columns) * meterRowHeight(unit);
  const panelHeight = Math.round(Math.min(h * 0.55, pad * 1.5 + actorsHeight + pad * 0.5 + metersHeight));
  const panel = { x: 0, y: h - panelHeight, width: w, height: panelHeight };
  const inner = { x: pad, y: panel.y + pad * 0.5, width: w - 2 * pad, height: panelHeight - pad * 1.5 };
  const labelRoom = Math.round(unit * 1.6);
  return {
    width: w,
    height: h,
    pixelRatio,
    unit,
    mode: 'below',
    panel,
    mapFit: {
      x: labelRoom,
      y: labelRoom,
      width: Math.max(1, w - 2 * labelRoom),
      height: Math.max(1, panel.y - unit * 2.4 - labelRoom),
    },
    actors: { x: inner.x, y: inner.y, width: inner.width, height: actorsHeight },
    emblemRadius,
    meters: {
      x: inner.x,
      y: inner.y + actorsHeight + pad * 0.5,
      width: inner.width,
      height: Math.max(0, inner.height - actorsHeight - pad * 0.5),
    },
    meterColumns: columns,
    captions,
  };
}

function plainLayout(
  w: number,
  h: number,
  unit: number,
  pad: number,
  needs: LayoutNeeds,
): Omit<StageLayout, 'pixelRatio'> {
  const actors = Math.max(1, needs.actors);
  const inner = { x: pad, y: pad * 0.5, width: w - 2 * pad, height: h - pad * 1.5 };
  const rowWidth = Math.min(inner.width, actors * unit * 10);
  const emblemRadius = Math.max(8, Math.min(unit * 2.2, rowWidth / actors / 2.8, inner.height * 0.2));
  const captions = unit >= 12 && rowWidth / actors >= unit * 5;
  const actorsHeight = actorBlockHeight(emblemRadius, captions, unit);
  const columns = columnsFor(inner.width, unit, needs.meters);
  const gap = unit * 1.5;
  const metersWidth = Math.min(inner.width, columns * unit * 28 + (columns - 1) * gap);
  const metersNeeded = Math.ceil(needs.meters / columns) * meterRowHeight(unit);
  const metersHeight = Math.max(0, Math.min(inner.height - actorsHeight - pad, metersNeeded));
  const top = inner.y + Math.max(0, (inner.height - actorsHeight - pad - metersHeight) / 2);
  return {
    width: w,
    height: h,
    unit,
    mode: 'plain',
    panel: EMPTY,
    actors: { x: (w - rowWidth) / 2, y: top, width: rowWidth, height: actorsHeight },
    emblemRadius,
    meters: { x: (w - metersWidth) / 2, y: top + actorsHeight + pad, width: metersWidth, height: metersHeight },
    meterColumns: columns,
    captions,
  };
}

/** Height of a meter row: its label, the gap and the bar. */
export function meterRowHeight(unit: number): number {
  return Math.round(unit * 2.9);
}

/** Where an emblem's centre sits below the top of the actors' box (room for its halo). */
export function emblemCenterOffset(radius: number): number {
  return radius * 1.55;
}

/** Height of the actors' block: halo room, disc, pips, and a two-line caption when shown. */
function actorBlockHeight(radius: number, captions: boolean, unit: number): number {
  return Math.round(emblemCenterOffset(radius) + radius * 1.75 + (captions ? Math.max(unit * 2.1, 34) : 0));
}

function columnsFor(width: number, unit: number, meters: number): number {
  if (meters <= 1) return 1;
  return width >= unit * 40 ? 2 : 1;
}
