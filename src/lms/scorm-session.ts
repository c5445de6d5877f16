/**
 * The player's side of a SCORM session: finds the platform's API (the package's own version
 * first), opens the session, and turns play events into SCORM data: incomplete on launch,
 * completed at an ending, each choice an interaction, the place in suspend_data, session time.
 * Everything in one change (a choice moves the place and records an interaction) goes to the
 * platform in one commit.
 */
import type { PlayEvent } from '../ui/play-events.ts';
import { findApi, type WindowLike } from './find-api.ts';
import {
  scorm12Adapter,
  scorm2004Adapter,
  type Scorm12Api,
  type Scorm2004Api,
  type ScormAdapter,
  type ScormVersion,
} from './scorm-adapter.ts';
import { decodeSuspendData, encodeSuspendData } from './suspend-data.ts';

export interface ScormSession {
  adapter: ScormAdapter;
  /** The option ids the platform kept from the last session, if any. */
  resumeFrom: string[] | undefined;
  learner: { id: string; name: string };
  handle(event: PlayEvent): void;
  /** The learner leaves the page: the session is suspended, to resume next time. */
  finish(): void;
}

/** The adapter for the platform around this window, or undefined when there is none (a plain web page). */
export function findScormAdapter(win: WindowLike, preferred: ScormVersion | undefined): ScormAdapter | undefined {
  const order: ScormVersion[] = preferred === '2004' ? ['2004', '1.2'] : ['1.2', '2004'];
  for (const version of order) {
    const api = findApi(win, version === '1.2' ? 'API' : 'API_1484_11');
    if (api) return version === '1.2' ? scorm12Adapter(api as Scorm12Api) : scorm2004Adapter(api as Scorm2004Api);
  }
  return undefined;
}

export function startScormSession(
  adapter: ScormAdapter,
  now: () => number,
  report: (problem: string) => void,
): ScormSession | undefined {
  const started = now();
  if (!adapter.initialize()) {
    report(`The learning platform did not open a SCORM ${adapter.version} session: ${adapter.lastError() ?? ''}`);
    return undefined;
  }
  const resumeFrom = decodeSuspendData(adapter.suspendData());
  const learner = adapter.learner();
  adapter.launched();
  adapter.commit(now() - started);
  let pending = false;
  let finished = false;
  const commit = () => {
    pending = false;
    if (finished) return;
    adapter.commit(now() - started);
    const problem = adapter.lastError();
    if (problem) report(`The learning platform refused part of the record: ${problem}`);
  };
  return {
    adapter,
    resumeFrom,
    learner,
    handle(event) {
      if (finished) return;
      if (event.kind === 'moved') adapter.savePlace(encodeSuspendData(event.path), event.at);
      else if (event.kind === 'chose')
        adapter.recordChoice({
          decisionId: event.decision.id,
          decisionTitle: event.decision.title,
          optionId: event.option.id,
          optionLabel: event.option.label,
          evidence: event.option.evidence,
          at: new Date(),
        });
      else if (event.kind === 'ended') adapter.completed();
      else return;
      if (!pending) {
        pending = true;
        queueMicrotask(commit);
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      adapter.finish(now() - started);
    },
  };
}
