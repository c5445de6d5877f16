/**
 * Runs the check of opened files off the page's main thread: a large or hostile scenario (1 MB of
 * YAML, millions of world states to explore) then costs the author a wait, never a frozen tab.
 */
import '../zod-without-eval.ts';
import type { OpenedFile } from '../../authoring/file-set.ts';
import { openScenario } from '../../authoring/open-scenario.ts';

export interface CheckRequest {
  files: OpenedFile[];
  pick?: string;
}

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const outcome = openScenario(event.data.files, event.data.pick);
  // The files go back only as the page sent them (it keeps its own copy): no second copy is posted.
  postMessage(outcome.kind === 'checked' || outcome.kind === 'choose' ? { ...outcome, files: [] } : outcome);
};
