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
