/** The scenarios rooms can play: every scenario under a folder, through the one checking chain. */
import { checkScenario } from '../engine/check.ts';
import { formatDiagnostic } from '../scenario/diagnostic.ts';
import { displayPath, findScenarioFiles, readBeside, readBytes } from '../node/scenario-files.ts';
import { roomScenario, type RoomScenario } from '../workshop/room.ts';

/** Scenario id -> ready to play; throws with every error's file:line:col when one does not check. */
export function loadRoomScenarios(folder: string): Map<string, RoomScenario> {
  const scenarios = new Map<string, RoomScenario>();
  const problems: string[] = [];
  for (const file of findScenarioFiles(folder) ?? []) {
    const result = checkScenario(displayPath(file), readBytes(file), readBeside(file));
    if (result.bundle) scenarios.set(result.bundle.scenario.id, roomScenario(result.bundle));
    else problems.push(...result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
  }
  if (problems.length > 0) throw new Error(`Scenario errors:\n${problems.join('\n')}`);
  return scenarios;
}
