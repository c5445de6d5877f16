/**
 * The world-state meters as segmented gauges (one segment per step when the range is small, a
 * smooth bar otherwise). A change fills or empties segments over half a second; what was gained
 * shows brighter and what was lost stays as an outline until the next change. One hue for up and
 * down: a meter going up is not shown as good or bad.
 */
import type Phaser from 'phaser';
import type { MeterView } from '../../engine/view.ts';
import type { Variable } from '../../scenario/schema.ts';
import { meterRowHeight } from '../stage-layout.ts';
import type { Box } from '../projection.ts';
import { css, fontFamily, palette } from '../palette.ts';
import { addText } from './text.ts';

interface Gauge {
  variable: Variable;
  label: Phaser.GameObjects.Text;
  value: Phaser.GameObjects.Text;
  delta: Phaser.GameObjects.Text;
  bar: Phaser.GameObjects.Graphics;
  flash: Phaser.GameObjects.Rectangle;
  box: Box;
  barBox: Box;
  shown: number;
  from: number;
  to: number;
  tween: Phaser.Tweens.Tween | undefined;
}

const MAX_SEGMENTS = 12;

export class MeterPanel {
  private readonly gauges: Gauge[];
  private unit = 12;

  constructor(
    private readonly scene: Phaser.Scene,
    variables: readonly Variable[],
  ) {
    this.gauges = variables.map((variable) => ({
      variable,
      label: addText(scene, variable.label, { fontFamily, color: palette.text }).setDepth(13),
      value: addText(scene, String(variable.initial), { fontFamily, fontStyle: 'bold', color: palette.text })
        .setOrigin(1, 0)
        .setDepth(13),
      delta: addText(scene, '', { fontFamily, fontStyle: 'bold', color: css(palette.meterRise) })
        .setOrigin(1, 0)
        .setDepth(13),
      bar: scene.add.graphics().setDepth(12),
      flash: scene.add.rectangle(0, 0, 10, 10, palette.meterRise, 0).setOrigin(0, 0).setDepth(11),
      box: { x: 0, y: 0, width: 0, height: 0 },
      barBox: { x: 0, y: 0, width: 0, height: 0 },
      shown: variable.initial,
      from: variable.initial,
      to: variable.initial,
      tween: undefined,
    }));
  }

  setLayout(box: Box, unit: number, columns: number): void {
    this.unit = unit;
    // No room (a phone-sized stage): the meters are in the page's text, whole.
    const shown = box.height > 0;
    for (const gauge of this.gauges)
      for (const part of [gauge.value, gauge.delta, gauge.label, gauge.flash, gauge.bar]) part.setVisible(shown);
    if (!shown) return;
    const rows = Math.ceil(this.gauges.length / columns);
    const gapX = unit * 1.5;
    const width = (box.width - gapX * (columns - 1)) / columns;
    const rowHeight = Math.min(meterRowHeight(unit), box.height / Math.max(1, rows));
    const font = Math.max(12, Math.round(Math.min(unit * 0.92, rowHeight * 0.36)));
    for (const [i, gauge] of this.gauges.entries()) {
      const column = Math.floor(i / rows);
      const row = i % rows;
      gauge.box = { x: box.x + column * (width + gapX), y: box.y + row * rowHeight, width, height: rowHeight };
      const barHeight = Math.max(5, Math.round(rowHeight * 0.24));
      gauge.barBox = { x: gauge.box.x, y: gauge.box.y + font * 1.32, width, height: barHeight };
      gauge.value.setFontSize(font).setPosition(gauge.box.x + width, gauge.box.y);
      gauge.delta.setFontSize(Math.round(font * 0.9));
      gauge.label.setFontSize(font).setPosition(gauge.box.x, gauge.box.y);
      fitText(gauge.label, gauge.variable.label, width - font * 3.6);
      gauge.flash
        .setPosition(gauge.box.x - unit * 0.4, gauge.box.y - unit * 0.2)
        .setSize(width + unit * 0.8, gauge.barBox.y + barHeight - gauge.box.y + unit * 0.4);
      this.placeDelta(gauge);
      this.drawBar(gauge);
    }
  }

  update(meters: readonly MeterView[], animate: boolean): void {
    for (const meter of meters) {
      const gauge = this.gauges.find((g) => g.variable.id === meter.id);
      if (!gauge) continue;
      const target = meter.value;
      gauge.value.setText(String(target));
      gauge.delta.setText(
        meter.change === 0 ? '' : meter.change > 0 ? `(+${meter.change})` : `(−${Math.abs(meter.change)})`,
      );
      this.placeDelta(gauge);
      gauge.from = meter.change === 0 ? target : target - meter.change;
      gauge.to = target;
      gauge.tween?.stop();
      if (animate && meter.change !== 0) {
        gauge.shown = gauge.from;
        gauge.tween = this.scene.tweens.addCounter({
          from: gauge.from,
          to: target,
          duration: 550,
          delay: 250,
          ease: 'Cubic.easeOut',
          onUpdate: (tween) => {
            gauge.shown = tween.getValue() ?? target;
            this.drawBar(gauge);
          },
        });
        gauge.flash.setAlpha(0);
        this.scene.tweens.add({
          targets: gauge.flash,
          alpha: { from: 0, to: 0.1 },
          duration: 350,
          delay: 200,
          yoyo: true,
          hold: 300,
          ease: 'Sine.easeInOut',
        });
      } else {
        gauge.shown = target;
        this.drawBar(gauge);
      }
    }
  }

  private placeDelta(gauge: Gauge): void {
    gauge.delta.setPosition(
      gauge.value.x - gauge.value.width - this.unit * 0.35,
      gauge.value.y + gauge.value.height * 0.06,
    );
  }

  private drawBar(gauge: Gauge): void {
    const { min, max } = gauge.variable;
    const span = Math.max(1, max - min);
    const { x, y, width, height } = gauge.barBox;
    const g = gauge.bar.clear();
    const radius = Math.min(height / 2, 4);
    const low = Math.min(gauge.from, gauge.to);
    const high = Math.max(gauge.from, gauge.to);
    const rising = gauge.to > gauge.from;
    if (span <= MAX_SEGMENTS) {
      const gap = Math.max(2, Math.round(this.unit * 0.22));
      const segment = (width - gap * (span - 1)) / span;
      for (let i = 0; i < span; i++) {
        const sx = x + i * (segment + gap);
        g.fillStyle(palette.meterTrack, 1).fillRoundedRect(sx, y, segment, height, radius);
        const fill = clamp01(gauge.shown - min - i);
        const step = min + i + 0.5;
        const changed = step > low && step < high;
        if (fill > 0) {
          g.fillStyle(changed && rising ? palette.meterRise : palette.meterFill, 1).fillRoundedRect(
            sx,
            y,
            Math.max(radius * 2, segment * fill),
            height,
            radius,
          );
        }
        if (changed && !rising && fill < 1) {
          g.lineStyle(Math.max(1, this.unit / 12), palette.meterGhost, 0.9).strokeRoundedRect(
            sx + 0.5,
            y + 0.5,
            segment - 1,
            height - 1,
            radius,
          );
        }
      }
    } else {
      g.fillStyle(palette.meterTrack, 1).fillRoundedRect(x, y, width, height, radius);
      const fraction = clamp01((gauge.shown - min) / span);
      if (fraction > 0)
        g.fillStyle(palette.meterFill, 1).fillRoundedRect(x, y, Math.max(radius * 2, width * fraction), height, radius);
      if (gauge.from !== gauge.to) {
        const a = x + (width * (low - min)) / span;
        const b = x + (width * (high - min)) / span;
        if (rising)
          g.fillStyle(palette.meterRise, 0.9).fillRect(
            a,
            y,
            Math.max(0, Math.min(b, x + width * fraction) - a),
            height,
          );
        else
          g.lineStyle(1, palette.meterGhost, 0.9).strokeRect(
            Math.max(a, x + width * fraction),
            y + 0.5,
            b - Math.max(a, x + width * fraction),
            height - 1,
          );
      }
    }
  }
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Shortens a label with an ellipsis until it fits (the full label is in the page's text). */
function fitText(text: Phaser.GameObjects.Text, full: string, maxWidth: number): void {
  text.setText(full);
  if (text.width <= maxWidth) return;
  let cut = full.length;
  while (cut > 1 && text.width > maxWidth) {
    cut--;
    text.setText(`${full.slice(0, cut).trimEnd()}…`);
  }
}
