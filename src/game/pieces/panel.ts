/**
 * The calm backdrop behind the actors, fading into the map along its inner edge: elements under
 * the canvas (see backdrop.ts), so WebGL never fills their area in a frame.
 */
import { overlayLayer, type Backdrop } from '../backdrop.ts';
import type { StageLayout } from '../stage-layout.ts';
import { palette, rgba } from '../palette.ts';

/** How far the panel's backdrop fades into the map (CSS px): what lies there is dimmed. */
export function panelFade(unit: number): number {
  return Math.round(unit * 2.4);
}

export class Panel {
  private readonly fill = overlayLayer({ boxSizing: 'border-box' });
  private readonly fade = overlayLayer({ boxSizing: 'border-box' });

  constructor(host: Pick<Backdrop, 'under'>) {
    host.under(this.fade);
    host.under(this.fill);
  }

  setLayout(layout: StageLayout): void {
    const { panel, unit } = layout;
    const shown = layout.mode !== 'plain' && panel.width > 0 && panel.height > 0;
    for (const element of [this.fill, this.fade]) element.style.display = shown ? 'block' : 'none';
    if (!shown) return;
    const fade = panelFade(unit);
    const side = layout.mode === 'side';
    const solid = rgba(palette.panel, palette.panelAlpha);
    const edge = `1px solid ${rgba(palette.panelEdge, 0.7)}`;
    Object.assign(this.fill.style, {
      ...box(panel.x, panel.y, panel.width, panel.height),
      background: solid,
      borderLeft: side ? edge : '',
      borderTop: side ? '' : edge,
    });
    Object.assign(this.fade.style, {
      ...(side ? box(panel.x - fade, panel.y, fade, panel.height) : box(panel.x, panel.y - fade, panel.width, fade)),
      background: `linear-gradient(${side ? 'to right' : 'to bottom'}, ${rgba(palette.panel, 0)}, ${solid})`,
    });
  }
}

const box = (x: number, y: number, width: number, height: number) => ({
  left: `${x}px`,
  top: `${y}px`,
  width: `${width}px`,
  height: `${height}px`,
});
