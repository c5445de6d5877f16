/**
 * What Vite's dev server tells an open page about the scenarios it serves, over Vite's own
 * WebSocket: sent after every change to a scenario or its sources, and on the page's asking.
 * The build plugin (src/build/scenarios-plugin.ts) sends it; src/ui/authoring/live-scenarios.ts receives
 * it. It lives here, in a pure room, because both sides import it and build may not import ui; Vite's
 * types learn the two events in src/vite-events.d.ts.
 */
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { ProblemReport } from './problem-report.ts';

export const SCENARIOS_EVENT = 'branchpoint:scenarios';
export const ASK_EVENT = 'branchpoint:ask';

export interface LiveScenarios {
  /** Every scenario without errors, as players get it. */
  bundles: ScenarioBundle[];
  /** Every scenario file with problems (errors or warnings), with its text to show the lines. */
  reports: ProblemReport[];
}
