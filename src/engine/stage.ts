/**
 * The stage picture: what the map shows after any path, as plain data, from the declarative
 * stage directions of the choices on it (docs/authoring.md, "Stage directions"). The stage draws
 * it and the DOM can describe it in words; neither needs to know how it was accumulated.
 *
 * Rules of accumulation, step by step along the path:
 * - `strike` adds an arc (arcs stay, oldest first);
 * - `area` marks a circle around a place; a later area at the same place replaces the earlier one;
 * - `showRange` shows a range circle; `hideRange` removes it;
 * - `stance` sets an actor's stance; a later stance for the actor replaces the earlier one;
 * - `highlight` lasts only for the step that made it.
 * Each step's directions are those of the outcome variant shown on that path (a variant's own
 * `stage` replaces its option's).
 */
import type { StageDirection } from '../scenario/schema.ts';
import type { AREA_KINDS, STANCES } from '../scenario/schema.ts';
import { pathFacts } from './conditions.ts';
import type { Step } from './compile.ts';
import { pickVariant, type Rules } from './rules.ts';

export type AreaKind = (typeof AREA_KINDS)[number];
export type Stance = (typeof STANCES)[number];

/** What the map shows after a path. Ids are those of the scenario's map places, ranges and actors. */
export interface StagePicture {
  /** Strike arcs made so far, oldest first; `step` is the 0-based index of the choice that made it. */
  strikes: Array<{ from: string; to: string; within?: string; step: number }>;
  /** Marked areas, at most one per place (the latest), in the order their places were first marked. */
  areas: Array<{ place: string; km: number; label?: string; kind: AreaKind; step: number }>;
  /** Range circles shown, in the order they were shown. */
  ranges: string[];
  /** Each actor's latest stance, in the order the actors first took one. */
  stances: Array<{ actor: string; is: Stance; step: number }>;
  /** Places highlighted by the last choice only (empty at the start). */
  highlights: string[];
}

/** The picture after a path, and the directions of the last choice on it (what changed: for animating). */
export interface StageFrame {
  picture: StagePicture;
  /** The last choice's own directions, in the order written; empty at the start. */
  directions: StageDirection[];
}

export const emptyPicture = (): StagePicture => ({ strikes: [], areas: [], ranges: [], stances: [], highlights: [] });

/** Applies one step's directions to a picture (a new picture; the old one is left as it was). */
export function applyDirections(
  picture: StagePicture,
  directions: readonly StageDirection[],
  step: number,
): StagePicture {
  const next: StagePicture = {
    strikes: [...picture.strikes],
    areas: [...picture.areas],
    ranges: [...picture.ranges],
    stances: [...picture.stances],
    highlights: [],
  };
  for (const d of directions) {
    if (d.highlight !== undefined && !next.highlights.includes(d.highlight)) next.highlights.push(d.highlight);
    if (d.strike) next.strikes.push({ ...d.strike, step });
    if (d.area) {
      const area = { ...d.area, step };
      const at = next.areas.findIndex((a) => a.place === d.area!.place);
      if (at >= 0) next.areas[at] = area;
      else next.areas.push(area);
    }
    if (d.showRange !== undefined && !next.ranges.includes(d.showRange)) next.ranges.push(d.showRange);
    if (d.hideRange !== undefined) next.ranges = next.ranges.filter((r) => r !== d.hideRange);
    if (d.stance) {
      const stance = { actor: d.stance.actor, is: d.stance.is, step };
      const at = next.stances.findIndex((s) => s.actor === d.stance!.actor);
      if (at >= 0) next.stances[at] = stance;
      else next.stances.push(stance);
    }
  }
  return next;
}

/** The directions of the choice at `index` on `path`: those of the outcome variant shown there. */
export function directionsOf(rules: Rules, path: readonly Step[], index: number): StageDirection[] {
  const step = path[index]!;
  const option = rules.sourceDecision(step.decision)?.options.find((o) => o.id === step.option);
  if (!option) return [];
  const variant = pickVariant(rules.outcome(option), pathFacts(step.world, path.slice(0, index + 1)));
  return variant?.stage ?? [];
}

/** The stage after `path` (the steps of a snapshot's context, or of a replayed list of choices). */
export function stageAt(rules: Rules, path: readonly Step[]): StageFrame {
  let picture = emptyPicture();
  let directions: StageDirection[] = [];
  path.forEach((_, i) => {
    directions = directionsOf(rules, path, i);
    picture = applyDirections(picture, directions, i);
  });
  return { picture, directions };
}
