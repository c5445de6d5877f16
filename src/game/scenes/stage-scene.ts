/**
 * The one scene of the stage: lays the pieces out for the current size, shows each view, plays a
 * short, calm transition between views (none when reduced motion is asked for), and lets the
 * student move and zoom the map and pick a place or an actor.
 *
 * Two cameras: one for the map (country shapes, places, what the choices did), which pans and
 * zooms, and one for the panel of actors and the transition sweep, which stay put. While a pan or
 * zoom is under way the map camera (and the still picture under the canvas) only stretch what was
 * drawn; once it settles, the map is fitted and drawn again for the new view, sharp.
 */
import Phaser from 'phaser';
import type { GameView } from '../../engine/view.ts';
import type { StageMoment, StageTarget } from '../stage-contract.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Atlas } from '../atlas.ts';
import type { Backdrop } from '../backdrop.ts';
import { layoutStage, type StageLayout } from '../stage-layout.ts';
import { ActorRow } from '../pieces/actors.ts';
import { Panel } from '../pieces/panel.ts';
import { RegionMap } from '../pieces/region-map.ts';
import { Sweep } from '../pieces/sweep.ts';
import { Consequences } from '../pieces/consequences.ts';
import type { StagePicture } from '../../engine/stage.ts';
import { clampView, HOME_VIEW, relativeView, sameView, viewBox, zoomAbout, panBy, type MapView } from '../map-view.ts';
import { palette } from '../palette.ts';

export interface StageSceneOptions {
  scenario: Scenario;
  reducedMotion: boolean;
  /** The page's layers under and over the canvas: the map, the consequences, the panel, the sweep. */
  backdrop: () => Backdrop;
  /** Called once create() has run and the scene can show views. */
  onCreated: (scene: StageScene) => void;
  /** Told the countries named on the map whenever they change. */
  onCountries?: (names: readonly string[]) => void;
}

/** Objects at this depth and above belong to the panel (they never pan or zoom). */
const PANEL_DEPTH = 10;
/** How long a view must stay still before the map is drawn again for it (ms). */
const SETTLE_MS = 220;

export class StageScene extends Phaser.Scene {
  private map: RegionMap | undefined;
  private consequences: Consequences | undefined;
  private panel!: Panel;
  private actors!: ActorRow;
  private sweep!: Sweep;
  private panelCamera!: Phaser.Cameras.Scene2D.Camera;
  private placeRing!: Phaser.GameObjects.Arc;
  private actorRing!: Phaser.GameObjects.Arc;
  private current: GameView | undefined;
  private created = false;
  private pending: { atlas?: Atlas; view?: GameView; moment?: StageMoment } = {};
  /** Frames still to draw before the stage may rest (see update()). */
  private dirtyFrames = 2;
  private layout: StageLayout | undefined;
  /** The view the student has asked for, and the one the map was last drawn for. */
  private view: MapView = HOME_VIEW;
  private drawnView: MapView = HOME_VIEW;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private selected: StageTarget | undefined;

  constructor(private readonly options: StageSceneOptions) {
    super({ key: 'stage' });
  }

  create(): void {
    const { scenario, reducedMotion } = this.options;
    this.panelCamera = this.cameras.add(0, 0, 1, 1, false, 'panel');
    // Everything is the map's unless it is moved to the panel below.
    const toMap = (object: Phaser.GameObjects.GameObject) => this.panelCamera.ignore(object);
    this.events.on(Phaser.Scenes.Events.ADDED_TO_SCENE, toMap);
    const backdrop = this.options.backdrop();
    if (scenario.map)
      this.map = new RegionMap(
        this,
        scenario.map,
        backdrop,
        () => this.invalidate(),
        (names) => this.options.onCountries?.(names),
      );
    if (this.map) this.consequences = new Consequences(this, scenario.map!, this.map, reducedMotion, backdrop.drawing);
    this.placeRing = this.add.circle(0, 0, 10).setFillStyle().setDepth(5).setVisible(false);
    this.panel = new Panel(backdrop);
    this.actors = new ActorRow(this, scenario.actors, reducedMotion);
    this.sweep = new Sweep(backdrop);
    this.actorRing = this.add
      .circle(0, 0, 10)
      .setFillStyle()
      .setDepth(PANEL_DEPTH + 5)
      .setVisible(false);
    for (const object of this.children.list)
      if ((object as unknown as { depth: number }).depth >= PANEL_DEPTH) {
        object.cameraFilter &= ~this.panelCamera.id;
        this.cameras.main.ignore(object);
      }
    this.relayout();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.relayout, this);
    // A restored WebGL context has lost the baked map; a page shown again may have lost its picture.
    this.game.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, this.relayout, this);
    this.game.events.on(Phaser.Core.Events.VISIBLE, this.invalidate, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      clearTimeout(this.settleTimer);
      this.events.off(Phaser.Scenes.Events.ADDED_TO_SCENE, toMap);
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

  /** The countries named on the map now, the scenario's own first (see country-labels.ts). */
  countriesNamed(): string[] {
    return this.map?.countriesNamed() ?? [];
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
   * costs battery on phones and most of a CPU under software WebGL (as in CI). So the cameras only
   * draw while something moves or has just changed; in between, the canvas keeps showing its
   * last frame (the game runs with clearBeforeRender off, and a WebGL canvas nobody draws to keeps
   * its picture). The loop itself keeps running, so tweens and the frame counter go on.
   */
  override update(time: number): void {
    // A tween that ends in this step is already gone: drawing on for two more frames shows its end.
    const ripple = this.map?.step(time) ?? false;
    if (ripple || this.tweens.getTweens().length > 0) this.dirtyFrames = 2;
    const draw = this.dirtyFrames > 0;
    this.cameras.main.setVisible(draw);
    this.panelCamera.setVisible(draw);
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
    this.consequences?.show(view.stage, animate);
    this.actors.setStances(view.stage.picture.stances, animate);
    if (animate) {
      this.sweep.play(view.kind === 'ending');
      this.map?.ripple();
    }
    this.invalidate();
  }

  // --- The student's view of the map -------------------------------------------------------

  /** The view the student has asked for (scale 1 and no offset: the map as first fitted). */
  mapView(): MapView {
    return { ...this.view };
  }

  /** Zooms by `factor` about a stage point (CSS px), or about the middle of the map. */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const area = this.layout?.mapArea;
    if (!area || !this.map) return;
    const cx = at?.x ?? area.x + area.width / 2;
    const cy = at?.y ?? area.y + area.height / 2;
    this.setView(zoomAbout(this.view, factor, cx, cy));
  }

  /** Moves the map by (dx, dy) CSS px. */
  panBy(dx: number, dy: number): void {
    if (this.map) this.setView(panBy(this.view, dx, dy));
  }

  resetView(): void {
    if (this.map) this.setView(HOME_VIEW, true);
  }

  /** The map's visible area in CSS px (empty without a map). */
  mapArea(): { x: number; y: number; width: number; height: number } {
    return this.layout?.mapArea ?? { x: 0, y: 0, width: 0, height: 0 };
  }

  private setView(next: MapView, now = false): void {
    const area = this.layout?.mapArea;
    if (!area) return;
    this.view = clampView(next, area);
    this.applyLiveView();
    clearTimeout(this.settleTimer);
    if (now) this.settle();
    else this.settleTimer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  /** Draws the map again for the view the student has settled on. */
  private settle(): void {
    this.settleTimer = undefined;
    if (!sameView(this.view, this.drawnView)) this.layoutMap();
  }

  /** Stretches what is drawn from the drawn view to the asked-for one (camera and still picture alike). */
  private applyLiveView(): void {
    const layout = this.layout;
    if (!layout) return;
    const ratio = layout.pixelRatio;
    const rel = relativeView(this.drawnView, this.view);
    const camera = this.cameras.main;
    const zoom = ratio * rel.scale;
    // Phaser maps a world point p to O + zoom * (p - scroll - O), O the camera's middle in device px;
    // this scroll makes that ratio * (rel.scale * p + rel offset).
    const ox = camera.width / 2;
    const oy = camera.height / 2;
    camera.setZoom(zoom).setScroll((ox - ratio * rel.x) / zoom - ox, (oy - ratio * rel.y) / zoom - oy);
    this.options.backdrop().setTransform(rel.scale, rel.x, rel.y);
    this.invalidate();
  }

  // --- Picking a place or an actor --------------------------------------------------------

  /** The place or actor at a stage point (CSS px), if any is near enough to mean it. */
  pick(x: number, y: number): StageTarget | undefined {
    const layout = this.layout;
    if (!layout) return undefined;
    for (const emblem of this.actors.emblemPoints())
      if (Math.hypot(emblem.x - x, emblem.y - y) <= emblem.r * 1.4 + 4) return { kind: 'actor', id: emblem.id };
    const inPanel =
      layout.panel.width > 0 &&
      x >= layout.panel.x &&
      x <= layout.panel.x + layout.panel.width &&
      y >= layout.panel.y &&
      y <= layout.panel.y + layout.panel.height;
    if (inPanel || !this.map) return undefined;
    const reach = Math.max(18, layout.unit * 1.4);
    let best: { id: string; distance: number } | undefined;
    for (const place of this.map.placePoints()) {
      const at = this.live(place);
      const distance = Math.hypot(at.x - x, at.y - y);
      if (distance <= reach && (!best || distance < best.distance)) best = { id: place.id, distance };
    }
    return best && { kind: 'place', id: best.id };
  }

  /** Where a place or actor is on the stage now (CSS px), for tests and for pointing at it. */
  pointOf(target: StageTarget): { x: number; y: number } | undefined {
    if (target.kind === 'actor') {
      const emblem = this.actors.emblemPoints().find((e) => e.id === target.id);
      return emblem && { x: emblem.x, y: emblem.y };
    }
    const place = this.map?.placePoints().find((p) => p.id === target.id);
    return place && this.live(place);
  }

  /** Marks the chosen place or actor with a ring (or none). */
  select(target: StageTarget | undefined): void {
    this.selected = target;
    this.placeSelection();
    this.invalidate();
  }

  selection(): StageTarget | undefined {
    return this.selected;
  }

  private placeSelection(): void {
    const target = this.selected;
    const unit = this.layout?.unit ?? 12;
    this.placeRing.setVisible(false);
    this.actorRing.setVisible(false);
    if (!target) return;
    if (target.kind === 'actor') {
      const emblem = this.actors.emblemPoints().find((e) => e.id === target.id);
      if (!emblem) return;
      this.actorRing
        .setPosition(emblem.x, emblem.y)
        .setRadius(emblem.r * 1.45)
        .setStrokeStyle(Math.max(2, unit / 7), palette.selection, 1)
        .setVisible(true);
      return;
    }
    const place = this.map?.placePoints().find((p) => p.id === target.id);
    if (!place) return;
    this.placeRing
      .setPosition(place.x, place.y)
      .setRadius(unit * 0.85)
      .setStrokeStyle(Math.max(2, unit / 7), palette.selection, 1)
      .setVisible(true);
  }

  /** A point drawn for the drawn view, where the asked-for view shows it. */
  private live(point: { x: number; y: number }): { x: number; y: number } {
    const rel = relativeView(this.drawnView, this.view);
    return { x: rel.scale * point.x + rel.x, y: rel.scale * point.y + rel.y };
  }

  /** Lays everything out in CSS pixels; the cameras zoom by the pixel ratio to fill the device pixels. */
  private relayout(): void {
    const ratio = 1 / this.scale.zoom;
    const { width: deviceWidth, height: deviceHeight } = this.scale.gameSize;
    const width = deviceWidth / ratio;
    const height = deviceHeight / ratio;
    const { scenario } = this.options;
    const layout = layoutStage(width, height, { hasMap: Boolean(scenario.map), actors: scenario.actors.length }, ratio);
    this.layout = layout;
    for (const camera of [this.cameras.main, this.panelCamera])
      camera
        .setSize(deviceWidth, deviceHeight)
        .setZoom(ratio)
        .centerOn(width / 2, height / 2);
    // The map shows only through its own area: moved or zoomed, it never slides under the panel.
    const area = layout.mapArea;
    if (area.width > 0 && area.height > 0)
      this.cameras.main.setSize(Math.round(area.width * ratio), Math.round(area.height * ratio));
    // A picture baked for another size would be stretched wrong: the scene draws the map until the new one is in.
    this.options.backdrop().clear();
    this.options.backdrop().clipTo(area.width > 0 ? area : undefined);
    this.panel.setLayout(layout);
    this.actors.setLayout(layout);
    this.sweep.setLayout(layout);
    // A new size fits the map afresh; the student's view is kept within the new map area.
    this.view = clampView(this.view, layout.mapArea.width > 0 ? layout.mapArea : { x: 0, y: 0, width, height });
    this.layoutMap();
  }

  /** Fits the map into the layout's box as the student's view moves it, and draws it. */
  private layoutMap(): void {
    const layout = this.layout;
    if (!layout) return;
    const mapLayout = layout.mapFit ? { ...layout, mapFit: viewBox(layout.mapFit, this.view) } : layout;
    this.drawnView = this.view;
    // The map's new picture is started first: the old one keeps its stretch until the new is in.
    this.map?.setLayout(mapLayout);
    this.applyLiveView();
    this.consequences?.setLayout(mapLayout);
    this.placeSelection();
    this.invalidate();
  }
}

function changedStep(a: GameView, b: GameView): boolean {
  if (a.kind !== b.kind) return true;
  const id = (v: GameView) => (v.kind === 'decision' ? v.decisionId : v.endingId);
  return id(a) !== id(b) || a.path.length !== b.path.length;
}
