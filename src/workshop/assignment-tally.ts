/**
 * The teacher's report kept up to date one record at a time. Rebuilding the whole report and
 * sending all of it after every commit cost a class of 1,000 about a second per choice; instead the
 * server sends the teacher's page once a tally (this model, plain JSON) and from then on only the
 * records it commits (`ReportDelta`), and the page folds them in with the same reducer.
 *
 * Each student's records arrive numbered 1, 2, 3… (their `seq`): a record already folded in is
 * ignored, so a delta that crosses the tally it was sent with is harmless; a record that skips a
 * number (or names a student the tally does not know) is a gap, and the page asks for a fresh tally.
 * `tallyView` turns a tally into the same `AssignmentReport` that `buildReport` makes from every
 * record at once (tests/assignments/tally.test.ts checks that for random records in random orders).
 */
import { produce, type Draft } from 'immer';
import type { BranchLayout } from '../engine/branch-map-layout.ts';
import type { AssignmentInfo } from './assignment-protocol.ts';
import {
  pathSteps,
  type AssignmentReport,
  type ReportCatalog,
  type ReportEvent,
  type ReportStudent,
} from './assignment-report.ts';

export interface TallyStudent extends ReportStudent {
  /** The last sequence number folded in (0 before any); records are numbered without gaps. */
  events: number;
  lastSeenAt?: string;
  /** Made a choice or moved at least once. */
  started: boolean;
  /** The ending reached last (a known one). */
  ending?: string;
  /** The last recorded place: option ids chosen in order. */
  path: string[];
  /** Every known choice, in order (to tell which decision each step of the path was taken at). */
  chosen: Array<{ decision: string; option: string }>;
  /** Decision -> the option chosen there last. */
  latest: Record<string, string>;
  /** Known sources opened, in the order first opened. */
  opened: string[];
  reasons: Array<{ decision: string; option: string; text: string }>;
}

export interface AssignmentTally {
  assignment: AssignmentInfo;
  students: Record<string, TallyStudent>;
  started: number;
  finished: number;
  /** Decision -> option -> students whose latest choice there it is. */
  choices: Record<string, Record<string, number>>;
  /** Decision -> students with a choice there. */
  chose: Record<string, number>;
  endings: Record<string, number>;
  sources: Record<string, { students: number; opens: number }>;
}

/** What the server pushes to a teacher as it commits: students who joined and records committed. */
export interface ReportDelta {
  students: ReportStudent[];
  events: ReportEvent[];
}

/** What the teacher's page gets when it opens the report: the scenario's names and map, and the tally so far. */
export interface ReportSnapshot {
  catalog: ReportCatalog;
  layout: BranchLayout;
  tally: AssignmentTally;
}

export const emptyTally = (assignment: AssignmentInfo): AssignmentTally => ({
  assignment,
  students: {},
  started: 0,
  finished: 0,
  choices: {},
  chose: {},
  endings: {},
  sources: {},
});

/** How a record stands against the tally: new (the next of its student), seen already, or out of step. */
export function recordFit(tally: AssignmentTally, event: ReportEvent): 'new' | 'seen' | 'gap' {
  const student = tally.students[event.student];
  if (!student) return 'gap';
  if (event.seq <= student.events) return 'seen';
  return event.seq === student.events + 1 ? 'new' : 'gap';
}

/** The tally with a delta folded in, and whether any of it was out of step (then ask for a fresh tally). */
export function applyDelta(
  tally: AssignmentTally,
  catalog: ReportCatalog,
  delta: ReportDelta,
): { tally: AssignmentTally; gap: boolean } {
  let gap = false;
  const next = produce(tally, (draft) => {
    for (const student of delta.students) addStudent(draft, student);
    for (const event of delta.events) {
      const fit = recordFit(draft as AssignmentTally, event);
      if (fit === 'new') addEvent(draft, lookup(catalog), event);
      else if (fit === 'gap') gap = true;
    }
  });
  return { tally: next, gap };
}

/** One student joined (again: ignored). */
export const withStudent = (tally: AssignmentTally, student: ReportStudent): AssignmentTally =>
  produce(tally, (draft) => addStudent(draft, student));

/** One record folded in; a record seen already or out of step leaves the tally as it was. */
export function withEvent(tally: AssignmentTally, catalog: ReportCatalog, event: ReportEvent): AssignmentTally {
  if (recordFit(tally, event) !== 'new') return tally;
  return produce(tally, (draft) => addEvent(draft, lookup(catalog), event));
}

/** A tally of everything at once: the students, then each one's records in order. */
export function tallyOf(
  assignment: AssignmentInfo,
  catalog: ReportCatalog,
  students: readonly ReportStudent[],
  events: readonly ReportEvent[],
): AssignmentTally {
  const ordered = [...events].sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : a.seq - b.seq));
  return applyDelta(emptyTally(assignment), catalog, { students: [...students], events: ordered }).tally;
}

function addStudent(draft: Draft<AssignmentTally>, s: ReportStudent): void {
  if (draft.students[s.id]) return;
  draft.students[s.id] = {
    id: s.id,
    nickname: s.nickname,
    joinedAt: s.joinedAt,
    events: 0,
    started: false,
    path: [],
    chosen: [],
    latest: {},
    opened: [],
    reasons: [],
  };
}

interface Lookup {
  option(decision: string, option: string): boolean;
  ending(id: string): boolean;
  source(id: string): boolean;
}

const lookups = new WeakMap<ReportCatalog, Lookup>();
function lookup(catalog: ReportCatalog): Lookup {
  let found = lookups.get(catalog);
  if (!found) {
    const options = new Set(catalog.decisions.flatMap((d) => d.options.map((o) => `${d.id}\n${o.id}`)));
    const endings = new Set(catalog.endings.map((e) => e.id));
    const sources = new Set(catalog.sources.map((s) => s.id));
    found = {
      option: (decision, option) => options.has(`${decision}\n${option}`),
      ending: (id) => endings.has(id),
      source: (id) => sources.has(id),
    };
    lookups.set(catalog, found);
  }
  return found;
}

const bump = (counts: Record<string, number>, key: string, by: number) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Folds one record (already checked to be the student's next) into the draft. Ids the scenario does not know count for nothing. */
function addEvent(draft: Draft<AssignmentTally>, known: Lookup, record: ReportEvent): void {
  const student = draft.students[record.student]!;
  student.events = record.seq;
  student.lastSeenAt = record.at;
  const { event } = record;
  if ((event.type === 'chose' || event.type === 'moved') && !student.started) {
    student.started = true;
    draft.started++;
  }
  switch (event.type) {
    case 'chose': {
      if (!known.option(event.decision, event.option)) return;
      student.chosen.push({ decision: event.decision, option: event.option });
      const before = student.latest[event.decision];
      const split = (draft.choices[event.decision] ??= {});
      if (before === undefined) bump(draft.chose, event.decision, 1);
      else bump(split, before, -1);
      bump(split, event.option, 1);
      student.latest[event.decision] = event.option;
      return;
    }
    case 'reason':
      if (known.option(event.decision, event.option) && event.text)
        student.reasons.push({ decision: event.decision, option: event.option, text: event.text });
      return;
    case 'opened-source': {
      if (!known.source(event.source)) return;
      const counts = (draft.sources[event.source] ??= { students: 0, opens: 0 });
      counts.opens++;
      if (!student.opened.includes(event.source)) {
        student.opened.push(event.source);
        counts.students++;
      }
      return;
    }
    case 'ended':
      if (!known.ending(event.ending)) return;
      if (student.ending === undefined) draft.finished++;
      else bump(draft.endings, student.ending, -1);
      bump(draft.endings, event.ending, 1);
      student.ending = event.ending;
      return;
    case 'moved':
      student.path = [...event.path];
      return;
  }
}

/** The students in the report's order: by when they joined, then by id (as the store lists them). */
export function studentOrder(tally: AssignmentTally): TallyStudent[] {
  return Object.values(tally.students).sort((a, b) =>
    a.joinedAt < b.joinedAt ? -1 : a.joinedAt > b.joinedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** The report a teacher reads, from the tally (the same as buildReport from every record). */
export function tallyView(tally: AssignmentTally, catalog: ReportCatalog, now: string): AssignmentReport {
  const students = studentOrder(tally);
  const options = new Map(catalog.decisions.flatMap((d) => d.options.map((o) => [`${d.id}\n${o.id}`, o])));
  const endings = new Map(catalog.endings.map((e) => [e.id, e]));
  const sources = new Map(catalog.sources.map((s) => [s.id, s]));
  const reasons = new Map<string, AssignmentReport['decisions'][number]['reasons']>();
  for (const s of students)
    for (const r of s.reasons) {
      if (!reasons.has(r.decision)) reasons.set(r.decision, []);
      reasons.get(r.decision)!.push({
        nickname: s.nickname,
        option: r.option,
        optionLabel: options.get(`${r.decision}\n${r.option}`)!.label,
        text: r.text,
      });
    }
  return {
    assignment: tally.assignment,
    generatedAt: now,
    started: tally.started,
    finished: tally.finished,
    decisions: catalog.decisions.map((d) => ({
      id: d.id,
      title: d.title,
      total: tally.chose[d.id] ?? 0,
      options: d.options.map((o) => ({
        id: o.id,
        label: o.label,
        evidence: o.evidence,
        count: tally.choices[d.id]?.[o.id] ?? 0,
      })),
      reasons: reasons.get(d.id) ?? [],
    })),
    endings: catalog.endings.map((e) => ({ id: e.id, title: e.title, count: tally.endings[e.id] ?? 0 })),
    sources: catalog.sources
      .map((s) => ({
        id: s.id,
        title: s.title,
        students: tally.sources[s.id]?.students ?? 0,
        opens: tally.sources[s.id]?.opens ?? 0,
      }))
      .sort((a, b) => b.students - a.students || b.opens - a.opens),
    students: students.map((s) => {
      const ending = s.ending === undefined ? undefined : endings.get(s.ending)!;
      return {
        nickname: s.nickname,
        joinedAt: s.joinedAt,
        ...(s.lastSeenAt ? { lastSeenAt: s.lastSeenAt } : {}),
        events: s.events,
        ...(ending ? { ending: { id: ending.id, title: ending.title } } : {}),
        path: pathSteps(s.path, s.chosen, catalog),
        sourcesOpened: s.opened.map((id) => sources.get(id)!.title),
      };
    }),
  };
}
