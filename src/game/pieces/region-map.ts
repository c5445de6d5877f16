/**
 * The region map: country shapes (when the atlas has loaded), a faint graticule, the scenario's
 * places as dots with short labels, and a scale bar. Drawn across the whole stage, with the places
 * fitted into the layout's map box. The shapes are baked into a texture and copied into the
 * backdrop under the canvas; the places and the scale's words are SVG over it (see backdrop.ts),
 * so WebGL draws none of the map in the frames of a transition.
 */
import type Phaser from 'phaser';
import { geoGraticule10, type GeoProjection } from 'd3-geo';
import type { MapLayers } from '../../scenario/schema.ts';
import type { Atlas } from '../atlas.ts';
import { svgElement, type Backdrop } from '../backdrop.ts';
import { placeLabels } from '../labels.ts';
import type { StageLayout } from '../stage-layout.ts';
import {
  fitRegion,
  kmCircle,
  pixelsPerKm,
  projectLines,
  type Box,
  type GeoRange,
  type ScreenLine,
} from '../projection.ts';
import { dashedPath, strokeLines } from './draw.ts';
import { css, fontFamily, palette } from '../palette.ts';
import { measuredText } from './text.ts';
import { svgText } from '../svg-text.ts';
import { panelFade } from './panel.ts';
import { countriesInView, placeCountryNames, type PlacedCountry } from '../country-labels.ts';

interface PlaceMarker {
  /** Where the dot is (CSS px), its radius and its halo's. */
  x: number;
  y: number;
  r: number;
  halo: number;
  /** Measures and wraps the name, which is drawn as SVG. */
  label: Phaser.GameObjects.Text;
}

export { formatKm };

export class RegionMap {
  /** The static layers, drawn once per layout into a texture: redrawing them every frame costs too much. */
  private readonly baked: Phaser.GameObjects.RenderTexture;
  private readonly base: Phaser.GameObjects.Graphics;
  private readonly overlay: Phaser.GameObjects.Graphics;
  private readonly markers: PlaceMarker[];
  private readonly ripples: Phaser.GameObjects.Arc[];
  private rippleStart: number | undefined;
  private readonly scaleLabel: Phaser.GameObjects.Text;
  private readonly ranges: GeoRange[];
  private atlas: Atlas | undefined;
  private layout: StageLayout | undefined;
  private projection: GeoProjection | undefined;
  /** Measures the countries' names (one Text per name met so far). */
  private readonly countryTexts = new Map<string, Phaser.GameObjects.Text>();
  private countryNames: PlacedCountry[] = [];
  /** Per country name, how far its letters' top is below its Text's top (px), at the size last measured. */
  private readonly countryInk = new Map<string, number>();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly map: MapLayers,
    private readonly backdrop: Backdrop,
    private readonly redraw: () => void = () => {},
    /** Told the countries named on the map, whenever they change. */
    private readonly onCountries: (names: readonly string[]) => void = () => {},
  ) {
    this.baked = scene.add.renderTexture(0, 0, 16, 16).setOrigin(0, 0).setDepth(0);
    this.base = scene.make.graphics({}, false);
    this.overlay = scene.make.graphics({}, false);
    this.ranges = (map.ranges ?? []).flatMap((range) => {
      const center = map.places.find((p) => p.id === range.center);
      return center ? [{ lat: center.lat, lon: center.lon, km: range.km }] : [];
    });
    const labelStyle = { fontFamily, color: palette.text, stroke: palette.labelStroke, strokeThickness: 4 };
    this.markers = map.places.map((place) => ({
      x: -9999,
      y: -9999,
      r: 4,
      halo: 8,
      label: measuredText(scene, place.name, labelStyle),
    }));
    this.ripples = map.places.map(() =>
      scene.add.circle(0, 0, 1).setStrokeStyle(1.5, palette.place, 0.7).setFillStyle().setDepth(3).setVisible(false),
    );
    this.scaleLabel = measuredText(scene, '', {
      fontFamily,
      color: palette.textMuted,
      stroke: palette.labelStroke,
      strokeThickness: 3,
    }).setOrigin(0, 1);
  }

  /** Where a map place is on screen at the current fit (undefined before a layout, or for an unknown place). */
  point(placeId: string): [number, number] | undefined {
    const place = this.map.places.find((p) => p.id === placeId);
    if (!place || !this.projection) return undefined;
    return (this.projection([place.lon, place.lat]) as [number, number] | null) ?? undefined;
  }

  /** A true km circle around a place, projected to screen lines (empty before a layout). */
  circle(placeId: string, km: number): ScreenLine[] {
    const place = this.map.places.find((p) => p.id === placeId);
    if (!place || !this.projection) return [];
    // About one point per 4 px of rim (24 to 180 points): a finer circle only costs triangulating.
    const points = Math.min(180, Math.max(24, (2 * Math.PI * km * pixelsPerKm(this.projection)) / 4));
    return projectLines(this.projection, kmCircle({ lat: place.lat, lon: place.lon }, km, 360 / points));
  }

  /** Screen pixels per km at the centre of the current fit. */
  pxPerKm(): number {
    return this.projection ? pixelsPerKm(this.projection) : 0;
  }

  /** Km per screen pixel at the centre of the current fit: lets the stage choose the atlas detail. */
  kmPerPixel(): number | undefined {
    return this.projection ? 1 / pixelsPerKm(this.projection) : undefined;
  }

  setAtlas(atlas: Atlas): void {
    this.atlas = atlas;
    this.drawBase();
    // The countries' names come with their shapes.
    this.drawOverlay();
    this.bake();
  }

  setLayout(layout: StageLayout): void {
    this.layout = layout;
    const fit = layout.mapFit;
    if (!fit) return;
    const clip: Box = { x: -4, y: -4, width: layout.width + 8, height: layout.height + 8 };
    this.projection = fitRegion(this.map.places, this.ranges, fit, clip);
    this.drawBase();
    this.drawOverlay();
    this.bake();
  }

  /** Draws the static layers into the texture at the stage's pixel density. */
  private bake(): void {
    const layout = this.layout;
    if (!layout) return;
    const ratio = layout.pixelRatio;
    const width = Math.max(1, Math.round(layout.width * ratio));
    const height = Math.max(1, Math.round(layout.height * ratio));
    const rt = this.baked;
    if (rt.width !== width || rt.height !== height) rt.resize(width, height, false);
    rt.setScale(1 / ratio);
    this.base.setScale(ratio);
    this.overlay.setScale(ratio);
    rt.clear();
    rt.draw(this.base);
    rt.draw(this.overlay);
    rt.render();
    // The texture shows only until a first copy is on screen in the backdrop (a newer copy
    // replaces an older one there once it is in).
    const renderer = this.scene.renderer;
    let copying = false;
    try {
      copying =
        'gl' in renderer &&
        this.backdrop.copy(renderer, rt.texture as Phaser.Textures.DynamicTexture, () => {
          rt.setVisible(false);
          this.redraw();
        });
    } catch (error) {
      console.error('Branchpoint stage: could not copy the map to its backdrop', error);
    }
    rt.setVisible(!copying || !this.backdrop.hasPicture());
  }

  /** The places' ids and where their dots are now (for picking one by pointer). */
  placePoints(): Array<{ id: string; x: number; y: number }> {
    return this.map.places.map((place, i) => ({ id: place.id, x: this.markers[i]!.x, y: this.markers[i]!.y }));
  }

  /** Where the places' dots (with their halos) and names are (CSS px), for other labels to keep clear of. */
  markerBoxes(): Box[] {
    return this.markers.flatMap(({ x, y, halo, label }) => [
      { x: x - halo, y: y - halo, width: halo * 2, height: halo * 2 },
      { x: label.x, y: label.y, width: label.width, height: label.height },
    ]);
  }

  /** A ripple from every place: part of the transition between views (played by step()). */
  ripple(): void {
    this.rippleStart = this.scene.time.now;
    this.step(this.rippleStart);
  }

  /**
   * Moves the ripple on to `now` (the scene's clock); true while it plays. Driven by the scene's
   * update rather than tweens: one ring per place, made with the layout, so a choice makes no
   * shapes or tweens (making them was a good part of a choice's cost).
   */
  step(now: number): boolean {
    if (this.rippleStart === undefined) return false;
    const elapsed = now - this.rippleStart;
    const playing = elapsed < RIPPLE_MS + RIPPLE_STAGGER_MS * Math.max(0, this.markers.length - 1);
    for (const [i, marker] of this.markers.entries()) {
      const t = Math.min(1, Math.max(0, (elapsed - i * RIPPLE_STAGGER_MS) / RIPPLE_MS));
      const eased = Math.sin((t * Math.PI) / 2); // Sine.easeOut
      this.ripples[i]
        ?.setPosition(marker.x, marker.y)
        .setRadius(marker.r + (marker.halo * 2.6 - marker.r) * eased)
        .setAlpha(1 - eased)
        .setVisible(playing);
    }
    if (!playing) this.rippleStart = undefined;
    return playing;
  }

  private drawBase(): void {
    const g = this.base.clear();
    const projection = this.projection;
    const layout = this.layout;
    if (!projection || !layout) return;
    const unit = layout.unit;
    const thin = Math.max(1, unit / 14);

    const graticule = projectLines(projection, geoGraticule10());
    const atlas = this.atlas;
    if (!atlas) {
      g.lineStyle(thin, palette.graticule, 1);
      strokeLines(g, graticule);
      return;
    }
    g.fillStyle(palette.land, 1);
    for (const ring of projectLines(projection, atlas.countries)) {
      if (!ring.closed) continue;
      fillRing(g, ring);
    }
    g.lineStyle(thin * 1.2, palette.coast, 0.95);
    strokeLines(g, projectLines(projection, atlas.coast));
    g.lineStyle(thin, palette.border, 0.75);
    strokeLines(g, projectLines(projection, atlas.borders));
    g.lineStyle(thin, palette.disputed, 0.85);
    dashedLines(g, projectLines(projection, atlas.disputed), unit * 0.35, unit * 0.3);
    // The graticule over land and sea alike, barely there: it says "map" without competing.
    g.lineStyle(thin, palette.graticule, 0.5);
    strokeLines(g, graticule);
  }

  private drawOverlay(): void {
    const g = this.overlay.clear();
    const projection = this.projection;
    const layout = this.layout;
    if (!projection || !layout?.mapFit) return;
    const unit = layout.unit;

    // Ranges are drawn by the consequences layer, only while the picture shows them.
    // Places: a dot, a halo, and a label placed where it overlaps least.
    const points = this.map.places.map(
      (place): [number, number] => projection([place.lon, place.lat]) ?? [-9999, -9999],
    );
    const dotRadius = Math.max(3, unit * 0.3);
    for (const [i, marker] of this.markers.entries()) {
      [marker.x, marker.y] = points[i]!;
      marker.r = dotRadius;
      marker.halo = dotRadius * 2.2;
      // Long names wrap rather than run off a phone's stage.
      marker.label
        .setFontSize(Math.max(12, Math.round(unit * 0.95)))
        .setStroke(palette.labelStroke, Math.max(3, unit / 4))
        .setWordWrapWidth(Math.max(unit * 9, Math.min(unit * 14, layout.mapArea.width * 0.4)), true);
    }
    const bounds = {
      x: 2,
      y: 2,
      width: (layout.mode === 'side' ? layout.panel.x : layout.width) - 4,
      height: (layout.mode === 'below' ? layout.panel.y : layout.height) - 4,
    };
    // The scale bar's corner (drawn below) takes no place name.
    const barBottom = layout.mode === 'below' ? layout.panel.y - unit * 2.4 : layout.height;
    const avoid: Box[] = [{ x: 0, y: barBottom - unit * 2, width: unit * 12, height: unit * 2 }];
    const placed = placeLabels(
      points.map(([x, y]) => ({ x, y })),
      this.markers.map((m) => ({ width: m.label.width, height: m.label.height })),
      bounds,
      dotRadius * 2.4,
      avoid,
    );
    for (const [i, marker] of this.markers.entries())
      marker.label.setPosition(Math.round(placed[i]!.x), Math.round(placed[i]!.y));

    this.drawScaleBar(g, projection, layout);
    // The countries' names keep out of the panel's fade too, where they would be dimmed.
    const fade = panelFade(unit);
    const namesBounds = {
      ...bounds,
      width: bounds.width - (layout.mode === 'side' ? fade : 0),
      height: bounds.height - (layout.mode === 'below' ? fade : 0),
    };
    this.placeCountries(projection, layout, namesBounds, [...avoid, ...this.markerBoxes(), this.scaleBox()]);
    this.drawMarks(unit);
  }

  /** The countries named on the map now, the scenario's own first (see country-labels.ts). */
  countriesNamed(): string[] {
    return this.countryNames.map((c) => c.name);
  }

  /** Names the countries in view where they keep clear of everything in `avoid` (the places first). */
  private placeCountries(projection: GeoProjection, layout: StageLayout, bounds: Box, avoid: Box[]): void {
    const before = this.countriesNamed().join('\n');
    const size = Math.max(12, Math.round(layout.unit * 0.8));
    const stroke = Math.max(3, layout.unit / 4);
    const sizeOf = (name: string) => {
      const text = this.countryText(name).setFontSize(size).setStroke(palette.labelStroke, stroke);
      // Capitals have no descenders: the name's box is its letters with their outline, not the
      // line's full height (which on a phone's small map leaves no gap between the places for it).
      const ink = inkOf(text, name.toLocaleUpperCase('en'), size);
      const ascent = text.getTextMetrics().ascent;
      this.countryInk.set(name, ascent - ink.ascent);
      // The SVG letter-spacing widens the name by a fraction of the font size per letter.
      return { width: text.width + name.length * size * COUNTRY_SPACING, height: ink.ascent + ink.descent + stroke };
    };
    const places = this.map.places.map((p): [number, number] => [p.lon, p.lat]);
    this.countryNames = this.atlas
      ? placeCountryNames(countriesInView(projection, this.atlas.countries, bounds, places), sizeOf, bounds, avoid)
      : [];
    for (const { name, x, y } of this.countryNames)
      this.countryText(name).setPosition(Math.round(x), Math.round(y - (this.countryInk.get(name) ?? 0)));
    const after = this.countriesNamed();
    if (after.join('\n') !== before) this.onCountries(after);
  }

  private countryText(name: string): Phaser.GameObjects.Text {
    let text = this.countryTexts.get(name);
    if (!text) {
      text = measuredText(this.scene, name.toLocaleUpperCase('en'), {
        fontFamily,
        color: palette.countryName,
        stroke: palette.labelStroke,
        strokeThickness: 3,
      });
      this.countryTexts.set(name, text);
    }
    return text;
  }

  /** Where the scale's words are (CSS px). */
  private scaleBox(): Box {
    const l = this.scaleLabel;
    return { x: l.x - l.displayOriginX, y: l.y - l.displayOriginY, width: l.width, height: l.height };
  }

  /** The places' dots, halos and names, and the scale's words, as SVG over the consequences. */
  private drawMarks(unit: number): void {
    const marks = document.createDocumentFragment();
    for (const { x, y, r, halo } of this.markers)
      marks.append(
        circle(x, y, halo, {
          stroke: css(palette.placeHalo),
          'stroke-opacity': 0.4,
          'stroke-width': Math.max(1, unit / 12),
        }),
        circle(x, y, r, {
          fill: css(palette.place),
          stroke: css(palette.panel),
          'stroke-opacity': 0.9,
          'stroke-width': 1.5,
        }),
      );
    // The countries' names first, so the places' names are drawn over them.
    for (const { name } of this.countryNames) {
      const text = svgText(this.countryText(name));
      text.setAttribute('letter-spacing', `${COUNTRY_SPACING}em`);
      text.setAttribute('class', 'country-name');
      marks.append(text);
    }
    for (const { label } of this.markers) marks.append(svgText(label));
    marks.append(svgText(this.scaleLabel));
    this.backdrop.marks.replaceChildren(marks);
  }

  private drawScaleBar(g: Phaser.GameObjects.Graphics, projection: GeoProjection, layout: StageLayout): void {
    const unit = layout.unit;
    const pxPerKm = pixelsPerKm(projection);
    const km = niceKm((unit * 7) / pxPerKm);
    const length = km * pxPerKm;
    const x = Math.round(unit * 0.9);
    const bottom = layout.mode === 'below' ? layout.panel.y - unit * 2.4 : layout.height;
    const y = Math.round(bottom - unit * 0.9);
    const tick = unit * 0.4;
    g.lineStyle(Math.max(1.5, unit / 9), palette.scale, 0.95);
    g.lineBetween(x, y, x + length, y);
    g.lineBetween(x, y - tick, x, y);
    g.lineBetween(x + length / 2, y - tick * 0.6, x + length / 2, y);
    g.lineBetween(x + length, y - tick, x + length, y);
    this.scaleLabel
      .setText(`${formatKm(km)} km`)
      .setFontSize(Math.max(12, Math.round(unit * 0.8)))
      .setPosition(x + length + unit * 0.45, y + unit * 0.3);
  }
}

/**
 * How far a text's letters reach above and below its baseline (px), measured on the Text's own
 * canvas in the name's font; the font's ascent and descent stand in where the browser cannot say.
 */
function inkOf(text: Phaser.GameObjects.Text, words: string, size: number): { ascent: number; descent: number } {
  const metrics = text.getTextMetrics();
  const context = text.context;
  context.font = `${size}px ${fontFamily}`;
  const measured = context.measureText(words);
  const ascent = measured.actualBoundingBoxAscent;
  const descent = measured.actualBoundingBoxDescent;
  return Number.isFinite(ascent) && Number.isFinite(descent) && ascent > 0
    ? { ascent, descent: Math.max(0, descent) }
    : { ascent: metrics.ascent, descent: metrics.descent };
}

/** Country names are letter-spaced by this fraction of their font size: quieter than the places. */
const COUNTRY_SPACING = 0.12;

/** Each place's ripple grows for this long, one place after another by the stagger. */
const RIPPLE_MS = 1100;
const RIPPLE_STAGGER_MS = 90;

function circle(x: number, y: number, r: number, paint: Record<string, string | number>): SVGCircleElement {
  // A tenth of a CSS px is finer than any screen shows, and keeps the attributes short.
  const tenth = (value: number) => Math.round(value * 10) / 10;
  return svgElement('circle', { cx: tenth(x), cy: tenth(y), r: tenth(r), fill: 'none', ...paint });
}

function fillRing(g: Phaser.GameObjects.Graphics, ring: ScreenLine): void {
  const p = ring.points;
  g.beginPath();
  g.moveTo(p[0]!, p[1]!);
  for (let i = 2; i < p.length; i += 2) g.lineTo(p[i]!, p[i + 1]!);
  g.closePath();
  g.fillPath();
}

function dashedLines(g: Phaser.GameObjects.Graphics, lines: ScreenLine[], dash: number, gap: number): void {
  for (const line of lines) dashedPath(g, line, dash, gap);
}

function niceKm(km: number): number {
  const steps = [10, 20, 25, 50, 100, 150, 200, 250, 500, 1000, 2000, 2500, 5000];
  let best = steps[0]!;
  for (const step of steps) if (step <= km) best = step;
  return best;
}

function formatKm(km: number): string {
  return km.toLocaleString('en-US');
}
