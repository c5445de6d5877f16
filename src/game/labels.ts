/** Short texts for the canvas and where to put them. Pure: no Phaser, no DOM. */
import type { Box } from './projection.ts';

const STOP_WORDS = new Set([
  'the',
  'of',
  'and',
  'for',
  'a',
  'an',
  'to',
  'in',
  'on',
  'at',
  'de',
  'la',
  'le',
  'les',
  'du',
  'des',
  'el',
  'der',
  'die',
  'das',
]);

/** A name without its parenthetical: "The Kremlin (Russia's leadership)" -> "The Kremlin". */
export function shortName(name: string): string {
  const short = name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return short || name.trim();
}

/** The name an actor goes by in tight spaces: the scenario's `short` name, else its name without a parenthetical. */
export function actorShortName(actor: { name: string; short?: string }): string {
  return actor.short ?? shortName(actor.name);
}

const GENERIC = /\s+(administration|leadership|government)$/iu;

/**
 * A name short enough for a caption under an actor on a phone: no parenthetical, no leading
 * "The", no trailing generic word ("Outgoing US administration" -> "Outgoing US",
 * "Ukraine's leadership" -> "Ukraine").
 */
export function compactName(name: string): string {
  let short = shortName(name).replace(/^the\s+/iu, '');
  if (GENERIC.test(short)) {
    const without = short.replace(GENERIC, '').replace(/['’]s$/iu, '');
    if (without) short = without;
  }
  return short;
}

/** Up to three initials of a name's significant words: "Ukraine's leadership" -> "UL". */
export function initials(name: string): string {
  const words = shortName(name)
    .split(/[\s\-–—/]+/)
    .map((word) => word.replace(/['’]s$/iu, '').replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((word) => word && !STOP_WORDS.has(word.toLowerCase()));
  if (words.length === 0) return '?';
  return words
    .slice(0, 3)
    .map((word) => word[0]!.toLocaleUpperCase())
    .join('');
}

/** Initials for a set of actors, made distinct by a number where two would read the same. */
export function emblemLabels(names: readonly string[]): string[] {
  const base = names.map(initials);
  const seen = new Map<string, number>();
  return base.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    const duplicates = base.filter((b) => b === label).length;
    return duplicates > 1 ? `${label}${count}` : label;
  });
}

export type LabelSide =
  'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left';

export interface PlacedLabel {
  /** Top-left corner of the label. */
  x: number;
  y: number;
  side: LabelSide;
}

const SIDES: readonly LabelSide[] = [
  'right',
  'left',
  'above-right',
  'below-right',
  'above',
  'below',
  'above-left',
  'below-left',
];

/**
 * Puts each label beside its point, trying the sides in order and taking the first that overlaps
 * nothing and stays inside `bounds`; failing that, the one that overlaps least. Greedy, in the
 * given order: good enough for the handful of places a scenario names.
 */
export function placeLabels(
  points: ReadonlyArray<{ x: number; y: number }>,
  sizes: ReadonlyArray<{ width: number; height: number }>,
  bounds: Box,
  gap: number,
  avoid: readonly Box[] = [],
): PlacedLabel[] {
  const placed: Box[] = [];
  const dots: Box[] = points.map((p) => ({ x: p.x - gap, y: p.y - gap, width: 2 * gap, height: 2 * gap }));
  return points.map((point, i) => {
    const size = sizes[i] ?? { width: 0, height: 0 };
    let best: { label: PlacedLabel; cost: number } | undefined;
    for (const [rank, side] of SIDES.entries()) {
      const box = boxAt(point, size, side, gap);
      const others = [...placed, ...avoid, ...dots.filter((_, j) => j !== i)];
      const cost = others.reduce((sum, other) => sum + overlap(box, other), 0) * 4 + outside(box, bounds) + rank * 0.01;
      if (!best || cost < best.cost) best = { label: { x: box.x, y: box.y, side }, cost };
      if (cost < 1) break;
    }
    placed.push({ ...best!.label, width: size.width, height: size.height });
    return best!.label;
  });
}

/**
 * Which of `candidates` (boxes in order of preference) to use for a label: the first that
 * overlaps none of `obstacles` and stays inside `bounds` (clear), else the one that covers least.
 */
export function clearestBox(
  candidates: readonly Box[],
  obstacles: readonly Box[],
  bounds: Box,
): { index: number; clear: boolean } {
  let best = { index: 0, cost: Infinity };
  for (const [index, box] of candidates.entries()) {
    const cost = obstacles.reduce((sum, other) => sum + overlap(box, other), 0) * 4 + outside(box, bounds);
    if (cost < 1) return { index, clear: true };
    if (cost < best.cost) best = { index, cost };
  }
  return { index: best.index, clear: false };
}

function boxAt(
  p: { x: number; y: number },
  size: { width: number; height: number },
  side: LabelSide,
  gap: number,
): Box {
  const { width, height } = size;
  const mid = p.y - height / 2;
  const diag = gap * 0.7;
  switch (side) {
    case 'right':
      return { x: p.x + gap, y: mid, width, height };
    case 'left':
      return { x: p.x - gap - width, y: mid, width, height };
    case 'above':
      return { x: p.x - width / 2, y: p.y - gap - height, width, height };
    case 'below':
      return { x: p.x - width / 2, y: p.y + gap, width, height };
    case 'above-right':
      return { x: p.x + diag, y: p.y - diag - height, width, height };
    case 'below-right':
      return { x: p.x + diag, y: p.y + diag, width, height };
    case 'above-left':
      return { x: p.x - diag - width, y: p.y - diag - height, width, height };
    case 'below-left':
      return { x: p.x - diag - width, y: p.y + diag, width, height };
  }
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(box: Box, bounds: Box): number {
  return box.width * box.height - overlap(box, bounds);
}
