/**
 * What the choices did, on the map: marked areas (fill and outline by kind), the ranges the
 * picture shows (with their labels on the map), strike arcs from launch place to target, and a
 * pulse on the places the last choice was about. Drawn only when the picture or the layout
 * changes; a new strike is drawn along its arc unless reduced motion is asked for.
 *
 * Everything but the newest strike is drawn once into a texture: Phaser re-tessellates a Graphics
 * object's every segment on every frame, and the dashed circles and arcs redrawn that way cost
 * most of each frame during a transition under software WebGL. The labels exist from the start,
 * so a choice only changes their text.
 */
import type Phaser from 'phaser';
import type { StageFrame, StagePicture } from '../../engine/stage.ts';
import type { MapLayers } from '../../scenario/schema.ts';
import type { StageLayout } from '../stage-layout.ts';
import { pictureKey } from '../../engine/stage-words.ts';
import { AREA_STYLES } from '../picture-style.ts';
import { fontFamily, palette } from '../palette.ts';
import { dashedPath, strokeLines } from './draw.ts';
import { fillRing, formatKm, type RegionMap } from './region-map.ts';
import { addText } from './text.ts';
import { arcPoint } from '../arc.ts';

export class Consequences {
  /** The still part of the picture, baked at the stage's pixel density. */
  private readonly baked: Phaser.GameObjects.RenderTexture;
  /** Drawn into `baked`, never by the scene. */
  private readonly areas: Phaser.GameObjects.Graphics;
  /** The newest strikes, drawn live while their arcs grow. */
  private readonly strikes: Phaser.GameObjects.Graphics;
  private readonly areaLabels = new Map<string, Phaser.GameObjects.Text>();
  private readonly rangeLabels = new Map<string, Phaser.GameObjects.Text>();
  private pulses: Phaser.GameObjects.Arc[] = [];
  private picture: StagePicture | undefined;
  private key = '';
  private layout: StageLayout | undefined;
  /** How far the newest strikes are drawn along their arcs (1: whole). */
  private progress = 1;
  private newestStep = -1;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly map: MapLayers,
    private readonly region: RegionMap,
    private readonly reducedMotion: boolean,
  ) {
    this.baked = scene.add.renderTexture(0, 0, 16, 16).setOrigin(0, 0).setDepth(1);
    this.areas = scene.make.graphics({}, false);
    this.strikes = scene.add.graphics().setDepth(2);
    for (const place of map.places) this.label(this.areaLabels, place.id, palette.text);
    for (const range of map.ranges ?? []) this.label(this.rangeLabels, range.id, palette.textFocus);
  }

  /** The picture as last drawn (for the test probe). */
  drawn(): StagePicture | undefined {
    return this.picture;
  }

  setLayout(layout: StageLayout): void {
    this.layout = layout;
    // Sized with the layout, so a choice only changes their words.
    const size = Math.max(12, Math.round(layout.unit * 0.8));
    for (const label of [...this.areaLabels.values(), ...this.rangeLabels.values()]) label.setFontSize(size);
    this.draw();
    if (this.picture) this.pulse(false);
  }

  /** Shows a frame; does nothing when the picture is the one already drawn. */
  show(frame: StageFrame, animate: boolean): void {
    const key = pictureKey(frame.picture);
    if (key === this.key) return;
    this.key = key;
    const previousStrikes = this.picture?.strikes.length ?? 0;
    this.picture = frame.picture;
    const grew = frame.picture.strikes.length > previousStrikes;
    this.newestStep = frame.picture.strikes.at(-1)?.step ?? -1;
    const growing = grew && animate && !this.reducedMotion;
    this.progress = growing ? 0 : 1;
    this.draw();
    if (growing) {
      const state = { t: 0 };
      this.scene.tweens.add({
        targets: state,
        t: 1,
        duration: 1200,
        ease: 'Sine.easeInOut',
        onUpdate: () => {
          this.progress = state.t;
          this.drawNewest();
        },
        onComplete: () => {
          this.progress = 1;
          this.drawNewest();
        },
      });
    }
    this.pulse(animate);
  }

  private draw(): void {
    this.drawAreas();
    this.drawStrikes(this.areas, (step) => step !== this.newestStep);
    this.bake();
    this.drawStrikes(this.strikes.clear(), (step) => step === this.newestStep);
  }

  /** Draws the still picture (areas, ranges, older strikes) into the texture. */
  private bake(): void {
    const layout = this.layout;
    if (!layout) return;
    const ratio = layout.pixelRatio;
    const width = Math.max(1, Math.round(layout.width * ratio));
    const height = Math.max(1, Math.round(layout.height * ratio));
    const rt = this.baked;
    if (rt.width !== width || rt.height !== height) rt.resize(width, height, false);
    rt.setScale(1 / ratio);
    this.areas.setScale(ratio);
    rt.clear();
    rt.draw(this.areas);
    rt.render();
  }

  private drawNewest(): void {
    this.drawStrikes(this.strikes.clear(), (step) => step === this.newestStep);
  }

  private unit(): number {
    return this.layout?.unit ?? 12;
  }

  private drawAreas(): void {
    const g = this.areas.clear();
    const picture = this.picture;
    for (const label of [...this.areaLabels.values(), ...this.rangeLabels.values()]) label.setVisible(false);
    if (!picture || !this.layout?.mapFit) return;
    const unit = this.unit();
    for (const area of picture.areas) {
      const style = AREA_STYLES[area.kind];
      const rings = this.region.circle(area.place, area.km);
      g.fillStyle(style.color, style.fill);
      for (const ring of rings) if (ring.closed) fillRing(g, ring);
      const width = Math.max(1.5, area.kind === 'front' ? unit / 4 : unit / 8);
      g.lineStyle(width, style.color, 0.95);
      if (style.dashed) for (const ring of rings) dashedPath(g, ring, unit * 0.45, unit * 0.3);
      else strokeLines(g, rings);
      if (area.label) {
        const label = this.label(this.areaLabels, area.place, palette.text);
        const at = this.region.point(area.place);
        const r = area.km * this.region.pxPerKm();
        setLabel(label, area.label, Math.max(12, Math.round(unit * 0.8)), Math.max(unit * 8, r * 2.4));
        // A small area's label would sit on its place's own name: the words beside the stage say it.
        if (at && r * 2 >= label.width * 0.6)
          label.setPosition(Math.round(at[0]), Math.round(at[1] + r + unit * 0.2)).setVisible(true);
      }
    }
    for (const id of picture.ranges) {
      const range = this.map.ranges?.find((r) => r.id === id);
      if (!range) continue;
      const rings = this.region.circle(range.center, range.km);
      g.fillStyle(palette.rangeFill, 0.07);
      for (const ring of rings) if (ring.closed) fillRing(g, ring);
      g.lineStyle(Math.max(1.5, unit / 9), palette.range, 0.85);
      for (const ring of rings) dashedPath(g, ring, unit * 0.6, unit * 0.35);
      // The label says what the circle means, just inside its top where the rim clears its corners.
      const at = this.region.point(range.center);
      if (!at) continue;
      const radius = range.km * this.region.pxPerKm();
      const label = setLabel(
        this.label(this.rangeLabels, id, palette.textFocus),
        range.label || `${formatKm(range.km)} km`,
        Math.max(12, Math.round(unit * 0.8)),
        Math.max(unit * 8, radius * 1.3),
      );
      const top = at[1] - radius;
      label.setPosition(Math.round(at[0]), Math.round(Math.max(2, top + unit * 0.5))).setVisible(true);
    }
  }

  private drawStrikes(g: Phaser.GameObjects.Graphics, which: (step: number) => boolean): void {
    const picture = this.picture;
    if (!picture || !this.layout?.mapFit) return;
    const unit = this.unit();
    for (const strike of picture.strikes) {
      if (!which(strike.step)) continue;
      const a = this.region.point(strike.from);
      const b = this.region.point(strike.to);
      if (!a || !b) continue;
      const newest = strike.step === this.newestStep;
      const end = newest ? this.progress : 1;
      const steps = 32;
      g.lineStyle(Math.max(2, unit / 5), newest ? palette.focus : palette.range, newest ? 1 : 0.7);
      g.beginPath();
      g.moveTo(a[0], a[1]);
      let last = a;
      let before = a;
      for (let i = 1; i <= Math.ceil(steps * end); i++) {
        before = last;
        last = arcPoint(a, b, Math.min(end, i / steps));
        g.lineTo(last[0], last[1]);
      }
      g.strokePath();
      if (end > 0.02) {
        // An arrowhead where the arc has got to, pointing along it.
        const angle = Math.atan2(last[1] - before[1], last[0] - before[0]);
        const size = Math.max(6, unit * 0.7);
        g.fillStyle(newest ? palette.focus : palette.range, newest ? 1 : 0.8);
        g.fillTriangle(
          last[0],
          last[1],
          last[0] - size * Math.cos(angle - 0.45),
          last[1] - size * Math.sin(angle - 0.45),
          last[0] - size * Math.cos(angle + 0.45),
          last[1] - size * Math.sin(angle + 0.45),
        );
      }
    }
  }

  /** Rings on the highlighted places: pulsing a few times, or standing still under reduced motion. */
  private pulse(animate: boolean): void {
    for (const p of this.pulses) p.destroy();
    this.pulses = [];
    const unit = this.unit();
    for (const place of this.picture?.highlights ?? []) {
      const at = this.region.point(place);
      if (!at) continue;
      const ring = this.scene.add
        .circle(at[0], at[1], unit * 0.9)
        .setFillStyle()
        .setStrokeStyle(Math.max(2, unit / 6), palette.focus, 1)
        .setDepth(3);
      this.pulses.push(ring);
      if (animate && !this.reducedMotion)
        this.scene.tweens.add({
          targets: ring,
          scale: { from: 0.6, to: 1.8 },
          alpha: { from: 1, to: 0.35 },
          duration: 900,
          repeat: 2,
          ease: 'Sine.easeOut',
          onComplete: () => ring.setScale(1).setAlpha(1),
        });
    }
  }

  private label(labels: Map<string, Phaser.GameObjects.Text>, id: string, color: string): Phaser.GameObjects.Text {
    let label = labels.get(id);
    if (!label) {
      label = addText(this.scene, '', {
        fontFamily,
        color,
        stroke: palette.labelStroke,
        strokeThickness: 4,
        align: 'center',
      })
        .setOrigin(0.5, 0)
        .setDepth(4)
        .setVisible(false);
      labels.set(id, label);
    }
    return label;
  }
}

/**
 * Sets a label's words, size and wrapping width, each only if it changed: every change draws the
 * text again and uploads it to the GPU, which a choice should pay once per label at most.
 */
function setLabel(label: Phaser.GameObjects.Text, text: string, size: number, wrap: number): Phaser.GameObjects.Text {
  const width = Math.round(wrap);
  // A new size redraws at once (Phaser measures the font then); a new width waits for the text.
  label.setFontSize(size);
  const rewrap = label.style.wordWrapWidth !== width || !label.style.wordWrapUseAdvanced;
  label.style.wordWrapWidth = width;
  label.style.wordWrapUseAdvanced = true;
  if (label.text !== text) label.setText(text);
  else if (rewrap) label.updateText();
  return label;
}
