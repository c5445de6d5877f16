/**
 * Which schema checks a document, by its `format` field: format 2 with its own schema; anything
 * else with the format-1 schema exactly as released (so a format-1 file, or one with no or a
 * wrong `format`, gets the messages it always got), then migrated in memory to format 2.
 * Everything downstream sees only the format-2 `Scenario`.
 */
import type { z } from 'zod';
import { isRecord } from '../lib/is-record.ts';
import { migrateFormat1 } from './migrations/index.ts';
import { ScenarioSchemaV1 } from './schema-v1.ts';
import { FORMAT_VERSION, ScenarioSchema, type Scenario } from './schema.ts';

export type Shaped =
  { ok: true; scenario: Scenario; writtenIn: 1 | 2 } | { ok: false; issues: z.core.$ZodIssue[]; schema: z.ZodType };

export function shapeScenario(value: unknown): Shaped {
  if (isRecord(value) && value.format === FORMAT_VERSION) {
    const result = ScenarioSchema.safeParse(value, { reportInput: true });
    return result.success
      ? { ok: true, scenario: result.data, writtenIn: 2 }
      : { ok: false, issues: result.error.issues, schema: ScenarioSchema };
  }
  const result = ScenarioSchemaV1.safeParse(value, { reportInput: true });
  return result.success
    ? { ok: true, scenario: migrateFormat1(result.data), writtenIn: 1 }
    : { ok: false, issues: result.error.issues, schema: ScenarioSchemaV1 };
}
