/** The calm backdrop behind the actors, fading into the map along its inner edge. */
import type Phaser from 'phaser';
import type { StageLayout } from '../stage-layout.ts';
import { palette } from '../palette.ts';

export class Panel {
  private readonly g: Phaser.GameObjects.Graphics;

  /** Drawn live above the map (a few rectangles), so the map can move under it. */
  constructor(scene: Phaser.Scene) {
    this.g = scene.add.graphics().setDepth(10);
  }

  setLayout(layout: StageLayout): void {
    const g = this.g.clear();
    const { panel, unit } = layout;
    if (layout.mode === 'plain' || panel.width <= 0 || panel.height <= 0) return;
    const fade = Math.round(unit * 2.4);
    const a = palette.panelAlpha;
    const c = palette.panel;
    g.fillStyle(c, a).fillRect(panel.x, panel.y, panel.width, panel.height);
    if (layout.mode === 'side') {
      g.fillGradientStyle(c, c, c, c, 0, a, 0, a).fillRect(panel.x - fade, panel.y, fade, panel.height);
      g.lineStyle(1, palette.panelEdge, 0.7).lineBetween(panel.x + 0.5, panel.y, panel.x + 0.5, panel.y + panel.height);
    } else {
      g.fillGradientStyle(c, c, c, c, 0, 0, a, a).fillRect(panel.x, panel.y - fade, panel.width, fade);
      g.lineStyle(1, palette.panelEdge, 0.7).lineBetween(panel.x, panel.y + 0.5, panel.x + panel.width, panel.y + 0.5);
    }
  }
}
