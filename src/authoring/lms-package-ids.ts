/**
 * Names that a learning-platform package and the player inside it must agree on: the SCORM version the
 * package declares, and the activity id xAPI statements and cmi5.xml use for a scenario. Here, in a pure
 * room, so the exporter (authoring, cli) and the player's bridge (src/lms) share one definition.
 */
export type ScormVersion = '1.2' | '2004';

/** The xAPI activity id of a scenario: a name (URN), not an address. */
export const scenarioActivityId = (id: string) => `urn:branchpoint:scenario:${id}`;
