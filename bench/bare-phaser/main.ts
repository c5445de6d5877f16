/**
 * The baseline for `npm run bench:web`: Phaser 4 with one scene showing one text, nothing else.
 * Marks its first rendered frame, so the benchmark can set Branchpoint's first decision beside it.
 */
import Phaser from 'phaser';

declare global {
  interface Window {
    __bareFrames?: () => number;
  }
}

class OneText extends Phaser.Scene {
  constructor() {
    super('one-text');
  }

  create(): void {
    this.add.text(24, 24, 'A bare Phaser page', { fontFamily: 'sans-serif', fontSize: '32px', color: '#edf2f6' });
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => performance.mark('bare-phaser:first-frame'));
  }
}

const game = new Phaser.Game({
  type: Phaser.WEBGL,
  parent: 'game',
  transparent: true,
  banner: false,
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  audio: { noAudio: true },
  scene: [OneText],
});
window.__bareFrames = () => game.loop.frame;
