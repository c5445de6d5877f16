/**
 * Which schema checks a document, by its `format` field: format 2 with its own schema; anything
 * else with the format-1 schema exactly as released (so a format-1 file, or one with no or a
 * wrong `format`, gets the messages it always got), then migrated in memory to format 2.
 * Everything downstream sees only the format-2 `Scenario`.
 */
import { z } from 'zod';
import { isRecord } from '../lib/is-record.ts';
import { migrateFormat1 } from './migrations/index.ts';
import { ScenarioSchemaV1 } from './schema-v1.ts';
import { boundedScenarioSchema, FORMAT_VERSION, ScenarioSchema, type Scenario } from './schema.ts';

export type Shaped =
  { ok: true; scenario: Scenario; writtenIn: 1 | 2 } | { ok: false; issues: z.core.$ZodIssue[]; schema: z.ZodType };

/** How deep anyOf may nest for the compiled check; a deeper file is checked by the runtime parser alone. */
const COMPILED_ANY_OF_DEPTH = 3;

interface FastChecks {
  v1: typeof ScenarioSchemaV1;
  v2: typeof ScenarioSchema;
}

let fast: FastChecks | null | undefined;

/**
 * zod's runtime parser walks a 10,000-point scenario in about a third of a second (twice the rest of
 * validation); its compiled form (z.compile, `new Function`) checks the same rules in a fraction of
 * that. Compiled on first use; not at all where eval is off (pages under the CSP run jitless, see
 * src/ui/zod-without-eval.ts) or refused. The format-2 schema is recursive (anyOf), which zod cannot
 * compile, so the compiled check is of a bounded copy that accepts a subset with the same output.
 */
function fastChecks(): FastChecks | null {
  if (fast !== undefined) return fast;
  fast = null;
  if (z.config().jitless) return fast;
  try {
    fast = {
      v1: z.compile(ScenarioSchemaV1, { strict: true }),
      v2: z.compile(boundedScenarioSchema(COMPILED_ANY_OF_DEPTH), { strict: true }),
    };
  } catch {
    // Refused (eval unavailable, or a schema feature the compiler cannot model): the runtime parser alone.
  }
  return fast;
}

/**
 * A valid document is accepted by the compiled check; anything it does not accept goes to the
 * runtime parser, which alone says what is wrong, in the words it always used.
 */
function parseWith<T extends z.ZodType>(schema: T, compiled: T | undefined, value: unknown) {
  const quick = compiled?.safeParse(value);
  if (quick?.success) return quick;
  return schema.safeParse(value, { reportInput: true });
}

export function shapeScenario(value: unknown): Shaped {
  const compiled = fastChecks() ?? undefined;
  if (isRecord(value) && value.format === FORMAT_VERSION) {
    const result = parseWith(ScenarioSchema, compiled?.v2, value);
    return result.success
      ? { ok: true, scenario: result.data, writtenIn: 2 }
      : { ok: false, issues: result.error.issues, schema: ScenarioSchema };
  }
  const result = parseWith(ScenarioSchemaV1, compiled?.v1, value);
  return result.success
    ? { ok: true, scenario: migrateFormat1(result.data), writtenIn: 1 }
    : { ok: false, issues: result.error.issues, schema: ScenarioSchemaV1 };
}
