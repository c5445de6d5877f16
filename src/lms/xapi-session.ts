/**
 * The player's xAPI statements and where they go: always to the host page (a CustomEvent named
 * "branchpoint:xapi" on the player's window, and a message to the parent frame when framed), and
 * to a learning record store when the launch address names one (cmi5, or endpoint and auth).
 */
import type { PlayEvent } from '../ui/play-events.ts';
import { lrsLaunch } from './xapi/launch.ts';
import { cmi5Token, LrsClient } from './xapi/lrs.ts';
import { scenarioActivityId, StatementMaker, type Agent, type Statement } from './xapi/statements.ts';

export const XAPI_EVENT = 'branchpoint:xapi';

export interface XapiSession {
  handle(event: PlayEvent): void;
  finish(): void;
}

export interface XapiOptions {
  win: Window;
  scenario: { id: string; title: string; language: string };
  /** The learner the learning platform named (SCORM), for statements that go only to the host page. */
  learner?: { id: string; homePage: string };
  now: () => number;
  report: (problem: string) => void;
}

const PLACEHOLDER_HOME = 'https://branchpoint.invalid';

export async function startXapiSession({ win, scenario, learner, now, report }: XapiOptions): Promise<XapiSession> {
  const started = now();
  const launch = lrsLaunch(win.location.search);
  let lrs: LrsClient | undefined;
  let contextTemplate;
  try {
    if (launch?.kind === 'cmi5') {
      lrs = new LrsClient(launch.endpoint, await cmi5Token(launch.fetchUrl), report);
      contextTemplate = (await lrs.launchData(launch.activityId, launch.actor, launch.registration)).contextTemplate;
    } else if (launch?.kind === 'direct') lrs = new LrsClient(launch.endpoint, launch.auth, report);
  } catch (error) {
    report(`xAPI: the learning record store could not be reached (${String(error)}); statements stay in this page.`);
    lrs = undefined;
  }
  const actor: Agent = launch?.actor ?? {
    objectType: 'Agent',
    account: learner?.id
      ? { homePage: learner.homePage, name: learner.id }
      : { homePage: PLACEHOLDER_HOME, name: anonymousId(win) },
  };
  const maker = new StatementMaker({
    actor,
    activityId: launch?.activityId ?? scenarioActivityId(scenario.id),
    title: scenario.title,
    language: scenario.language,
    ...(launch?.registration ? { registration: launch.registration } : {}),
    ...(launch?.kind === 'cmi5' ? { cmi5: { contextTemplate: contextTemplate ?? {} } } : {}),
    uuid: () => win.crypto.randomUUID(),
    now: () => new Date(),
  });
  const emit = (statement: Statement, leaving = false) => {
    win.dispatchEvent(new CustomEvent(XAPI_EVENT, { detail: statement }));
    if (win.parent !== win) win.parent.postMessage({ type: XAPI_EVENT, statement }, '*');
    if (leaving) lrs?.sendLeaving(statement);
    else void lrs?.send(statement);
  };
  emit(maker.launched());
  let finished = false;
  return {
    handle(event) {
      const statement = finished ? undefined : maker.forEvent(event, now() - started);
      if (statement) emit(statement);
    },
    finish() {
      if (finished) return;
      finished = true;
      if (launch?.kind === 'cmi5') emit(maker.terminated(now() - started), true);
    },
  };
}

/** A random name for a learner nobody named, kept for the browser's session so statements hang together. */
function anonymousId(win: Window): string {
  const key = 'branchpoint:xapi-learner';
  try {
    const kept = win.sessionStorage.getItem(key);
    if (kept) return kept;
    const made = win.crypto.randomUUID();
    win.sessionStorage.setItem(key, made);
    return made;
  } catch {
    return win.crypto.randomUUID();
  }
}
