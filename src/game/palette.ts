/**
 * The stage's visual language: calm, muted, readable on a projector. One warm accent marks what
 * is in focus (the deciding actor, a range); nothing is coloured as good or bad, so escalation is
 * never red and de-escalation never green. The meters are the page's, not the stage's. The place
 * or actor a student picks gets a cool ring, apart from the warm focus.
 */
export const palette = {
  /** Fallback only: the canvas is transparent and shows the page behind it. */
  background: 0x0f151c,
  panel: 0x0b1016,
  panelAlpha: 0.84,
  panelEdge: 0x2a3643,

  graticule: 0x3a4a5b,
  land: 0x283643,
  landFocus: 0x243240,
  coast: 0x5c6e81,
  border: 0x72849a,
  disputed: 0x95a3b3,
  scale: 0x9aa7b5,

  place: 0xeee3c7,
  placeHalo: 0xeee3c7,
  range: 0xc9a86a,
  rangeFill: 0xc9a86a,

  emblem: 0x26323f,
  emblemEdge: 0x3f4e5e,
  emblemText: 0xc4ced8,
  focus: 0xe2b866,
  focusText: 0x1a1408,

  /** The transition's band of light. */
  sweep: 0xcfe0f0,
  selection: 0x8fd3ff,

  text: '#d8e0e8',
  textMuted: '#8d9aa8',
  /** Country names: quieter than the places' names, still legible on land (contrast above 4.5:1). */
  countryName: '#9aa8b6',
  textOnFocus: '#1a1408',
  textFocus: '#e8c57e',
  labelStroke: '#0b1016',
} as const;

export const fontFamily = '"Atkinson Hyperlegible", "Segoe UI", system-ui, -apple-system, sans-serif';

/** A palette colour at `alpha`, for CSS. */
export function rgba(color: number, alpha: number): string {
  return `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;
}

export function css(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}
