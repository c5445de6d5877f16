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
  destroy(): void;
}

export type StageMoment = 'decision' | 'outcome';

export interface StageOptions {
  reducedMotion: boolean;
}

export type MountStage = (parent: HTMLElement, index: ScenarioIndex, options: StageOptions) => Promise<Stage>;
