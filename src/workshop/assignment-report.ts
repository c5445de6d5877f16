/**
 * The teacher's report, folded from what students recorded: who started and finished, the split of
 * choices at each decision (each student's latest choice there counts once), endings reached, how
 * many students opened each source, the reasons given and each student's path. Titles and labels
 * come from the scenario, never from the students' pages; ids the scenario does not know are left out.
 */
import type { Evidence } from '../scenario/schema.ts';
import type { AssignmentInfo, QueuedEvent } from './assignment-protocol.ts';

/** What the report needs of a scenario (a Scenario is one): ids, titles, labels and evidence labels. */
export interface ReportCatalog {
  decisions: ReadonlyArray<{
    id: string;
    title: string;
    options: ReadonlyArray<{ id: string; label: string; evidence: Evidence }>;
  }>;
  endings: ReadonlyArray<{ id: string; title: string }>;
  sources: ReadonlyArray<{ id: string; title: string }>;
}

/** Just the catalog of a scenario, small enough to send to the teacher's page. */
export const reportCatalog = (scenario: ReportCatalog): ReportCatalog => ({
  decisions: scenario.decisions.map((d) => ({
    id: d.id,
    title: d.title,
    options: d.options.map((o) => ({ id: o.id, label: o.label, evidence: o.evidence })),
  })),
  endings: scenario.endings.map((e) => ({ id: e.id, title: e.title })),
  sources: scenario.sources.map((s) => ({ id: s.id, title: s.title })),
});

export interface ReportStudent {
  id: string;
  nickname: string;
  joinedAt: string;
}

export interface ReportEvent extends QueuedEvent {
  student: string;
}

export interface ReportReason {
  nickname: string;
  option: string;
  optionLabel: string;
  text: string;
}

export interface AssignmentReport {
  assignment: AssignmentInfo;
  generatedAt: string;
  started: number;
  finished: number;
  decisions: Array<{
    id: string;
    title: string;
    total: number;
    options: Array<{ id: string; label: string; evidence: Evidence; count: number }>;
    reasons: ReportReason[];
  }>;
  endings: Array<{ id: string; title: string; count: number }>;
  /** Most opened first; `students` counts each student once, `opens` every opening. */
  sources: Array<{ id: string; title: string; students: number; opens: number }>;
  students: Array<{
    nickname: string;
    joinedAt: string;
    lastSeenAt?: string;
    /** Events recorded so far (choices, reasons, sources, places): how active the student has been. */
    events: number;
    ending?: { id: string; title: string };
    path: Array<{ decision: string; decisionTitle: string; option: string; optionLabel: string }>;
    sourcesOpened: string[];
  }>;
}

export function buildReport(
  assignment: AssignmentInfo,
  scenario: ReportCatalog,
  students: readonly ReportStudent[],
  events: readonly ReportEvent[],
  now: string,
): AssignmentReport {
  const decisions = new Map(scenario.decisions.map((d) => [d.id, d]));
  const option = (decision: string, id: string) => decisions.get(decision)?.options.find((o) => o.id === id);
  const endings = new Map(scenario.endings.map((e) => [e.id, e]));
  const sources = new Map(scenario.sources.map((s) => [s.id, s]));

  const byStudent = new Map<string, ReportEvent[]>(students.map((s) => [s.id, []]));
  for (const event of events) byStudent.get(event.student)?.push(event);

  const latestChoice = new Map<string, Map<string, string>>(); // decision -> student -> option
  const reasons = new Map<string, ReportReason[]>();
  const endingCounts = new Map<string, number>();
  const sourceStudents = new Map<string, Set<string>>();
  const sourceOpens = new Map<string, number>();
  let started = 0;
  let finished = 0;

  const studentRows = students.map((student) => {
    const own = byStudent.get(student.id)!.sort((a, b) => a.seq - b.seq);
    if (own.some((e) => e.event.type === 'chose' || e.event.type === 'moved')) started++;
    let ending: { id: string; title: string } | undefined;
    let path: string[] = [];
    const chosen: Array<{ decision: string; option: string }> = [];
    const opened: string[] = [];
    for (const { event } of own) {
      switch (event.type) {
        case 'chose':
          if (!option(event.decision, event.option)) break;
          chosen.push(event);
          if (!latestChoice.has(event.decision)) latestChoice.set(event.decision, new Map());
          latestChoice.get(event.decision)!.set(student.id, event.option);
          break;
        case 'reason': {
          const picked = option(event.decision, event.option);
          if (!picked || !event.text) break;
          if (!reasons.has(event.decision)) reasons.set(event.decision, []);
          reasons.get(event.decision)!.push({
            nickname: student.nickname,
            option: picked.id,
            optionLabel: picked.label,
            text: event.text,
          });
          break;
        }
        case 'opened-source': {
          if (!sources.has(event.source)) break;
          if (!sourceStudents.has(event.source)) sourceStudents.set(event.source, new Set());
          sourceStudents.get(event.source)!.add(student.id);
          sourceOpens.set(event.source, (sourceOpens.get(event.source) ?? 0) + 1);
          if (!opened.includes(event.source)) opened.push(event.source);
          break;
        }
        case 'ended': {
          const reached = endings.get(event.ending);
          if (reached) ending = { id: reached.id, title: reached.title };
          break;
        }
        case 'moved':
          path = event.path;
          break;
      }
    }
    if (ending) {
      finished++;
      endingCounts.set(ending.id, (endingCounts.get(ending.id) ?? 0) + 1);
    }
    return {
      nickname: student.nickname,
      joinedAt: student.joinedAt,
      ...(own.length ? { lastSeenAt: own.at(-1)!.at } : {}),
      events: own.length,
      ...(ending ? { ending } : {}),
      path: pathSteps(path, chosen, scenario),
      sourcesOpened: opened.map((id) => sources.get(id)!.title),
    };
  });

  return {
    assignment,
    generatedAt: now,
    started,
    finished,
    decisions: scenario.decisions.map((d) => {
      const counts = new Map<string, number>();
      for (const picked of latestChoice.get(d.id)?.values() ?? []) counts.set(picked, (counts.get(picked) ?? 0) + 1);
      return {
        id: d.id,
        title: d.title,
        total: latestChoice.get(d.id)?.size ?? 0,
        options: d.options.map((o) => ({
          id: o.id,
          label: o.label,
          evidence: o.evidence,
          count: counts.get(o.id) ?? 0,
        })),
        reasons: reasons.get(d.id) ?? [],
      };
    }),
    endings: scenario.endings.map((e) => ({ id: e.id, title: e.title, count: endingCounts.get(e.id) ?? 0 })),
    sources: scenario.sources
      .map((s) => ({
        id: s.id,
        title: s.title,
        students: sourceStudents.get(s.id)?.size ?? 0,
        opens: sourceOpens.get(s.id) ?? 0,
      }))
      .sort((a, b) => b.students - a.students || b.opens - a.opens),
    students: studentRows,
  };
}

/**
 * A place is the option ids chosen in order. Option ids are only unique within a decision, so each
 * step is matched to the decision the student chose it at (their `chose` events, in order), and
 * failing that to the first decision offering it.
 */
export function pathSteps(
  path: readonly string[],
  chosen: ReadonlyArray<{ decision: string; option: string }>,
  scenario: ReportCatalog,
) {
  let from = 0;
  return path.flatMap((optionId) => {
    const at = chosen.findIndex((c, i) => i >= from && c.option === optionId);
    const decision =
      at >= 0
        ? scenario.decisions.find((d) => d.id === chosen[at]!.decision)
        : scenario.decisions.find((d) => d.options.some((o) => o.id === optionId));
    if (at >= 0) from = at + 1;
    const picked = decision?.options.find((o) => o.id === optionId);
    if (!decision || !picked) return [];
    return [{ decision: decision.id, decisionTitle: decision.title, option: picked.id, optionLabel: picked.label }];
  });
}
