/**
 * Connects the single-file player to whatever launched it: a learning platform's SCORM API, a
 * learning record store, and the host page. Returns what the App needs: a listener for play
 * events, the place to resume from, and the address to open at.
 */
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { PlayEvent, PlayListener } from '../ui/play-events.ts';
import type { ScormVersion } from './scorm-adapter.ts';
import { findScormAdapter, startScormSession, type ScormSession } from './scorm-session.ts';
import { lrsLaunch } from './xapi/launch.ts';
import { startXapiSession, type XapiSession } from './xapi-session.ts';

export interface PlayerBridge {
  listener: PlayListener;
  resumeFrom: (scenario: string) => string[] | undefined;
  /** Where to open when the address names no screen: under a platform, straight into the scenario. */
  startHash: string | undefined;
}

export function connectPlayer(win: Window, bundle: ScenarioBundle): PlayerBridge {
  const report = (problem: string) => console.warn(`Branchpoint: ${problem}`);
  const now = () => performance.now();
  const { id, title, language } = bundle.scenario;
  const declared = win.document.querySelector('meta[name="branchpoint-scorm"]')?.getAttribute('content');
  const preferred: ScormVersion | undefined = declared === '1.2' || declared === '2004' ? declared : undefined;
  const adapter = findScormAdapter(win, preferred);
  const scorm: ScormSession | undefined = adapter ? startScormSession(adapter, now, report) : undefined;
  let place = scorm?.resumeFrom;

  // Statements wait for the store's launch data (cmi5); play events meanwhile are kept in order.
  let xapi: XapiSession | undefined;
  const early: PlayEvent[] = [];
  void startXapiSession({
    win,
    scenario: { id, title, language },
    ...(scorm?.learner.id ? { learner: { id: scorm.learner.id, homePage: platformHome(win) } } : {}),
    now,
    report,
  }).then((session) => {
    xapi = session;
    for (const event of early.splice(0)) session.handle(event);
  });

  win.addEventListener('pagehide', () => {
    scorm?.finish();
    xapi?.finish();
  });

  return {
    listener(event) {
      if (event.kind === 'moved') place = event.path;
      scorm?.handle(event);
      if (xapi) xapi.handle(event);
      else early.push(event);
    },
    resumeFrom: (scenario) => (scenario === id ? place : undefined),
    startHash: scorm || lrsLaunch(win.location.search) ? (place ? `#/s/${id}/play` : `#/s/${id}`) : undefined,
  };
}

/** The platform's address, which names the learner's account in statements that only the host page sees. */
function platformHome(win: Window): string {
  for (const candidate of [win.document.referrer, win.location.href]) {
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
    } catch {
      // not an address: try the next
    }
  }
  return 'https://branchpoint.invalid';
}
