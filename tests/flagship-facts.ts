/**
 * What each text of the flagship presumes about the path that shows it, stated apart from the
 * scenario's own `when` conditions: a fact is computed from the options chosen so far, and each text
 * variant lists the facts its words take for granted. tests/flagship-truth.test.ts plays every path
 * and holds every text shown to its list. A new variant must be added here, or that test fails.
 */

/** The options chosen so far on a path, earliest first. */
export type Chosen = ReadonlySet<string>;

const any =
  (...ids: string[]) =>
  (c: Chosen) =>
    ids.some((id) => c.has(id));
const none =
  (...ids: string[]) =>
  (c: Chosen) =>
    !ids.some((id) => c.has(id));

const struckInsideRussia = any('kursk-defensive', 'deeper-strikes');
const kremlinUsedForce = any('counteroffensive-kursk', 'nato-involvement');

/** Facts about a path, in plain words, each computed from the options chosen on it. */
export const FACTS = {
  'Washington kept the restriction': any('keep-restriction'),
  'Washington allowed strikes inside Russia': any('allow-limited', 'allow-wider'),
  'Washington allowed limited strikes': any('allow-limited'),
  'Washington allowed strikes anywhere in range': any('allow-wider'),
  'Ukraine struck inside Russia': struckInsideRussia,
  'Ukraine struck in the Kursk region': any('kursk-defensive'),
  'Ukraine struck deep inside Russia': any('deeper-strikes'),
  'Ukraine struck nothing inside Russia': (c: Chosen) => !struckInsideRussia(c),
  'Ukraine struck occupied Ukrainian territory': any('occupied-territory'),
  'Ukraine held its missiles back': any('hold-and-prepare'),
  'Kyiv pressed Washington': any('lobby-washington'),
  'the Kremlin kept its answer within the current war': any('warn-and-contain'),
  'Russian and North Korean troops counterattacked in Kursk': any('counteroffensive-kursk'),
  'the Kremlin waited for the new administration': any('await-new-administration'),
  'Russia pressed its offensive inside Ukraine': any('press-offensive'),
  'the Kremlin declared NATO involvement': any('nato-involvement'),
  'the Kremlin did not use force to widen the war': (c: Chosen) => !kremlinUsedForce(c),
  'Russia kept up the military pressure': any('counteroffensive-kursk', 'press-offensive'),
  'the new administration halted aid': any('halt-aid'),
  'the new administration kept aid and the restriction': any('continue-support'),
  'the new administration withdrew the permission': any('reverse-permission'),
  'the new administration narrowed the permission': any('narrow-permission'),
  'the new administration cut the permission back': any('reverse-permission', 'narrow-permission'),
  'the new administration sped up arms shipments': any('accelerate-arms'),
  'the new administration pushed for a quick deal': any('push-quick-deal'),
  'no step widened the war beyond the North Korean deployment': none(
    'allow-limited',
    'allow-wider',
    'kursk-defensive',
    'deeper-strikes',
    'counteroffensive-kursk',
    'nato-involvement',
  ),
  'no step widened the war beyond the deployment and the permission': none(
    'kursk-defensive',
    'deeper-strikes',
    'counteroffensive-kursk',
    'nato-involvement',
  ),
} satisfies Record<string, (c: Chosen) => boolean>;

export type Fact = keyof typeof FACTS;

/**
 * Text variant -> the facts its words presume. Keys: `situation:<decision>#<n>`,
 * `outcome:<option>#<n>`, `ending:<ending>#<n>`, n counting the variants from 0 (a plain string is #0),
 * and `reason:<option>/<variable>` for the reason read beside a meter's change (one per effect: it
 * has no variants, so it must hold on every path that reaches its option).
 */
export const PRESUMES: Record<string, Fact[]> = {
  'situation:us-permission#0': [],
  'outcome:keep-restriction#0': ['Washington kept the restriction'],
  'outcome:allow-limited#0': ['Washington allowed limited strikes'],
  'outcome:allow-wider#0': ['Washington allowed strikes anywhere in range'],

  'situation:ukraine-plan#0': ['Washington kept the restriction'],
  'situation:ukraine-plan#1': ['Washington allowed limited strikes'],
  'situation:ukraine-plan#2': ['Washington allowed strikes anywhere in range'],
  'outcome:occupied-territory#0': ['Washington kept the restriction', 'Ukraine struck occupied Ukrainian territory'],
  'outcome:occupied-territory#1': [
    'Washington allowed strikes inside Russia',
    'Ukraine struck occupied Ukrainian territory',
    'Ukraine struck nothing inside Russia',
  ],
  'outcome:hold-and-prepare#0': ['Washington kept the restriction', 'Ukraine held its missiles back'],
  'outcome:hold-and-prepare#1': ['Washington allowed strikes inside Russia', 'Ukraine held its missiles back'],
  'outcome:lobby-washington#0': ['Washington kept the restriction', 'Kyiv pressed Washington'],
  'outcome:kursk-defensive#0': ['Washington allowed strikes inside Russia', 'Ukraine struck in the Kursk region'],
  'outcome:deeper-strikes#0': ['Washington allowed strikes anywhere in range', 'Ukraine struck deep inside Russia'],

  'situation:kremlin-response#0': ['Ukraine struck deep inside Russia'],
  'situation:kremlin-response#1': ['Ukraine struck in the Kursk region'],
  'situation:kremlin-response#2': [
    'Washington allowed strikes anywhere in range',
    'Ukraine struck nothing inside Russia',
  ],
  'situation:kremlin-response#3': ['Washington allowed limited strikes', 'Ukraine struck nothing inside Russia'],
  'situation:kremlin-response#4': ['Washington kept the restriction', 'Kyiv pressed Washington'],
  'situation:kremlin-response#5': ['Washington kept the restriction', 'Ukraine struck occupied Ukrainian territory'],
  'situation:kremlin-response#6': ['Washington kept the restriction', 'Ukraine held its missiles back'],
  'outcome:warn-and-contain#0': ['Ukraine struck inside Russia', 'the Kremlin kept its answer within the current war'],
  'outcome:warn-and-contain#1': [
    'Washington allowed strikes inside Russia',
    'Ukraine struck nothing inside Russia',
    'the Kremlin kept its answer within the current war',
  ],
  'outcome:counteroffensive-kursk#0': [
    'Ukraine struck in the Kursk region',
    'Russian and North Korean troops counterattacked in Kursk',
  ],
  'outcome:counteroffensive-kursk#1': [
    'Ukraine struck deep inside Russia',
    'Russian and North Korean troops counterattacked in Kursk',
  ],
  'outcome:counteroffensive-kursk#2': [
    'Ukraine struck nothing inside Russia',
    'Russian and North Korean troops counterattacked in Kursk',
  ],
  'outcome:await-new-administration#0': ['the Kremlin waited for the new administration'],
  'outcome:press-offensive#0': ['Washington kept the restriction', 'Russia pressed its offensive inside Ukraine'],
  'outcome:nato-involvement#0': [
    'Washington allowed strikes inside Russia',
    'Ukraine struck inside Russia',
    'the Kremlin declared NATO involvement',
  ],
  'outcome:nato-involvement#1': [
    'Washington allowed strikes anywhere in range',
    'Ukraine struck nothing inside Russia',
    'the Kremlin declared NATO involvement',
  ],

  'situation:incoming-choice#0': [
    'Washington allowed strikes inside Russia',
    'Ukraine struck inside Russia',
    'the Kremlin declared NATO involvement',
  ],
  'situation:incoming-choice#1': [
    'Washington allowed strikes anywhere in range',
    'Ukraine struck nothing inside Russia',
    'the Kremlin declared NATO involvement',
  ],
  'situation:incoming-choice#2': [
    'Washington kept the restriction',
    'Russian and North Korean troops counterattacked in Kursk',
  ],
  'situation:incoming-choice#3': [
    'Washington allowed limited strikes',
    'Russian and North Korean troops counterattacked in Kursk',
  ],
  'situation:incoming-choice#4': [
    'Washington allowed strikes anywhere in range',
    'Russian and North Korean troops counterattacked in Kursk',
  ],
  'situation:incoming-choice#5': ['Washington kept the restriction', 'Russia pressed its offensive inside Ukraine'],
  'situation:incoming-choice#6': [
    'Washington allowed limited strikes',
    'the Kremlin kept its answer within the current war',
  ],
  'situation:incoming-choice#7': [
    'Washington allowed strikes anywhere in range',
    'the Kremlin kept its answer within the current war',
  ],
  'situation:incoming-choice#8': ['Washington kept the restriction', 'the Kremlin waited for the new administration'],
  'situation:incoming-choice#9': [
    'Washington allowed limited strikes',
    'the Kremlin waited for the new administration',
  ],
  'situation:incoming-choice#10': [
    'Washington allowed strikes anywhere in range',
    'the Kremlin waited for the new administration',
  ],
  'outcome:halt-aid#0': ['Washington kept the restriction', 'the new administration halted aid'],
  'outcome:halt-aid#1': ['Washington allowed strikes inside Russia', 'the new administration halted aid'],
  'outcome:continue-support#0': [
    'Washington kept the restriction',
    'the new administration kept aid and the restriction',
  ],
  'outcome:reverse-permission#0': [
    'Washington allowed limited strikes',
    'Ukraine struck in the Kursk region',
    'the new administration withdrew the permission',
  ],
  'outcome:reverse-permission#1': [
    'Washington allowed limited strikes',
    'Ukraine struck nothing inside Russia',
    'the new administration withdrew the permission',
  ],
  'outcome:narrow-permission#0': [
    'Washington allowed strikes anywhere in range',
    'Ukraine struck inside Russia',
    'the new administration narrowed the permission',
  ],
  'outcome:narrow-permission#1': [
    'Washington allowed strikes anywhere in range',
    'Ukraine struck nothing inside Russia',
    'the new administration narrowed the permission',
  ],
  'outcome:accelerate-arms#0': ['the new administration sped up arms shipments'],
  'outcome:push-quick-deal#0': ['the new administration pushed for a quick deal'],

  'reason:keep-restriction/strike-permission': ['Washington kept the restriction'],
  'reason:allow-limited/strike-permission': ['Washington allowed limited strikes'],
  'reason:allow-limited/widening': ['Washington allowed strikes inside Russia'],
  'reason:allow-wider/strike-permission': ['Washington allowed strikes anywhere in range'],
  'reason:allow-wider/widening': ['Washington allowed strikes inside Russia'],
  'reason:kursk-defensive/ukraine-position': ['Ukraine struck in the Kursk region'],
  'reason:kursk-defensive/widening': ['Ukraine struck in the Kursk region'],
  'reason:deeper-strikes/ukraine-position': ['Ukraine struck deep inside Russia'],
  'reason:deeper-strikes/widening': ['Ukraine struck deep inside Russia'],
  'reason:counteroffensive-kursk/widening': ['Russian and North Korean troops counterattacked in Kursk'],
  'reason:counteroffensive-kursk/ukraine-position': ['Russian and North Korean troops counterattacked in Kursk'],
  'reason:press-offensive/ukraine-position': ['Russia pressed its offensive inside Ukraine'],
  'reason:nato-involvement/widening': ['the Kremlin declared NATO involvement'],
  'reason:halt-aid/us-support': ['the new administration halted aid'],
  'reason:halt-aid/strike-permission': ['the new administration halted aid'],
  'reason:halt-aid/ukraine-position': ['the new administration halted aid'],
  'reason:reverse-permission/strike-permission': ['the new administration withdrew the permission'],
  'reason:narrow-permission/strike-permission': ['the new administration narrowed the permission'],
  'reason:accelerate-arms/us-support': ['the new administration sped up arms shipments'],
  'reason:accelerate-arms/ukraine-position': ['the new administration sped up arms shipments'],

  'ending:pressure-talks#0': [
    'Ukraine struck inside Russia',
    'the Kremlin kept its answer within the current war',
    'the new administration sped up arms shipments',
  ],
  'ending:pressure-talks#1': [
    'Washington allowed strikes inside Russia',
    'the Kremlin kept its answer within the current war',
    'the new administration sped up arms shipments',
  ],
  'ending:pressure-talks#2': [
    'Washington kept the restriction',
    'the Kremlin waited for the new administration',
    'the new administration sped up arms shipments',
  ],
  'ending:pressure-talks#3': [
    'Washington allowed strikes inside Russia',
    'the Kremlin waited for the new administration',
    'the new administration sped up arms shipments',
  ],
  'ending:standoff#0': ['the Kremlin declared NATO involvement', 'the new administration sped up arms shipments'],
  'ending:standoff#1': [
    'Russian and North Korean troops counterattacked in Kursk',
    'the new administration sped up arms shipments',
  ],
  'ending:aid-halted#0': [
    'Russia pressed its offensive inside Ukraine',
    'the new administration halted aid',
    'no step widened the war beyond the North Korean deployment',
  ],
  'ending:aid-halted#1': ['the Kremlin did not use force to widen the war', 'the new administration halted aid'],
  'ending:ukraine-alone#0': ['the Kremlin declared NATO involvement', 'the new administration halted aid'],
  'ending:ukraine-alone#1': [
    'Russian and North Korean troops counterattacked in Kursk',
    'the new administration halted aid',
  ],
  'ending:quick-deal#0': [
    'Ukraine struck inside Russia',
    'the Kremlin did not use force to widen the war',
    'the new administration pushed for a quick deal',
  ],
  'ending:quick-deal#1': [
    'Washington kept the restriction',
    'the Kremlin did not use force to widen the war',
    'the new administration pushed for a quick deal',
  ],
  'ending:quick-deal#2': [
    'Washington allowed strikes inside Russia',
    'Ukraine struck nothing inside Russia',
    'the Kremlin did not use force to widen the war',
    'the new administration pushed for a quick deal',
  ],
  'ending:crisis-talks#0': [
    'the Kremlin declared NATO involvement',
    'Ukraine struck inside Russia',
    'the new administration pushed for a quick deal',
  ],
  'ending:crisis-talks#1': [
    'the Kremlin declared NATO involvement',
    'Ukraine struck nothing inside Russia',
    'the new administration pushed for a quick deal',
  ],
  'ending:crisis-talks#2': [
    'Washington kept the restriction',
    'Russian and North Korean troops counterattacked in Kursk',
    'the new administration pushed for a quick deal',
  ],
  'ending:crisis-talks#3': [
    'Russian and North Korean troops counterattacked in Kursk',
    'the new administration pushed for a quick deal',
  ],
  'ending:red-lines-held#0': [
    'Ukraine struck inside Russia',
    'the Kremlin kept its answer within the current war',
    'the new administration withdrew the permission',
  ],
  'ending:red-lines-held#1': [
    'Ukraine struck inside Russia',
    'the Kremlin kept its answer within the current war',
    'the new administration narrowed the permission',
  ],
  'ending:restraint-holds#0': [
    'Washington kept the restriction',
    'Ukraine struck nothing inside Russia',
    'the Kremlin waited for the new administration',
    'the new administration kept aid and the restriction',
    'no step widened the war beyond the North Korean deployment',
  ],
  'ending:restraint-holds#1': [
    'Washington allowed limited strikes',
    'Ukraine struck nothing inside Russia',
    'the Kremlin waited for the new administration',
    'the new administration withdrew the permission',
    'no step widened the war beyond the deployment and the permission',
  ],
  'ending:war-goes-on#0': ['Washington kept the restriction', 'Russia kept up the military pressure'],
  'ending:war-goes-on#1': ['the Kremlin declared NATO involvement', 'the new administration cut the permission back'],
  'ending:war-goes-on#2': [
    'Washington allowed strikes inside Russia',
    'the new administration cut the permission back',
  ],
};

/** The facts of PRESUMES[key] that do not hold for these choices. */
export function falsePresumptions(key: string, chosen: Chosen): Fact[] {
  const presumed = PRESUMES[key];
  if (!presumed)
    throw new Error(`no facts are stated for the text ${key}: add it to PRESUMES in tests/flagship-facts.ts`);
  return presumed.filter((fact) => !FACTS[fact](chosen));
}
