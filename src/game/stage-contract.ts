/**
 * What the page asks of the Phaser stage. The stage only draws: it never keeps game state of its
 * own, and everything a person reads is also in the DOM, so the game plays fully without it.
 */
import type { GameView, ScenarioIndex } from '../engine/view.ts';

export interface Stage {
  /**
   * Shows the current view; called after every change of the game actor's snapshot and of the
   * screen. During an outcome the view is already at the next point, but the student is still
   * reading what the last actor did: the stage then keeps that actor in the light.
   */
  show(view: GameView, moment: StageMoment): void;
  /** Zooms the map by a factor (above 1: closer) about its middle. */
  zoom(factor: number): void;
  /** Moves the map by a fraction of its width and height (0.1: a tenth). */
  pan(dx: number, dy: number): void;
  /** The map as first fitted. */
  resetView(): void;
  /** Rings a place or an actor on the stage (or none), as the page's list of them asks. */
  select(target: StageTarget | undefined): void;
  destroy(): void;
}

export type StageMoment = 'decision' | 'outcome';

/** A place on the map or an actor, by its id in the scenario. */
export interface StageTarget {
  kind: 'place' | 'actor';
  id: string;
}

export interface StageOptions {
  reducedMotion: boolean;
  /** Called when the student picks a place or an actor on the stage itself (click or tap). */
  onPick?: (target: StageTarget | undefined) => void;
  /** Called with the countries the map names whenever they change (the view moved, the shapes loaded). */
  onCountries?: (names: readonly string[]) => void;
}

export type MountStage = (parent: HTMLElement, index: ScenarioIndex, options: StageOptions) => Promise<Stage>;
