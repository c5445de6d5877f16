/**
 * What the choices did, on the map: marked areas (fill and outline by kind), the ranges the
 * picture shows (with their labels on the map), strike arcs from launch place to target, and a
 * pulse on the places the last choice was about. Drawn only when the picture or the layout
 * changes; a new strike is drawn along its arc unless reduced motion is asked for.
 *
 * Everything but the newest strike is SVG in the backdrop under the canvas (see backdrop.ts):
 * WebGL then draws none of it in the frames of a transition. The newest strike grows in WebGL, a
 * few dozen segments. The labels are WebGL texts that exist from the start, so a choice only
 * changes their words.
 */
import type Phaser from 'phaser';
import type { StageFrame, StagePicture } from '../../engine/stage.ts';
import type { MapLayers } from '../../scenario/schema.ts';
import type { StageLayout } from '../stage-layout.ts';
import { pictureKey } from '../../engine/stage-words.ts';
import { AREA_STYLES } from '../picture-style.ts';
import { css, fontFamily, palette } from '../palette.ts';
import { formatKm, type RegionMap } from './region-map.ts';
import { measuredText } from './text.ts';
import { svgText } from '../svg-text.ts';
import { clearestBox } from '../labels.ts';
import type { Box } from '../projection.ts';
import { arcPoint } from '../arc.ts';
import { linesPath, strikePaths } from '../svg-path.ts';
import { svgElement } from '../backdrop.ts';

export class Consequences {
  /** The newest strikes, drawn live while their arcs grow. */
  private readonly strikes: Phaser.GameObjects.Graphics;
  private readonly areaLabels = new Map<string, Phaser.GameObjects.Text>();
  private readonly rangeLabels = new Map<string, Phaser.GameObjects.Text>();
  private readonly pulses: Phaser.GameObjects.Arc[] = [];
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
    /** The SVG under the canvas that holds the still part of the picture. */
    private readonly drawing: SVGSVGElement,
  ) {
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
    // Built apart and put in at once, so the page lays out and paints the picture once.
    const still = document.createDocumentFragment();
    this.drawAreas(still);
    this.drawOlderStrikes(still);
    for (const label of [...this.areaLabels.values(), ...this.rangeLabels.values()])
      if (label.visible) still.append(svgText(label));
    this.drawing.replaceChildren(still);
    this.drawNewest();
  }

  private unit(): number {
    return this.layout?.unit ?? 12;
  }

  private drawAreas(into: DocumentFragment): void {
    const picture = this.picture;
    for (const label of [...this.areaLabels.values(), ...this.rangeLabels.values()]) label.setVisible(false);
    if (!picture || !this.layout?.mapFit) return;
    const unit = this.unit();
    for (const area of picture.areas) {
      const style = AREA_STYLES[area.kind];
      const rings = this.region.circle(area.place, area.km);
      const width = Math.max(1.5, area.kind === 'front' ? unit / 4 : unit / 8);
      into.append(
        shape(linesPath(rings.filter((ring) => ring.closed)), { fill: css(style.color), 'fill-opacity': style.fill }),
        shape(linesPath(rings), {
          stroke: css(style.color),
          'stroke-opacity': 0.95,
          'stroke-width': width,
          ...(style.dashed ? { 'stroke-dasharray': `${unit * 0.45} ${unit * 0.3}` } : {}),
        }),
      );
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
    // Range labels keep clear of the places and of the areas' labels.
    const obstacles = [
      ...this.region.markerBoxes(),
      ...[...this.areaLabels.values()]
        .filter((label) => label.visible)
        .map((label) => ({ x: label.x - label.width / 2, y: label.y, width: label.width, height: label.height })),
    ];
    for (const id of picture.ranges) {
      const range = this.map.ranges?.find((r) => r.id === id);
      if (!range) continue;
      const rings = this.region.circle(range.center, range.km);
      into.append(
        shape(linesPath(rings.filter((ring) => ring.closed)), { fill: css(palette.rangeFill), 'fill-opacity': 0.07 }),
        shape(linesPath(rings), {
          stroke: css(palette.range),
          'stroke-opacity': 0.85,
          'stroke-width': Math.max(1.5, unit / 9),
          'stroke-dasharray': `${unit * 0.6} ${unit * 0.35}`,
        }),
      );
      const at = this.region.point(range.center);
      if (at) this.placeRangeLabel(id, range.label || `${formatKm(range.km)} km`, range.km, at, obstacles);
    }
  }

  /**
   * The label says what the circle means: just inside its top where the rim clears its corners,
   * else under or over the circle, in the scenario's words or, where those would cover a place's
   * name (a small map on a phone), in a few ("300 km range").
   */
  private placeRangeLabel(id: string, words: string, km: number, at: [number, number], obstacles: Box[]): void {
    const unit = this.unit();
    const radius = km * this.region.pxPerKm();
    const label = this.label(this.rangeLabels, id, palette.textFocus);
    const size = Math.max(12, Math.round(unit * 0.8));
    const wrap = Math.max(unit * 8, radius * 1.3);
    const top = at[1] - radius;
    // Inside the top, under the circle, over it (centred, then nudged right or left); beside it.
    const spots = (): Box[] => {
      const { width, height } = label;
      const rows = [top + unit * 0.5, at[1] + radius + unit * 0.2, top - height - unit * 0.2];
      const columns = [0.5, 0.2, 0.8].map((share) => at[0] - width * share);
      const beside = [at[0] + radius + unit * 0.3, at[0] - radius - unit * 0.3 - width];
      return [
        ...rows.flatMap((y) => columns.map((x) => ({ x, y, width, height }))),
        ...beside.map((x) => ({ x, y: at[1] - height / 2, width, height })),
      ];
    };
    // The scenario's words if they have a clear spot, else the few words where they cover least.
    for (const text of [words, `${formatKm(km)} km range`]) {
      setLabel(label, text, size, wrap);
      const boxes = spots();
      const { index, clear } = clearestBox(boxes, obstacles, this.layout!.mapArea);
      const box = boxes[index]!;
      label.setPosition(Math.round(box.x + box.width / 2), Math.round(box.y)).setVisible(true);
      if (clear) return;
    }
  }

  /** The strikes of earlier steps, whole, in the SVG. */
  private drawOlderStrikes(into: DocumentFragment): void {
    const picture = this.picture;
    if (!picture || !this.layout?.mapFit) return;
    const unit = this.unit();
    for (const strike of picture.strikes) {
      if (strike.step === this.newestStep) continue;
      const a = this.region.point(strike.from);
      const b = this.region.point(strike.to);
      if (!a || !b) continue;
      const { arc, head } = strikePaths(a, b, 1, Math.max(6, unit * 0.7));
      into.append(
        shape(arc, { stroke: css(palette.range), 'stroke-opacity': 0.7, 'stroke-width': Math.max(2, unit / 5) }),
        shape(head, { fill: css(palette.range), 'fill-opacity': 0.8 }),
      );
    }
  }

  /** The newest step's strikes, live in WebGL, as far along their arcs as they have grown. */
  private drawNewest(): void {
    const g = this.strikes.clear();
    const picture = this.picture;
    if (!picture || !this.layout?.mapFit) return;
    const unit = this.unit();
    for (const strike of picture.strikes) {
      if (strike.step !== this.newestStep) continue;
      const a = this.region.point(strike.from);
      const b = this.region.point(strike.to);
      if (!a || !b) continue;
      const end = this.progress;
      const steps = 32;
      g.lineStyle(Math.max(2, unit / 5), palette.focus, 1);
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
        g.fillStyle(palette.focus, 1);
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
    // Rings are kept and reused: making shapes and tweens is most of what a choice costs here.
    for (const ring of this.pulses) {
      this.scene.tweens.killTweensOf(ring);
      ring.setVisible(false);
    }
    const unit = this.unit();
    let used = 0;
    for (const place of this.picture?.highlights ?? []) {
      const at = this.region.point(place);
      if (!at) continue;
      const ring = (this.pulses[used++] ??= this.scene.add.circle(0, 0, 1).setFillStyle().setDepth(3));
      ring
        .setPosition(at[0], at[1])
        .setRadius(unit * 0.9)
        .setStrokeStyle(Math.max(2, unit / 6), palette.focus, 1)
        .setScale(1)
        .setAlpha(1)
        .setVisible(true);
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
      // Shown as SVG; its visibility says whether the picture shows it.
      label = measuredText(this.scene, '', {
        fontFamily,
        color,
        stroke: palette.labelStroke,
        strokeThickness: 4,
        align: 'center',
      })
        .setOrigin(0.5, 0)
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

/** A path in the SVG: no fill or stroke unless given, round joins like the WebGL lines. */
function shape(d: string, paint: Record<string, string | number>): SVGPathElement {
  return svgElement('path', { d, fill: 'none', 'stroke-linejoin': 'round', ...paint });
}
