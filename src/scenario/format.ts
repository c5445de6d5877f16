/**
 * Which schema checks a document, by its `format` field: format 2 with its own schema; anything
 * else with the format-1 schema exactly as released (so a format-1 file, or one with no or a
 * wrong `format`, gets the messages it always got), then migrated in memory to format 2.
 * Everything downstream sees only the format-2 `Scenario`.
 */
import type { z } from 'zod';
import { isRecord } from '../lib/is-record.ts';
import { migrateFormat1 } from './migrations/index.ts';
import { accepter, REJECTED } from './schema-accept.ts';
import { ScenarioSchemaV1, type ScenarioV1 } from './schema-v1.ts';
import { FORMAT_VERSION, ScenarioSchema, type Scenario } from './schema.ts';

export type Shaped =
  { ok: true; scenario: Scenario; writtenIn: 1 | 2 } | { ok: false; issues: z.core.$ZodIssue[]; schema: z.ZodType };

/**
 * safeParse, through the fast walk of schema-accept.ts first: it gives the same value for a valid
 * document at a fraction of the cost, and anything it does not accept goes to zod for the messages.
 */
function parseWith<T>(schema: z.ZodType<T>, fast: ((value: unknown) => unknown) | undefined, value: unknown) {
  const accepted = fast ? fast(value) : REJECTED;
  if (accepted !== REJECTED) return { success: true as const, data: accepted as T };
  return schema.safeParse(value, { reportInput: true });
}

// Made on first use: a process that never validates a scenario pays nothing.
let made: { fast1: ReturnType<typeof accepter>; fast2: ReturnType<typeof accepter> } | undefined;
const accepters = () => (made ??= { fast2: accepter(ScenarioSchema), fast1: accepter(ScenarioSchemaV1) });

export function shapeScenario(value: unknown): Shaped {
  const { fast1, fast2 } = accepters();
  if (isRecord(value) && value.format === FORMAT_VERSION) {
    const result = parseWith(ScenarioSchema, fast2, value);
    return result.success
      ? { ok: true, scenario: result.data, writtenIn: 2 }
      : { ok: false, issues: result.error.issues, schema: ScenarioSchema };
  }
  const result = parseWith<ScenarioV1>(ScenarioSchemaV1, fast1, value);
  return result.success
    ? { ok: true, scenario: migrateFormat1(result.data), writtenIn: 1 }
    : { ok: false, issues: result.error.issues, schema: ScenarioSchemaV1 };
}
