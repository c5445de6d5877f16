/**
 * The stage renders at the screen's own pixel density so lines and labels stay as sharp as the
 * page's text on phones and high-density screens. Capped at 2: beyond that the extra pixels cost
 * fill-rate and battery for little visible gain.
 */
export function pixelRatio(): number {
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return Math.min(2, Math.max(1, ratio));
}
