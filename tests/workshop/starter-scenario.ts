/**
 * A small scenario for security tests that must not depend on the flagship's ids: the starter
 * written by `npm run scenario -- new` (one decision, two options), with text and option ids
 * changed as a test needs (an option called `constructor`, HTML in a title).
 */
import { checkScenario } from '../../src/engine/check.ts';
import { STARTER_SOURCE_FILE, STARTER_SOURCE_TEXT, starterScenario } from '../../src/authoring/starter.ts';
import type { ScenarioBundle } from '../../src/scenario/validate.ts';
import { roomScenario, type RoomScenario } from '../../src/workshop/room.ts';

export const STARTER_ID = 'starter-room';
/** The starter's option ids, in the order offered. */
export const STARTER_OPTIONS = ['use-the-park', 'stay-inside'] as const;

/** The starter's YAML, with each [from, to] replaced everywhere (ids, titles, any text); each must occur. */
export function starterYaml(replacements: Array<[string, string]> = []): string {
  let yaml = starterScenario({ id: STARTER_ID, schemaPath: 'scenario.schema.json' });
  for (const [from, to] of replacements) {
    // A replacement that no longer matches (the starter changed) would quietly test nothing.
    if (!yaml.includes(from)) throw new Error(`the starter has no "${from}" to replace`);
    yaml = yaml.split(from).join(to);
  }
  return yaml;
}

export function starterBundle(replacements: Array<[string, string]> = []): ScenarioBundle {
  const checked = checkScenario('scenario.yaml', starterYaml(replacements), (path) =>
    path === STARTER_SOURCE_FILE ? STARTER_SOURCE_TEXT : undefined,
  );
  if (!checked.bundle)
    throw new Error(`The test scenario does not validate:\n${checked.diagnostics.map((d) => d.message).join('\n')}`);
  return checked.bundle;
}

export const starterRoomScenario = (replacements: Array<[string, string]> = []): RoomScenario =>
  roomScenario(starterBundle(replacements));
