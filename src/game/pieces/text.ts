/** Canvas text at the stage's pixel density, so labels are crisp on high-density screens. */
import type Phaser from 'phaser';
import { pixelRatio } from '../display.ts';

export function addText(
  scene: Phaser.Scene,
  text: string,
  style: Phaser.Types.GameObjects.Text.TextStyle,
): Phaser.GameObjects.Text {
  return scene.add.text(0, 0, text, { resolution: pixelRatio(), ...style });
}

/**
 * A Text that is measured but never drawn by WebGL (it is not in the scene's display list): map
 * labels are shown as SVG (see svg-text.ts), and the Text wraps and sizes their words.
 */
export function measuredText(
  scene: Phaser.Scene,
  text: string,
  style: Phaser.Types.GameObjects.Text.TextStyle,
): Phaser.GameObjects.Text {
  const measured = scene.make.text({ x: 0, y: 0, text, style: { resolution: 1, ...style } }, false);
  // Outside the display list the scene would not destroy it (nor give its canvas back to the pool).
  scene.events.once('destroy', () => measured.destroy());
  // Phaser uploads a Text's canvas to the GPU on every change when it has a WebGL renderer (about
  // 7 ms of a choice's 17 for the map's labels under software WebGL); this one is never drawn.
  return Object.assign(measured, { renderer: undefined as unknown as typeof measured.renderer });
}
