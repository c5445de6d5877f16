/**
 * Format 1, kept exactly as it was released: a `format: 1` file is checked with this schema (so
 * its messages never change), then migrated in memory to format 2 (src/scenario/migrations/).
 * Format 2 (schema.ts) reuses the building blocks exported here.
 */
import { z } from 'zod';

export const FORMAT_1 = 1;

export const EVIDENCE_KINDS = ['reported', 'stated-position', 'analysis', 'hypothetical'] as const;
export type Evidence = (typeof EVIDENCE_KINDS)[number];

export const text = (description: string) => z.string().trim().min(1, 'must not be empty').meta({ description });

export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'ids use lowercase letters, digits and dashes, like "us-permission"')
  .max(64, 'ids are at most 64 characters')
  .meta({ description: 'A short name used to refer to this item: lowercase letters, digits and dashes.' });

export const Evidence = z.enum(EVIDENCE_KINDS).meta({
  description:
    "What kind of claim this is: reported (the source states it as fact), stated-position (someone in the source argues or warns it), analysis (an analyst's judgement quoted in the source), hypothetical (the author's extrapolation from the cited words).",
});

export const Citation = z
  .strictObject({
    source: id.meta({ description: 'The id of a source listed under "sources".' }),
    quote: text(
      'The exact words of the source. White space and the style of quotes, apostrophes and dashes may differ; nothing else.',
    ),
    evidence: Evidence.optional().meta({
      description:
        'Optional: what kind of claim the quoted passage itself is, e.g. stated-position for a warning someone made, even when the option citing it is hypothetical.',
    }),
    note: text('Optional: why this passage supports the claim.').optional(),
  })
  .meta({ description: 'A passage of a source, quoted exactly.' });

export const citations = z
  .array(Citation)
  .min(1, 'needs at least one citation: every claim must be checkable in a source');

export const Effect = z
  .strictObject({
    variable: id.meta({ description: 'The id of a variable listed under "variables".' }),
    add: z
      .number()
      .meta({
        description: 'Change the variable by this amount (negative to lower it). The result stays within the range.',
      })
      .optional(),
    set: z.number().meta({ description: 'Set the variable to this value.' }).optional(),
  })
  .refine((effect) => (effect.add === undefined) !== (effect.set === undefined), {
    message: 'an effect needs exactly one of "add" or "set"',
  })
  .meta({ description: 'How choosing an option changes the world state.' });

const Condition = z
  .strictObject({
    variable: id.meta({ description: 'The id of a variable listed under "variables".' }),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
  })
  .refine((condition) => condition.atLeast !== undefined || condition.atMost !== undefined, {
    message: 'a condition needs "atLeast", "atMost" or both',
  })
  .meta({ description: 'The option is offered only while the variable is within these bounds.' });

const Option = z.strictObject({
  id,
  label: text('What the decision-maker does, in a few words.'),
  outcome: text('What happens when this option is chosen.'),
  evidence: Evidence,
  citations,
  next: id.meta({ description: 'The id of the decision point or ending that follows.' }),
  effects: z.array(Effect).optional(),
  when: z.array(Condition).min(1).optional().meta({ description: 'Offered only when all these conditions hold.' }),
});

const Decision = z.strictObject({
  id,
  actor: id.meta({ description: 'The id of the actor who decides here.' }),
  title: text('A short heading for this decision point.'),
  situation: text('What the decision-maker faces, in neutral words.'),
  citations: citations.optional(),
  options: z
    .array(Option)
    .min(2, 'a decision point offers 2 to 4 options')
    .max(4, 'a decision point offers 2 to 4 options'),
});

const Ending = z.strictObject({
  id,
  title: text('The name of this ending.'),
  text: text('What the world looks like at this ending.'),
  evidence: Evidence.optional(),
  citations,
  questions: z.array(text('A question for the class.')).min(1, 'give the class at least one discussion question'),
});

export const Source = z.strictObject({
  id,
  title: text('The title, or a description if it has none.'),
  file: z
    .string()
    .regex(
      /^(?!\/)(?!.*\.\.)[^\\:]+$/,
      'a source file is a path inside the scenario folder, like "sources/article.txt"',
    )
    .meta({ description: 'The text of the source, a UTF-8 file beside the scenario.' }),
  publisher: text('Who published it, where known.').optional(),
  date: text('When it was published, where known (e.g. 2024-11).').optional(),
  url: text('Where it can be found, where known.').optional(),
  notes: text('Anything students should know about this source.').optional(),
});

export const Actor = z.strictObject({
  id,
  name: text('Who this is.'),
  short: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(18, 'a short name is at most 18 characters')
    .meta({ description: 'A short name for the map and other tight spaces, like "Kremlin" (at most 18 characters).' })
    .optional(),
  description: text('Their role in this scenario.').optional(),
});

const Variable = z.strictObject({
  id,
  label: text('The name shown on the meter.'),
  description: text('What this measures and what high and low mean.').optional(),
  min: z.number().int(),
  max: z.number().int(),
  initial: z.number().int(),
});

export const Place = z.strictObject({
  id,
  name: text('The place name shown on the map.'),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  citations,
});

export const Range = z.strictObject({
  id,
  label: text('What the circle shows.'),
  center: id.meta({ description: 'The id of a place the range is drawn around.' }),
  km: z.number().positive(),
  citations,
});

export const MapLayers = z.strictObject({
  title: text('A caption for the map.').optional(),
  places: z.array(Place).min(1),
  ranges: z.array(Range).optional(),
});

export const ScenarioSchemaV1 = z
  .strictObject({
    format: z.literal(FORMAT_1).meta({ description: 'The version of the scenario format this file is written in.' }),
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
  })
  .meta({ title: 'Branchpoint scenario', description: 'A decision scenario for Branchpoint. See docs/authoring.md.' });

export type ScenarioV1 = z.infer<typeof ScenarioSchemaV1>;
