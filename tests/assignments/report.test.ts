/** The pure rules of assignments: exactly-once acceptance of queued events, and the report folded from them. */
import { describe, expect, it } from 'vitest';
import type { QueuedEvent, StudentEventBody } from '../../src/workshop/assignment-protocol.ts';
import { acceptEvents, nextSeq, pendingAfter } from '../../src/workshop/assignment-queue.ts';
import { buildReport, type ReportEvent } from '../../src/workshop/assignment-report.ts';
import { assignmentCsv, assignmentMarkdown } from '../../src/workshop/assignment-record.ts';
import { escapeMarkdown } from '../../src/workshop/record-markdown.ts';
import { smallScenario } from '../workshop/helpers.ts';

const at = '2026-12-01T10:00:00.000Z';
const ev = (seq: number, event: StudentEventBody): QueuedEvent => ({ seq, at, event });

describe('acceptEvents', () => {
  it('commits what follows the last committed event, ignores repeats and stops at a gap', () => {
    const sent = [
      ev(3, { type: 'ended', ending: 'x' }),
      ev(1, { type: 'moved', path: [] }),
      ev(2, { type: 'moved', path: [] }),
    ];
    expect(acceptEvents(0, sent)).toMatchObject({ acked: 3 });
    expect(acceptEvents(0, sent).accept.map((e) => e.seq)).toEqual([1, 2, 3]);
    // Sent again after the answer was lost: nothing new.
    expect(acceptEvents(3, sent)).toEqual({ accept: [], acked: 3 });
    // A gap (4 missing) is never skipped.
    expect(acceptEvents(3, [ev(5, { type: 'moved', path: [] })])).toEqual({ accept: [], acked: 3 });
    expect(
      acceptEvents(1, [ev(2, { type: 'moved', path: ['a'] }), ev(2, { type: 'moved', path: ['b'] })]).accept,
    ).toEqual([ev(2, { type: 'moved', path: ['a'] })]);
  });

  it('the page keeps only what is not acknowledged and numbers on from the highest', () => {
    const queue = [ev(4, { type: 'moved', path: [] }), ev(5, { type: 'moved', path: [] })];
    expect(pendingAfter(queue, 4).map((e) => e.seq)).toEqual([5]);
    expect(nextSeq(queue, 3)).toBe(6);
    expect(nextSeq([], 7)).toBe(8);
  });
});

describe('buildReport', () => {
  const scenario = smallScenario().index.scenario;
  const info = {
    code: 'ABCDEF',
    scenarioId: scenario.id,
    scenarioTitle: scenario.title,
    createdAt: at,
    askReasons: true,
  };
  const students = [
    { id: 's1', nickname: 'Ada', joinedAt: at },
    { id: 's2', nickname: '=cmd|x', joinedAt: at },
    { id: 's3', nickname: 'Idle', joinedAt: at },
  ];
  const events: ReportEvent[] = [
    { student: 's1', ...ev(1, { type: 'opened-source', source: 'minutes' }) },
    { student: 's1', ...ev(2, { type: 'chose', decision: 'funding', option: 'delay' }) },
    { student: 's1', ...ev(3, { type: 'reason', decision: 'funding', option: 'delay', text: 'Too *costly*' }) },
    { student: 's1', ...ev(4, { type: 'moved', path: ['delay'] }) },
    // Ada goes back and chooses again: only her latest choice counts in the split.
    { student: 's1', ...ev(5, { type: 'chose', decision: 'funding', option: 'patch' }) },
    { student: 's1', ...ev(6, { type: 'chose', decision: 'storm-plan', option: 'sandbags' }) },
    { student: 's1', ...ev(7, { type: 'moved', path: ['patch', 'sandbags'] }) },
    { student: 's2', ...ev(1, { type: 'chose', decision: 'funding', option: 'patch' }) },
    { student: 's2', ...ev(2, { type: 'opened-source', source: 'minutes' }) },
    { student: 's2', ...ev(3, { type: 'opened-source', source: 'minutes' }) },
    { student: 's2', ...ev(4, { type: 'moved', path: ['patch'] }) },
    { student: 's2', ...ev(5, { type: 'ended', ending: scenario.endings[0]!.id }) },
    // Ids the scenario does not know are left out, not trusted.
    { student: 's2', ...ev(6, { type: 'chose', decision: 'funding', option: 'bribe' }) },
    { student: 's2', ...ev(7, { type: 'opened-source', source: 'nowhere' }) },
  ];
  const report = buildReport(info, scenario, students, events, at);

  it('counts started and finished, the split with evidence, endings, sources and reasons', () => {
    expect(report.started).toBe(2);
    expect(report.finished).toBe(1);
    const funding = report.decisions.find((d) => d.id === 'funding')!;
    expect(funding.total).toBe(2);
    expect(funding.options.map((o) => [o.id, o.evidence, o.count])).toEqual([
      ['delay', 'stated-position', 0],
      ['patch', 'stated-position', 2],
      ['rebuild', 'hypothetical', 0],
    ]);
    expect(funding.reasons).toEqual([
      { nickname: 'Ada', option: 'delay', optionLabel: 'Wait for the autumn budget', text: 'Too *costly*' },
    ]);
    expect(report.endings.find((e) => e.id === scenario.endings[0]!.id)!.count).toBe(1);
    expect(report.sources.map((s) => [s.id, s.students, s.opens])).toEqual([
      ['minutes', 2, 3],
      ['storm', 0, 0],
    ]);
  });

  it('gives each student their path by decision and option labels', () => {
    expect(report.students[0]!.path.map((p) => `${p.decisionTitle}: ${p.optionLabel}`)).toEqual([
      'Repair the barrier?: Patch the worst section',
      'The storm arrives: Fill sandbags along the quay',
    ]);
    expect(report.students[1]!.ending?.id).toBe(scenario.endings[0]!.id);
    expect(report.students[2]!.path).toEqual([]);
  });

  it('writes files with students’ text escaped and formulas defused', () => {
    const md = assignmentMarkdown(report);
    expect(md).toContain('Ada (Wait for the autumn budget): Too \\*costly\\*');
    // The shared escaping (being hardened elsewhere) decides the exact form; it must be applied.
    expect(md).toContain(`### ${escapeMarkdown('=cmd|x')}\n`);
    expect(md).not.toContain('### =cmd|x');
    const csv = assignmentCsv(report);
    expect(csv.split('\r\n')[0]).toBe(
      'student,step,decision_id,decision,option_id,option,evidence,reason,ending,sources_opened',
    );
    expect(csv).toContain("'=cmd|x,1,funding");
    expect(csv).not.toMatch(/^=/m);
  });
});
