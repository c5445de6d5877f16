/**
 * The one scene of the stage: lays the pieces out for the current size, shows each view, and
 * plays a short, calm transition between views (none when reduced motion is asked for).
 */
import Phaser from 'phaser';
import type { GameView } from '../../engine/view.ts';
import type { StageMoment } from '../stage-contract.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Atlas } from '../atlas.ts';
import type { Backdrop } from '../backdrop.ts';
import { layoutStage, type StageLayout } from '../stage-layout.ts';
import { ActorRow } from '../pieces/actors.ts';
import { MeterPanel } from '../pieces/meters.ts';
import { Panel } from '../pieces/panel.ts';
import { RegionMap } from '../pieces/region-map.ts';
import { Sweep } from '../pieces/sweep.ts';
import { Consequences } from '../pieces/consequences.ts';
import type { StagePicture } from '../../engine/stage.ts';

export interface StageSceneOptions {
  scenario: Scenario;
  reducedMotion: boolean;
  /** Where the still picture (map, panel) goes, when the page can put an element under the canvas. */
  backdrop?: () => Backdrop | undefined;
  /** Called once create() has run and the scene can show views. */
  onCreated: (scene: StageScene) => void;
}

export class StageScene extends Phaser.Scene {
  private map: RegionMap | undefined;
  private consequences: Consequences | undefined;
  private panel!: Panel;
  private actors!: ActorRow;
  private meters!: MeterPanel;
  private sweep!: Sweep;
  private current: GameView | undefined;
  private created = false;
  private pending: { atlas?: Atlas; view?: GameView; moment?: StageMoment } = {};
  /** Frames still to draw before the stage may rest (see update()). */
  private dirtyFrames = 2;
  private layout: StageLayout | undefined;

  constructor(private readonly options: StageSceneOptions) {
    super({ key: 'stage' });
  }

  create(): void {
    const { scenario, reducedMotion } = this.options;
    // With a map, the panel is part of the map's still picture (drawn once per layout, not per frame).
    this.panel = new Panel(this, Boolean(scenario.map));
    if (scenario.map)
      this.map = new RegionMap(this, scenario.map, [this.panel.graphics], this.options.backdrop?.(), () =>
        this.invalidate(),
      );
    if (this.map) this.consequences = new Consequences(this, scenario.map!, this.map, reducedMotion);
    this.actors = new ActorRow(this, scenario.actors, reducedMotion);
    // Hidden variables steer the story without being shown: the stage shows what the page's meters show.
    this.meters = new MeterPanel(this, shownVariables(scenario));
    this.sweep = new Sweep(this);
    this.relayout();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.relayout, this);
    // A restored WebGL context has lost the baked map; a page shown again may have lost its picture.
    this.game.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, this.relayout, this);
    this.game.events.on(Phaser.Core.Events.VISIBLE, this.invalidate, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, this.relayout, this);
      this.game.renderer?.off(Phaser.Renderer.Events.RESTORE_WEBGL, this.relayout, this);
      this.game.events.off(Phaser.Core.Events.VISIBLE, this.invalidate, this);
    });
    this.created = true;
    if (this.pending.atlas) this.setAtlas(this.pending.atlas);
    if (this.pending.view) this.showView(this.pending.view, this.pending.moment);
    this.pending = {};
    this.options.onCreated(this);
  }

  /** What the stage draws now: the picture on the map and the stances on the actors (for the test probe). */
  drawn(): { picture: StagePicture | undefined; stances: Array<{ actor: string; word: string }> } {
    return { picture: this.consequences?.drawn(), stances: this.actors?.stancesShown() ?? [] };
  }

  /** Km per pixel of the map at its current fit, or undefined without a map. */
  kmPerPixel(): number | undefined {
    return this.map?.kmPerPixel();
  }

  setAtlas(atlas: Atlas): void {
    if (!this.created) {
      this.pending.atlas = atlas;
      return;
    }
    this.map?.setAtlas(atlas);
    this.invalidate();
  }

  /** Asks for the next frames to be drawn. */
  invalidate(): void {
    this.dirtyFrames = 2;
  }

  /**
   * A calm stage is still most of the time, and redrawing a still picture sixty times a second
   * costs battery on phones and most of a CPU under software WebGL (as in CI). So the camera only
   * draws while something moves or has just changed; in between, the canvas keeps showing its
   * last frame (the game runs with clearBeforeRender off, and a WebGL canvas nobody draws to keeps
   * its picture). The loop itself keeps running, so tweens and the frame counter go on.
   */
  override update(): void {
    // A tween that ends in this step is already gone: drawing on for two more frames shows its end.
    if (this.tweens.getTweens().length > 0) this.dirtyFrames = 2;
    this.cameras.main.setVisible(this.dirtyFrames > 0);
    if (this.dirtyFrames > 0) this.dirtyFrames--;
  }

  showView(view: GameView, moment: StageMoment = 'decision'): void {
    if (!this.created) {
      this.pending.view = view;
      this.pending.moment = moment;
      return;
    }
    const previous = this.current;
    this.current = view;
    const animate = !this.options.reducedMotion && previous !== undefined && changedStep(previous, view);
    this.actors.update(view, moment, animate);
    this.meters.update(view.meters, animate);
    this.consequences?.show(view.stage, animate);
    this.actors.setStances(view.stage.picture.stances, animate);
    if (animate) {
      this.sweep.play(view.kind === 'ending');
      this.map?.ripple();
    }
    this.invalidate();
  }

  /** Lays everything out in CSS pixels; the camera zooms by the pixel ratio to fill the device pixels. */
  private relayout(): void {
    const ratio = 1 / this.scale.zoom;
    const { width: deviceWidth, height: deviceHeight } = this.scale.gameSize;
    const width = deviceWidth / ratio;
    const height = deviceHeight / ratio;
    const { scenario } = this.options;
    const layout = layoutStage(
      width,
      height,
      { hasMap: Boolean(scenario.map), actors: scenario.actors.length, meters: shownVariables(scenario).length },
      ratio,
    );
    this.layout = layout;
    this.cameras.main
      .setSize(deviceWidth, deviceHeight)
      .setZoom(ratio)
      .centerOn(width / 2, height / 2);
    this.panel.setLayout(layout);
    this.map?.setLayout(layout);
    this.consequences?.setLayout(layout);
    this.actors.setLayout(layout.actors, layout.emblemRadius, layout.unit, layout.captions);
    this.meters.setLayout(layout.meters, layout.unit, layout.meterColumns);
    this.sweep.setLayout(layout);
    this.invalidate();
  }
}

function changedStep(a: GameView, b: GameView): boolean {
  if (a.kind !== b.kind) return true;
  const id = (v: GameView) => (v.kind === 'decision' ? v.decisionId : v.endingId);
  return id(a) !== id(b) || a.path.length !== b.path.length;
}

function shownVariables(scenario: Scenario): Scenario['variables'] {
  return scenario.variables.filter((v) => !v.hidden);
}
