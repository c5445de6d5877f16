/**
 * Migration 1: format 1 -> format 2. Format 2 only adds (conditions on the path, text variants,
 * routes, hidden variables, stage directions, teacher material, limits), and every format-1
 * construct means the same in format 2, so the document keeps its shape and gains its new
 * number. Being a pure function of the checked format-1 scenario, diagnostics found later still
 * point at the author's own lines.
 */
import type { ScenarioV1 } from '../schema-v1.ts';
import type { Scenario } from '../schema.ts';

export const format1To2 = {
  id: 1,
  name: 'format-1-to-2',
  from: 1,
  to: 2,
  up: (scenario: ScenarioV1): Scenario => ({ ...scenario, format: 2 }),
} as const;
