/**
 * The transition between views: a soft band of light that crosses the stage once. An element over
 * the canvas moved by a CSS transform animation, which the compositor runs without the main thread
 * or WebGL (a band the stage's height, blended by WebGL in every frame, cost a fair part of each
 * frame under software WebGL). Never played when reduced motion is asked for (the scene does not
 * call it then).
 */
import { overlayLayer, type Backdrop } from '../backdrop.ts';
import type { StageLayout } from '../stage-layout.ts';
import { palette, rgba } from '../palette.ts';

export class Sweep {
  private readonly band: HTMLDivElement;
  private width = 0;
  private bandWidth = 80;
  private animation: Animation | undefined;

  constructor(host: Pick<Backdrop, 'over'>) {
    this.band = overlayLayer({ visibility: 'hidden' });
    host.over(this.band);
  }

  setLayout(layout: StageLayout): void {
    this.width = layout.width;
    this.bandWidth = Math.max(80, layout.width * 0.28);
    const c = palette.sweep;
    Object.assign(this.band.style, {
      width: `${this.bandWidth}px`,
      height: `${layout.height}px`,
      background: `linear-gradient(to right, ${rgba(c, 0)}, ${rgba(c, 0.09)}, ${rgba(c, 0)})`,
    });
  }

  /** Plays once; an ending gets a slower pass. */
  play(ending: boolean): void {
    this.animation?.cancel();
    if (typeof this.band.animate !== 'function') return;
    this.band.style.visibility = 'visible';
    const animation = this.band.animate(
      [{ transform: `translateX(${-this.bandWidth}px)` }, { transform: `translateX(${this.width}px)` }],
      { duration: ending ? 1600 : 1000, easing: 'cubic-bezier(0.37, 0, 0.63, 1)' /* Sine in-out */ },
    );
    animation.onfinish = () => {
      if (this.animation === animation) this.band.style.visibility = 'hidden';
    };
    this.animation = animation;
  }
}
