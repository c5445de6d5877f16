/**
 * Talks to a learning platform through its SCORM run-time API, in the words of the version it
 * speaks. The player says what happened (launched, chose, ended, left) through one interface;
 * the two implementations know SCORM 1.2's and 2004's element names, vocabularies and formats.
 * Pure: the API object is handed in (src/lms/find-api.ts finds it), and the clock is a parameter.
 */
import type { ScormVersion } from '../authoring/lms-package-ids.ts';
import type { Evidence } from '../scenario/schema.ts';
import { scorm12SessionTime, scorm2004SessionTime } from './session-time.ts';
import { SCORM12_SUSPEND_LIMIT } from './suspend-data.ts';

export type { ScormVersion };

/** The SCORM 1.2 API object a platform puts at window.API (RTE 3.3). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): unknown;
  LMSFinish(arg: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(arg: ''): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
}

/** The SCORM 2004 API object a platform puts at window.API_1484_11 (RTE 3.1). */
export interface Scorm2004Api {
  Initialize(arg: ''): unknown;
  Terminate(arg: ''): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(arg: ''): unknown;
  GetLastError(): unknown;
  GetErrorString(code: string): unknown;
}

/** One choice, as the platform records it. */
export interface ChoiceRecord {
  decisionId: string;
  decisionTitle: string;
  optionId: string;
  optionLabel: string;
  evidence: Evidence;
  at: Date;
}

export interface ScormAdapter {
  readonly version: ScormVersion;
  /** Opens the session; false when the platform refuses (then nothing else is sent). */
  initialize(): boolean;
  /** The place the platform kept from the last session ('' when none). */
  suspendData(): string;
  learner(): { id: string; name: string };
  /** Marks the attempt incomplete, unless an earlier session completed it. */
  launched(): void;
  completed(): void;
  /** Where the learner is: suspend_data (their choices) and location (the point they are at). */
  savePlace(suspendData: string, location: string): void;
  recordChoice(choice: ChoiceRecord): void;
  /** Writes the session time so far and asks the platform to store everything. */
  commit(elapsedMs: number): void;
  /** Ends the session: the learner may come back, so the attempt is suspended, not finished. */
  finish(elapsedMs: number): void;
  /** The latest thing the platform refused, as words (undefined when it has refused nothing). */
  lastError(): string | undefined;
}

/** What differs between the versions, besides the function names. */
interface Dialect {
  version: ScormVersion;
  status: string;
  doneStatuses: string[];
  suspendData: string;
  suspendLimit: number;
  location: string;
  exit: string;
  sessionTime: string;
  formatTime: (ms: number) => string;
  learnerId: string;
  learnerName: string;
  interaction: (n: number, choice: ChoiceRecord) => Array<[string, string]>;
}

/** Trimmed to what a field may hold, so a long title never makes the platform refuse the whole record. */
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const pad = (n: number) => String(n).padStart(2, '0');

const SCORM12: Dialect = {
  version: '1.2',
  status: 'cmi.core.lesson_status',
  doneStatuses: ['completed', 'passed', 'failed'],
  suspendData: 'cmi.suspend_data',
  suspendLimit: SCORM12_SUSPEND_LIMIT,
  location: 'cmi.core.lesson_location',
  exit: 'cmi.core.exit',
  sessionTime: 'cmi.core.session_time',
  formatTime: scorm12SessionTime,
  learnerId: 'cmi.core.student_id',
  learnerName: 'cmi.core.student_name',
  // 1.2's "choice" type only takes one-character answers (RTE 3.4.4), so a choice by option id is
  // a "performance"; 1.2 has no description, so the evidence label goes in as an objective id.
  interaction: (n, c) => [
    [`cmi.interactions.${n}.id`, clip(c.decisionId, 255)],
    [`cmi.interactions.${n}.objectives.0.id`, `evidence-${c.evidence}`],
    [`cmi.interactions.${n}.time`, `${pad(c.at.getHours())}:${pad(c.at.getMinutes())}:${pad(c.at.getSeconds())}`],
    [`cmi.interactions.${n}.type`, 'performance'],
    [`cmi.interactions.${n}.student_response`, clip(c.optionId, 255)],
    [`cmi.interactions.${n}.result`, 'neutral'],
  ],
};

const SCORM2004: Dialect = {
  version: '2004',
  status: 'cmi.completion_status',
  doneStatuses: ['completed'],
  suspendData: 'cmi.suspend_data',
  suspendLimit: 64_000,
  location: 'cmi.location',
  exit: 'cmi.exit',
  sessionTime: 'cmi.session_time',
  formatTime: scorm2004SessionTime,
  learnerId: 'cmi.learner_id',
  learnerName: 'cmi.learner_name',
  interaction: (n, c) => [
    [`cmi.interactions.${n}.id`, clip(c.decisionId, 4000)],
    [`cmi.interactions.${n}.type`, 'choice'],
    [`cmi.interactions.${n}.objectives.0.id`, `evidence-${c.evidence}`],
    [`cmi.interactions.${n}.timestamp`, localTimestamp(c.at)],
    [`cmi.interactions.${n}.learner_response`, clip(c.optionId, 250)],
    [`cmi.interactions.${n}.result`, 'neutral'],
    [`cmi.interactions.${n}.description`, clip(`${c.decisionTitle}: ${c.optionLabel} (evidence: ${c.evidence})`, 250)],
  ],
};

/**
 * SCORM 2004 time(second,10,0) with the offset, e.g. 2026-12-01T04:05:06.0+01:00: the format
 * (RTE 4.2.20) only allows the offset after a fraction of a second, hence the ".0".
 */
function localTimestamp(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.0` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The calls common to both versions, under one set of names. */
interface Calls {
  initialize(): unknown;
  finish(): unknown;
  get(element: string): unknown;
  set(element: string, value: string): unknown;
  commit(): unknown;
  lastError(): unknown;
  errorString(code: string): unknown;
}

const worked = (result: unknown) => String(result) === 'true';

class Adapter implements ScormAdapter {
  private error: string | undefined;

  constructor(
    private readonly dialect: Dialect,
    private readonly calls: Calls,
  ) {}

  get version(): ScormVersion {
    return this.dialect.version;
  }

  initialize(): boolean {
    return this.check(this.calls.initialize(), 'Initialize');
  }

  suspendData(): string {
    return this.get(this.dialect.suspendData);
  }

  learner(): { id: string; name: string } {
    return { id: this.get(this.dialect.learnerId), name: this.get(this.dialect.learnerName) };
  }

  launched(): void {
    if (!this.dialect.doneStatuses.includes(this.get(this.dialect.status))) this.set(this.dialect.status, 'incomplete');
    // Suspend, not a normal exit: the learner's place is kept for the next session.
    this.set(this.dialect.exit, 'suspend');
  }

  completed(): void {
    this.set(this.dialect.status, 'completed');
  }

  savePlace(suspendData: string, location: string): void {
    if (suspendData.length <= this.dialect.suspendLimit) this.set(this.dialect.suspendData, suspendData);
    else this.error = `the learner's place (${suspendData.length} characters) is more than SCORM ${this.version} keeps`;
    this.set(this.dialect.location, clip(location, 255));
  }

  recordChoice(choice: ChoiceRecord): void {
    const n = Number(this.get('cmi.interactions._count')) || 0;
    for (const [element, value] of this.dialect.interaction(n, choice)) this.set(element, value);
  }

  commit(elapsedMs: number): void {
    this.set(this.dialect.sessionTime, this.dialect.formatTime(elapsedMs));
    this.check(this.calls.commit(), 'Commit');
  }

  finish(elapsedMs: number): void {
    this.commit(elapsedMs);
    this.check(this.calls.finish(), 'Terminate');
  }

  lastError(): string | undefined {
    return this.error;
  }

  private get(element: string): string {
    const value = this.calls.get(element);
    return value === undefined || value === null ? '' : String(value);
  }

  private set(element: string, value: string): void {
    this.check(this.calls.set(element, value), `SetValue(${element})`);
  }

  private check(result: unknown, call: string): boolean {
    if (worked(result)) return true;
    const code = String(this.calls.lastError() ?? '');
    this.error = `${call} failed: ${code} ${String(this.calls.errorString(code) ?? '')}`.trim();
    return false;
  }
}

export function scorm12Adapter(api: Scorm12Api): ScormAdapter {
  return new Adapter(SCORM12, {
    initialize: () => api.LMSInitialize(''),
    finish: () => api.LMSFinish(''),
    get: (element) => api.LMSGetValue(element),
    set: (element, value) => api.LMSSetValue(element, value),
    commit: () => api.LMSCommit(''),
    lastError: () => api.LMSGetLastError(),
    errorString: (code) => api.LMSGetErrorString(code),
  });
}

export function scorm2004Adapter(api: Scorm2004Api): ScormAdapter {
  return new Adapter(SCORM2004, {
    initialize: () => api.Initialize(''),
    finish: () => api.Terminate(''),
    get: (element) => api.GetValue(element),
    set: (element, value) => api.SetValue(element, value),
    commit: () => api.Commit(''),
    lastError: () => api.GetLastError(),
    errorString: (code) => api.GetErrorString(code),
  });
}
