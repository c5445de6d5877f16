/**
 * The stage renders at the screen's own pixel density so lines and labels stay as sharp as the
 * page's text on phones and high-density screens. Capped at 2: beyond that the extra pixels cost
 * fill-rate and battery for little visible gain (and at 1 under software WebGL, see limitPixelRatio).
 */
export function pixelRatio(): number {
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return Math.min(cap, Math.max(1, ratio));
}

let cap = 2;

/** Lowers the cap (to 1 under software WebGL, where every device pixel is drawn by the CPU). */
export function limitPixelRatio(limit: number): void {
  cap = Math.max(1, Math.min(2, limit));
}
