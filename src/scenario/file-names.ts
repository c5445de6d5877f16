/** The names a scenario file may have, in the order a folder is searched for them. */
export const SCENARIO_FILE_NAMES = ['scenario.yaml', 'scenario.yml', 'scenario.json'];
