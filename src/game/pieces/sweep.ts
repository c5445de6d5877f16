/**
 * The transition between views: a soft band of light that crosses the stage once. Never played
 * when reduced motion is asked for (the scene does not call it then).
 */
import type Phaser from 'phaser';
import type { StageLayout } from '../stage-layout.ts';
import { palette } from '../palette.ts';

export class Sweep {
  private readonly band: Phaser.GameObjects.Graphics;
  private width = 0;
  private tween: Phaser.Tweens.Tween | undefined;

  constructor(private readonly scene: Phaser.Scene) {
    this.band = scene.add.graphics().setDepth(20).setVisible(false);
  }

  setLayout(layout: StageLayout): void {
    this.width = layout.width;
    const bandWidth = Math.max(80, layout.width * 0.28);
    const c = palette.sweep;
    const peak = 0.09;
    this.band
      .clear()
      .fillGradientStyle(c, c, c, c, 0, peak, 0, peak)
      .fillRect(-bandWidth, 0, bandWidth / 2, layout.height)
      .fillGradientStyle(c, c, c, c, peak, 0, peak, 0)
      .fillRect(-bandWidth / 2, 0, bandWidth / 2, layout.height);
    this.band.setData('bandWidth', bandWidth);
  }

  /** Plays once; an ending gets a slower pass. */
  play(ending: boolean): void {
    this.tween?.stop();
    this.band.setVisible(true).setAlpha(1).setX(0);
    const bandWidth = Number(this.band.getData('bandWidth')) || 80;
    this.tween = this.scene.tweens.add({
      targets: this.band,
      x: this.width + bandWidth,
      duration: ending ? 1600 : 1000,
      ease: 'Sine.easeInOut',
      onComplete: () => this.band.setVisible(false),
    });
  }
}
