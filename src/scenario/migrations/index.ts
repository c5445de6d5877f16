/**
 * Numbered, named migrations between format versions, in the manner of tldraw's record
 * migrations: each is a small pure function from one checked version to the next, applied in
 * order in memory. Files on disk are never rewritten; an author upgrades by hand when they want
 * format-2 features (docs/authoring.md, "Migrating from format 1").
 */
import type { ScenarioV1 } from '../schema-v1.ts';
import type { Scenario } from '../schema.ts';
import { format1To2 } from './001-format-1-to-2.ts';

/** Every migration, in the order they apply. Each migration's `from` is the previous one's `to`. */
export const MIGRATIONS = [format1To2] as const;

/** A checked format-1 scenario, brought up to the current format. */
export function migrateFormat1(scenario: ScenarioV1): Scenario {
  // One migration today; the next (format 2 -> 3) chains after it here.
  return format1To2.up(scenario);
}
