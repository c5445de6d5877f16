/**
 * The scenario format (format 2): one schema that checks files at run time, gives the static
 * `Scenario` type everything downstream works on and, through z.toJSONSchema(), gives editors
 * completion and red squiggles (scenarios/scenario.schema.json). Format 2 is a superset of format 1
 * (schema-v1.ts): every place that took a plain string still takes one.
 */
import { z } from 'zod';
import type { Citation } from './schema-v1.ts';
import {
  Actor,
  citations,
  Effect as EffectV1,
  Evidence,
  EVIDENCE_KINDS,
  id,
  MapLayers,
  Source,
  text,
} from './schema-v1.ts';

export { EVIDENCE_KINDS };
export type { Evidence } from './schema-v1.ts';

export const FORMAT_VERSION = 2;
/** Options a decision point may list; at most MAX_OFFERED_OPTIONS are offered on any one path. */
export const MAX_LISTED_OPTIONS = 8;
export const MAX_OFFERED_OPTIONS = 4;

const exactlyOne = (value: object, keys: readonly string[]) =>
  keys.filter((key) => (value as Record<string, unknown>)[key] !== undefined).length === 1;

const idOrIds = (description: string) => z.union([id, z.array(id).min(1, 'name at least one')]).meta({ description });

const optionRef =
  'An option id, or "decision-id/option-id" when two decision points have options with that id; or a list of them.';

const CONDITION_KINDS = ['variable', 'chose', 'notChose', 'passed', 'notPassed', 'anyOf'] as const;

/** One condition; a `when` is a list of them and all must hold. */
export interface Condition {
  variable?: string;
  atLeast?: number;
  atMost?: number;
  chose?: string | string[];
  notChose?: string | string[];
  passed?: string | string[];
  notPassed?: string | string[];
  anyOf?: Condition[];
}

const Condition: z.ZodType<Condition> = z
  .strictObject({
    variable: id.meta({ description: 'The id of a variable (a meter or a hidden variable).' }).optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    chose: z
      .union([z.string(), z.array(z.string()).min(1, 'name at least one option')])
      .meta({ description: `Holds when one of these options was chosen earlier on the path. ${optionRef}` })
      .optional(),
    notChose: z
      .union([z.string(), z.array(z.string()).min(1, 'name at least one option')])
      .meta({ description: `Holds when none of these options was chosen earlier on the path. ${optionRef}` })
      .optional(),
    passed: idOrIds('Holds when a choice was made at one of these decision points earlier on the path.').optional(),
    notPassed: idOrIds('Holds when no choice was made at any of these decision points on the path.').optional(),
    get anyOf() {
      return z
        .array(Condition)
        .min(1, 'name at least one condition')
        .meta({ description: 'Holds when at least one of these conditions holds.' })
        .optional();
    },
  })
  .refine((c) => exactlyOne(c, CONDITION_KINDS), {
    message: `a condition needs exactly one of: ${CONDITION_KINDS.join(', ')}`,
  })
  .refine((c) => c.variable === undefined || c.atLeast !== undefined || c.atMost !== undefined, {
    message: 'a condition needs "atLeast", "atMost" or both',
  })
  .refine((c) => c.variable !== undefined || (c.atLeast === undefined && c.atMost === undefined), {
    message: '"atLeast" and "atMost" go with "variable"',
  })
  .meta({
    description:
      'Holds or not on the path so far: a variable within bounds, an option chosen or not, a decision point passed or not, or anyOf a list.',
  });

const when = z.array(Condition).min(1).meta({ description: 'All of these conditions must hold.' });

const placeRef = id.meta({ description: 'The id of a place under map.places.' });
const rangeRef = id.meta({ description: 'The id of a range under map.ranges.' });

export const AREA_KINDS = ['held', 'front', 'contested', 'threatened'] as const;
export const STANCES = ['escalate', 'hold', 'de-escalate', 'negotiate', 'support', 'withdraw'] as const;
const STAGE_KINDS = ['highlight', 'strike', 'area', 'showRange', 'hideRange', 'stance'] as const;

const StageDirection = z
  .strictObject({
    highlight: placeRef.optional(),
    strike: z
      .strictObject({
        from: placeRef,
        to: placeRef,
        within: rangeRef.optional().meta({ description: "Optional: the target must lie inside this range's circle." }),
      })
      .optional(),
    area: z
      .strictObject({
        place: placeRef,
        km: z.number().positive(),
        label: text('What the area is, as the map key says it.').optional(),
        kind: z.enum(AREA_KINDS),
      })
      .optional(),
    showRange: rangeRef.optional(),
    hideRange: rangeRef.optional(),
    stance: z
      .strictObject({
        actor: id.meta({ description: 'The id of an actor.' }),
        is: z.enum(STANCES),
      })
      .optional(),
  })
  .refine((d) => exactlyOne(d, STAGE_KINDS), {
    message: `a stage direction has exactly one of: ${STAGE_KINDS.join(', ')}`,
  })
  .meta({ description: 'What the map shows after the choice.' });

const stage = z.array(StageDirection).min(1).meta({ description: 'What the map shows after the choice.' });

const Variant = z.strictObject({
  when: when
    .optional()
    .meta({ description: 'Shown when all these hold; leave out on the last variant, the fallback.' }),
  text: text('The text on paths where this variant applies.'),
  citations,
  stage: stage.optional().meta({ description: "Outcome variants only: replaces the option's stage directions." }),
  evidence: Evidence.optional().meta({
    description: "Outcome variants only: the kind of claim, when it differs from the option's.",
  }),
});

/** A plain text, or variants of which the first whose conditions hold is shown. */
const variantText = (description: string) =>
  z.union([text(description), z.array(Variant).min(1, 'give at least one variant')]);

const Route = z.strictObject({
  when: when.optional().meta({ description: 'Taken when all these hold; leave out on the last route, the fallback.' }),
  to: id.meta({ description: 'The id of the decision point or ending.' }),
});

/** Format 2's effect: format 1's, with the reason students read beside the meter's change. */
const Effect = z
  .strictObject({
    ...EffectV1.shape,
    reason: text(
      'Why the meter changes, in a few words students read beside the change, e.g. "the Kremlin treats the strikes as NATO\'s involvement". Without it, the outcome is shown as the reason.',
    ).optional(),
  })
  .refine((effect) => (effect.add === undefined) !== (effect.set === undefined), {
    message: 'an effect needs exactly one of "add" or "set"',
  })
  .meta({ description: 'How choosing an option changes the world state.' });

const Option = z.strictObject({
  id,
  label: text('What the decision-maker does, in a few words.'),
  outcome: variantText('What happens when this option is chosen.'),
  evidence: Evidence,
  citations,
  next: z.union([id, z.array(Route).min(1, 'give at least one route')]).meta({
    description: 'The id of the decision point or ending that follows, or routes: the first that holds is taken.',
  }),
  effects: z.array(Effect).optional(),
  when: when.optional().meta({ description: 'Offered only when all these conditions hold.' }),
  stage: stage.optional(),
});

const Decision = z.strictObject({
  id,
  actor: id.meta({ description: 'The id of the actor who decides here.' }),
  title: text('A short heading for this decision point.'),
  situation: variantText('What the decision-maker faces, in neutral words.'),
  citations: citations.optional(),
  // Format 2 may list options for different paths; the analysis checks that no path offers more than 4.
  options: z
    .array(Option)
    .min(2, 'a decision point lists at least 2 options')
    .max(
      MAX_LISTED_OPTIONS,
      `a decision point lists at most ${MAX_LISTED_OPTIONS} options (and offers at most 4 on any path)`,
    ),
});

const Ending = z
  .strictObject({
    id,
    title: text('The name of this ending.'),
    text: variantText('What the world looks like at this ending.'),
    evidence: Evidence.optional(),
    // Left out when the text is written as variants, which carry their own: then it reads as [].
    citations: citations
      .default([])
      .meta({ description: 'Required when "text" is one text; variants carry their own.' }),
    questions: z.array(text('A question for the class.')).min(1, 'give the class at least one discussion question'),
  })
  .refine((ending) => typeof ending.text !== 'string' || ending.citations.length > 0, {
    message: 'missing required field "citations": every claim must be checkable in a source',
    path: ['citations'],
  });

const Variable = z.strictObject({
  id,
  label: text('The name shown on the meter.'),
  description: text('What this measures and what high and low mean.').optional(),
  hidden: z
    .boolean()
    .optional()
    .meta({ description: 'true: tracked and used in conditions, never shown to students as a meter.' }),
  min: z.number().int(),
  max: z.number().int(),
  initial: z.number().int(),
});

/** Text with its citations, or marked as background the source does not give. */
const CitedText = z
  .strictObject({
    text: text('What students read.'),
    citations: citations.optional(),
    outsideSource: z
      .literal(true)
      .optional()
      .meta({ description: 'Shown to students as background the source does not give.' }),
  })
  .refine((t) => (t.citations !== undefined) !== (t.outsideSource !== undefined), {
    message: 'give "citations", or "outsideSource: true" when the source does not say it (one of the two)',
  });

const GlossaryEntry = z
  .strictObject({
    term: text('The word or phrase as it occurs in student text.'),
    definition: text('A short explanation, shown where the term occurs.'),
    citations: citations.optional(),
    outsideSource: z.literal(true).optional(),
  })
  .refine((t) => t.citations === undefined || t.outsideSource === undefined, {
    message: 'give "citations" or "outsideSource: true", not both',
  });

const Teacher = z
  .strictObject({
    ageBand: text('Who it is for, e.g. "14+".').optional(),
    minutes: z.number().int().positive().optional(),
    objectives: z.array(text('A learning objective.')).optional(),
    background: z.array(CitedText).optional(),
    glossary: z.array(GlossaryEntry).optional(),
    roleBriefs: z
      .array(z.strictObject({ actor: id, text: text('What a group playing this actor is told.') }))
      .optional(),
    debrief: z.array(text('A question common to all endings.')).optional(),
    exitTicket: z.array(text('A question.')).optional(),
    lessonPlans: z
      .array(
        z.strictObject({
          minutes: z.number().int().positive(),
          steps: z
            .array(z.strictObject({ minutes: z.number().positive(), activity: text('What the class does.') }))
            .min(1),
        }),
      )
      .optional(),
    sensitivity: z.array(text('Something to handle with care.')).optional(),
    notes: text('For the teacher only: never in a student build or export unless shipNotes is true.').optional(),
    shipNotes: z.boolean().optional(),
  })
  .meta({ description: 'Material for teachers. Everything here is shown to students except "notes".' });

const Limits = z
  .strictObject({
    situationWords: z.number().int().positive().optional(),
    outcomeWords: z.number().int().positive().optional(),
  })
  .meta({ description: 'Word counts above which the checker warns (defaults: situation 80, outcome 60).' });

export const ScenarioSchema = z
  .strictObject({
    format: z
      .literal(FORMAT_VERSION)
      .meta({ description: 'The version of the scenario format this file is written in.' }),
    id,
    title: text('The title students see.'),
    summary: text('One or two sentences on what the scenario is about.'),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag like "en" or "fr-CA"'),
    authors: z.array(text('An author.')).min(1),
    licence: text('The licence of this scenario, e.g. CC-BY-4.0.'),
    educatorNotes: text('Notes for the teacher: aims, context, how to run it.').optional(),
    start: id.meta({ description: 'The id of the first decision point.' }),
    sources: z.array(Source).min(1),
    actors: z.array(Actor).min(1),
    variables: z.array(Variable).default([]),
    decisions: z.array(Decision).min(1),
    endings: z.array(Ending).min(1),
    map: MapLayers.optional(),
    teacher: Teacher.optional(),
    limits: Limits.optional(),
  })
  .meta({ title: 'Branchpoint scenario', description: 'A decision scenario for Branchpoint. See docs/authoring.md.' });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Citation = z.infer<typeof Citation>;
export type Effect = z.infer<typeof Effect>;
export type Option = z.infer<typeof Option>;
export type Decision = z.infer<typeof Decision>;
export type Ending = z.infer<typeof Ending>;
export type Source = z.infer<typeof Source>;
export type Actor = z.infer<typeof Actor>;
export type Variable = z.infer<typeof Variable>;
export type MapLayers = z.infer<typeof MapLayers>;
export type Variant = z.infer<typeof Variant>;
export type Route = z.infer<typeof Route>;
export type StageDirection = z.infer<typeof StageDirection>;
export type Teacher = z.infer<typeof Teacher>;
export type Limits = z.infer<typeof Limits>;
/** A situation, outcome or ending text: one string, or variants. */
export type VariantText = string | Variant[];

/**
 * The JSON Schema editors use; written to scenarios/scenario.schema.json by `npm run schema`.
 * It describes format 2 and accepts `format: 1` too, since format 2 is a superset of format 1.
 */
export function scenarioJsonSchema(): unknown {
  const either = ScenarioSchema.extend({
    format: z
      .union([z.literal(1), z.literal(FORMAT_VERSION)])
      .meta({ description: 'The version of the scenario format this file is written in (1 or 2).' }),
  }).meta({
    title: 'Branchpoint scenario',
    description: 'A decision scenario for Branchpoint. See docs/authoring.md.',
  });
  return z.toJSONSchema(either, { io: 'input', unrepresentable: 'any' });
}
