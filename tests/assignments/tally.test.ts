/**
 * The live report's reducer: folding records one at a time (in any order the server may commit
 * them across students, with some delivered twice) gives the same report as building it from every
 * record at once; a record out of step is reported, not folded in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StudentEventBody } from '../../src/workshop/assignment-protocol.ts';
import { buildReport, reportCatalog, type ReportEvent } from '../../src/workshop/assignment-report.ts';
import {
  applyDelta,
  emptyTally,
  recordFit,
  tallyOf,
  tallyView,
  withEvent,
  withStudent,
} from '../../src/workshop/assignment-tally.ts';
import { smallScenario } from '../workshop/helpers.ts';

const scenario = smallScenario().index.scenario;
const catalog = reportCatalog(scenario);
const now = '2026-12-01T12:00:00.000Z';
const info = {
  code: 'ABCDEF',
  scenarioId: scenario.id,
  scenarioTitle: scenario.title,
  createdAt: now,
  askReasons: true,
};

// Known ids and a few the scenario does not have, which the report must leave out.
const decisionIds = [...scenario.decisions.map((d) => d.id), 'nowhere'];
const optionIds = [...new Set(scenario.decisions.flatMap((d) => d.options.map((o) => o.id))), 'bribe'];
const endingIds = [...scenario.endings.map((e) => e.id), 'no-ending'];
const sourceIds = [...scenario.sources.map((s) => s.id), 'no-source'];
const pick = (ids: string[]) => fc.constantFrom(...ids);

const body: fc.Arbitrary<StudentEventBody> = fc.oneof(
  fc.record({ type: fc.constant('chose' as const), decision: pick(decisionIds), option: pick(optionIds) }),
  fc.record({
    type: fc.constant('reason' as const),
    decision: pick(decisionIds),
    option: pick(optionIds),
    text: fc.constantFrom('', 'Because', 'The *minutes* say so'),
  }),
  fc.record({ type: fc.constant('opened-source' as const), source: pick(sourceIds) }),
  fc.record({ type: fc.constant('ended' as const), ending: pick(endingIds) }),
  fc.record({ type: fc.constant('moved' as const), path: fc.array(pick(optionIds), { maxLength: 5 }) }),
);

const times = ['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:01.000Z', '2026-12-01T10:00:02.000Z'];

/** Students (some joining at the same moment), each with their own records numbered 1, 2, 3… */
const classroom = fc
  .array(
    fc.record({
      nickname: fc.constantFrom('Ada', 'Ben', '=cmd|x', 'Ada'),
      joinedAt: fc.constantFrom(...times),
      bodies: fc.array(fc.tuple(body, fc.constantFrom(...times)), { maxLength: 12 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((list) =>
    list.map((s, i) => ({
      student: { id: `p${(i * 7) % 10}${i}`, nickname: s.nickname, joinedAt: s.joinedAt },
      events: s.bodies.map(([event, at], k): ReportEvent => ({
        student: `p${(i * 7) % 10}${i}`,
        seq: k + 1,
        at,
        event,
      })),
    })),
  );

type Step = { kind: 'join'; student: number } | { kind: 'event'; student: number; index: number };

/**
 * An order the server may deliver them in: each student's join first, then their records in
 * order, interleaved at random between students; `repeats` delivers some records again later.
 */
const deliveries = classroom.chain((students) =>
  fc
    .tuple(
      fc.shuffledSubarray(
        students.flatMap((s, i) => [
          { kind: 'join' as const, student: i },
          ...s.events.map((_, index) => ({ kind: 'event' as const, student: i, index })),
        ]),
        { minLength: students.length + students.reduce((n, s) => n + s.events.length, 0) },
      ),
      fc.array(fc.nat(), { maxLength: 5 }),
    )
    .map(([shuffled, repeats]) => ({ students, order: inOrderPerStudent(shuffled), repeats })),
);

/** Keeps the shuffle's interleaving between students but restores each student's own order. */
function inOrderPerStudent(shuffled: Step[]): Step[] {
  const next = new Map<number, number>();
  return shuffled.map((step) => {
    const n = next.get(step.student) ?? 0;
    next.set(step.student, n + 1);
    return n === 0 ? { kind: 'join', student: step.student } : { kind: 'event', student: step.student, index: n - 1 };
  });
}

function fromScratch(
  students: Array<{ student: { id: string; nickname: string; joinedAt: string }; events: ReportEvent[] }>,
) {
  const sorted = students
    .map((s) => s.student)
    .sort((a, b) => (a.joinedAt < b.joinedAt ? -1 : a.joinedAt > b.joinedAt ? 1 : a.id < b.id ? -1 : 1));
  return buildReport(info, scenario, sorted, shuffledEvents(students), now);
}
/** buildReport takes the records in any order; give them reversed to be sure it does not rely on it. */
const shuffledEvents = (students: Array<{ events: ReportEvent[] }>) => students.flatMap((s) => s.events).reverse();

describe('the live report reducer', () => {
  it('folding records one by one gives the report built from all of them at once', () => {
    fc.assert(
      fc.property(deliveries, ({ students, order, repeats }) => {
        let tally = emptyTally(info);
        const delivered: ReportEvent[] = [];
        for (const step of order) {
          const s = students[step.student]!;
          if (step.kind === 'join') tally = withStudent(tally, s.student);
          else {
            const event = s.events[step.index]!;
            expect(recordFit(tally, event)).toBe('new');
            tally = withEvent(tally, catalog, event);
            delivered.push(event);
          }
          // A record delivered again (a delta crossing the tally it was sent with) changes nothing.
          if (repeats.length && delivered.length) {
            const again = delivered[repeats[0]! % delivered.length]!;
            expect(recordFit(tally, again)).toBe('seen');
            expect(withEvent(tally, catalog, again)).toBe(tally);
          }
        }
        const expected = fromScratch(students);
        expect(tallyView(tally, catalog, now)).toEqual(expected);
        // The same records as one delta, and as a fold of everything at once.
        const all = order.map((step) =>
          step.kind === 'join'
            ? { students: [students[step.student]!.student], events: [] }
            : { students: [], events: [students[step.student]!.events[step.index]!] },
        );
        const chunked = all.reduce((t, delta) => applyDelta(t, catalog, delta).tally, emptyTally(info));
        expect(tallyView(chunked, catalog, now)).toEqual(expected);
        const once = tallyOf(
          info,
          catalog,
          students.map((s) => s.student),
          shuffledEvents(students),
        );
        expect(tallyView(once, catalog, now)).toEqual(expected);
        // The tally is plain JSON: it survives being sent to the teacher's page.
        expect(tallyView(JSON.parse(JSON.stringify(tally)), catalog, now)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reports a record that skips a number or names an unknown student as a gap, and leaves it out', () => {
    const ada = { id: 'a1', nickname: 'Ada', joinedAt: now };
    const tally = withStudent(emptyTally(info), ada);
    const first: ReportEvent = {
      student: 'a1',
      seq: 1,
      at: now,
      event: { type: 'chose', decision: 'funding', option: 'patch' },
    };
    const third: ReportEvent = { ...first, seq: 3 };
    const stranger: ReportEvent = { ...first, student: 'zz' };
    expect(recordFit(tally, third)).toBe('gap');
    expect(recordFit(tally, stranger)).toBe('gap');
    expect(withEvent(tally, catalog, third)).toBe(tally);
    const applied = applyDelta(tally, catalog, { students: [], events: [first, third] });
    expect(applied.gap).toBe(true);
    expect(tallyView(applied.tally, catalog, now).decisions[0]!.options.find((o) => o.id === 'patch')!.count).toBe(1);
    expect(applyDelta(tally, catalog, { students: [], events: [first] }).gap).toBe(false);
  });

  it('moves a student from one option to another when they choose again', () => {
    let tally = withStudent(emptyTally(info), { id: 'a1', nickname: 'Ada', joinedAt: now });
    const chose = (seq: number, option: string): ReportEvent => ({
      student: 'a1',
      seq,
      at: now,
      event: { type: 'chose', decision: 'funding', option },
    });
    tally = withEvent(withEvent(tally, catalog, chose(1, 'delay')), catalog, chose(2, 'rebuild'));
    const funding = tallyView(tally, catalog, now).decisions.find((d) => d.id === 'funding')!;
    expect(funding.total).toBe(1);
    expect(funding.options.map((o) => o.count)).toEqual([0, 0, 1]);
  });
});
