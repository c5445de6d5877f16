/**
 * The colours of marked areas and stances on the stage; their words and outlines are in
 * src/engine/stage-words.ts. Muted, distinct hues: nothing is coloured as good or bad.
 */
import type { AreaKind, Stance } from '../engine/stage.ts';
import { AREA_WORDS, STANCE_WORDS } from '../engine/stage-words.ts';

export const AREA_STYLES: Record<AreaKind, { color: number; fill: number; dashed: boolean }> = {
  held: { color: 0x8fb3d9, fill: 0.22, dashed: AREA_WORDS.held.dashed },
  front: { color: 0xd9a07f, fill: 0.12, dashed: AREA_WORDS.front.dashed },
  contested: { color: 0xb89bd6, fill: 0.16, dashed: AREA_WORDS.contested.dashed },
  threatened: { color: 0xe2b866, fill: 0.06, dashed: AREA_WORDS.threatened.dashed },
};

export const STANCE_STYLES: Record<Stance, { word: string; icon: string; color: number }> = {
  escalate: { ...STANCE_WORDS.escalate, color: 0xe2b866 },
  hold: { ...STANCE_WORDS.hold, color: 0x9aa7b5 },
  'de-escalate': { ...STANCE_WORDS['de-escalate'], color: 0x8fb3d9 },
  negotiate: { ...STANCE_WORDS.negotiate, color: 0xb89bd6 },
  support: { ...STANCE_WORDS.support, color: 0x9fcfb0 },
  withdraw: { ...STANCE_WORDS.withdraw, color: 0xd9a07f },
};
