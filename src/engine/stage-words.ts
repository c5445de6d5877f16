/**
 * The stage picture in words, from the same data the stage draws: what a screen reader hears
 * ("On the map"), what the legend lists, and the word and icon of each area kind and stance (the
 * stage adds only colours, in src/game/picture-style.ts). Pure, so words and drawing never disagree.
 */
import type { AreaKind, Stance, StageFrame, StagePicture } from './stage.ts';
import type { Actor, Evidence, MapLayers } from '../scenario/schema.ts';

/** A name without its parenthetical: "The Kremlin (Russia's leadership)" -> "The Kremlin". */
export function shortName(name: string): string {
  const short = name
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return short || name.trim();
}

/** How each kind of marked area is outlined and what it means, for the drawing and the legend alike. */
export const AREA_WORDS: Record<AreaKind, { dashed: boolean; meaning: string }> = {
  held: { dashed: false, meaning: 'area held or occupied (solid outline)' },
  front: { dashed: false, meaning: 'front line area (thick outline)' },
  contested: { dashed: true, meaning: 'contested area (dashed outline)' },
  threatened: { dashed: true, meaning: 'area now within reach (dashed, light fill)' },
};

/** Each stance as a word and an icon: the word carries the meaning, never the stage's colour alone. */
export const STANCE_WORDS: Record<Stance, { word: string; icon: string }> = {
  escalate: { word: 'escalates', icon: '▲' },
  hold: { word: 'holds back', icon: '■' },
  'de-escalate': { word: 'de-escalates', icon: '▼' },
  negotiate: { word: 'negotiates', icon: '⇄' },
  support: { word: 'supports', icon: '+' },
  withdraw: { word: 'withdraws', icon: '←' },
};

/** What the legend explains, in the order a student meets the marks. */
export function legendEntries(map: MapLayers | undefined): Array<{ mark: string; meaning: string }> {
  const entries = [
    { mark: 'Dot', meaning: 'a place the sources name (approximate)' },
    { mark: 'Arc with arrow', meaning: 'a strike, from where it was launched to its target' },
    { mark: 'Pulsing ring', meaning: 'a place the last choice was about' },
  ];
  for (const kind of Object.keys(AREA_WORDS) as AreaKind[])
    entries.push({ mark: `Circle, ${kind}`, meaning: AREA_WORDS[kind].meaning });
  for (const range of map?.ranges ?? []) entries.push({ mark: 'Dashed circle', meaning: range.label });
  for (const stance of Object.keys(STANCE_WORDS) as Stance[]) {
    const style = STANCE_WORDS[stance];
    entries.push({ mark: `${style.icon} on an actor`, meaning: `that actor ${style.word}` });
  }
  return entries;
}

/** A map place's name for a sentence (its id if the map does not name it). */
function placeName(map: MapLayers | undefined, id: string): string {
  return map?.places.find((p) => p.id === id)?.name ?? id;
}

function rangeName(map: MapLayers | undefined, id: string): string {
  return map?.ranges?.find((r) => r.id === id)?.label ?? id;
}

/**
 * The picture as short sentences, newest strike first is not needed: the order is the picture's
 * own (strikes oldest first), and the last choice's marks lead so a listener hears what changed.
 */
export function describePicture(frame: StageFrame, map: MapLayers | undefined, actors: readonly Actor[]): string[] {
  const { picture } = frame;
  const lastStep = Math.max(
    -1,
    ...picture.strikes.map((s) => s.step),
    ...picture.areas.map((a) => a.step),
    ...picture.stances.map((s) => s.step),
  );
  const sentences: Array<{ text: string; now: boolean }> = [];
  for (const s of picture.strikes) {
    const within = s.within ? `, within ${rangeName(map, s.within)}` : '';
    sentences.push({
      text: `Strike from ${placeName(map, s.from)} to ${placeName(map, s.to)}${within}.`,
      now: s.step === lastStep && frame.directions.length > 0,
    });
  }
  for (const a of picture.areas) {
    const label = a.label ? `: ${a.label}` : '';
    sentences.push({
      text: `${placeName(map, a.place)} marked as ${a.kind}${label}.`,
      now: a.step === lastStep && frame.directions.length > 0,
    });
  }
  for (const r of picture.ranges) sentences.push({ text: `Shown: ${rangeName(map, r)}.`, now: false });
  for (const s of picture.stances) {
    const actor = actors.find((a) => a.id === s.actor);
    sentences.push({
      text: `${shortName(actor?.name ?? s.actor)} ${STANCE_WORDS[s.is].word}.`,
      now: s.step === lastStep && frame.directions.length > 0,
    });
  }
  if (picture.highlights.length > 0)
    sentences.push({
      text: `Highlighted: ${picture.highlights.map((h) => placeName(map, h)).join(', ')}.`,
      now: true,
    });
  const ordered = [...sentences.filter((s) => s.now), ...sentences.filter((s) => !s.now)].map((s) => s.text);
  return ordered.length > 0 ? ordered : ['Only the places the sources name; nothing has happened on the map yet.'];
}

/** One string that changes whenever anything drawn changes: lets the stage skip redrawing an unchanged picture. */
export function pictureKey(picture: StagePicture): string {
  return JSON.stringify(picture);
}

/** A place on the map or an actor, picked on the stage or in the page's list of them. */
export interface PickedTarget {
  kind: 'place' | 'actor';
  id: string;
}

/** What the page says about a picked place or actor: its name, what the map shows of it now, and its sources. */
export interface TargetWords {
  title: string;
  /** Sentences: what it is, and what the picture shows about it now. */
  lines: string[];
  /** The scenario's quotes for it (a place's citations), with their source's title. */
  quotes: Array<{ quote: string; source: string; evidence?: Evidence; note?: string }>;
}

interface TargetScenario {
  map?: MapLayers;
  actors: readonly Actor[];
  sources: ReadonlyArray<{ id: string; title: string }>;
}

/** The words for a picked place or actor on the picture of `frame` (undefined if the scenario has no such thing). */
export function describeTarget(
  target: PickedTarget,
  scenario: TargetScenario,
  frame: StageFrame,
): TargetWords | undefined {
  const { picture } = frame;
  const map = scenario.map;
  if (target.kind === 'actor') {
    const actor = scenario.actors.find((a) => a.id === target.id);
    if (!actor) return undefined;
    const stance = picture.stances.find((s) => s.actor === actor.id);
    const lines = [
      ...(actor.description ? [actor.description] : []),
      stance
        ? `On this path so far, ${shortName(actor.name)} ${STANCE_WORDS[stance.is].word}.`
        : `On this path so far, ${shortName(actor.name)} has taken no stance shown on the map.`,
    ];
    return { title: actor.name, lines, quotes: [] };
  }
  const place = map?.places.find((p) => p.id === target.id);
  if (!place) return undefined;
  const lines: string[] = [];
  for (const s of picture.strikes) {
    if (s.to === place.id) lines.push(`A strike from ${placeName(map, s.from)} reached it.`);
    if (s.from === place.id) lines.push(`A strike was launched from here at ${placeName(map, s.to)}.`);
  }
  for (const a of picture.areas)
    if (a.place === place.id) lines.push(`Marked as ${a.kind}${a.label ? `: ${a.label}` : ''}.`);
  for (const id of picture.ranges) {
    const range = map?.ranges?.find((r) => r.id === id);
    if (range?.center === place.id) lines.push(`The circle around it shows ${range.label}.`);
  }
  if (picture.highlights.includes(place.id)) lines.push('The last choice was about this place.');
  if (lines.length === 0) lines.push('Nothing has happened here on this path yet.');
  const title = (id: string) => scenario.sources.find((s) => s.id === id)?.title ?? id;
  return {
    title: place.name,
    lines,
    quotes: place.citations.map((c) => ({
      quote: c.quote,
      source: title(c.source),
      ...(c.evidence ? { evidence: c.evidence } : {}),
      ...(c.note ? { note: c.note } : {}),
    })),
  };
}
