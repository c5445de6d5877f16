/**
 * The adapters against scorm-again, a maintained implementation of the platform's side of SCORM
 * 1.2 and 2004 that refuses values of the wrong format: what it holds afterwards is what a
 * platform would store.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import {
  scorm12Adapter,
  scorm2004Adapter,
  type ChoiceRecord,
  type Scorm12Api,
  type Scorm2004Api,
} from '../../src/lms/scorm-adapter.ts';
import { startScormSession } from '../../src/lms/scorm-session.ts';
import { encodeSuspendData } from '../../src/lms/suspend-data.ts';

const quiet = { logLevel: 5 as const };
/** Everything the platform holds, write-only elements included (as it would store them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const held = (lms: Scorm12API | Scorm2004API): any => JSON.parse(JSON.stringify(lms.cmi));
const choice = (decisionId: string, optionId: string): ChoiceRecord => ({
  decisionId,
  decisionTitle: 'Whether to lift the limits',
  optionId,
  optionLabel: 'Lift them <now> & say so',
  evidence: 'stated-position',
  at: new Date(2026, 11, 1, 9, 5, 7),
});

describe('SCORM 1.2 adapter', () => {
  it('marks the attempt incomplete and suspended on launch, completed at the end', () => {
    const lms = new Scorm12API(quiet);
    const adapter = scorm12Adapter(lms as unknown as Scorm12Api);
    expect(adapter.initialize()).toBe(true);
    adapter.launched();
    expect(held(lms).core.lesson_status).toBe('incomplete');
    expect(held(lms).core.exit).toBe('suspend');
    adapter.completed();
    adapter.commit(65_000);
    expect(held(lms).core.lesson_status).toBe('completed');
    // scorm-again stores it without the zero hundredths.
    expect(held(lms).core.session_time).toMatch(/^00:01:05(\.00)?$/);
    expect(adapter.lastError()).toBeUndefined();
  });

  it('does not take a completed attempt back to incomplete on a later launch', () => {
    const lms = new Scorm12API(quiet);
    lms.loadFromJSON({ core: { lesson_status: 'completed' } } as never);
    const adapter = scorm12Adapter(lms as unknown as Scorm12Api);
    adapter.initialize();
    adapter.launched();
    expect(held(lms).core.lesson_status).toBe('completed');
  });

  it('records each choice as an interaction with the evidence label as an objective', () => {
    const lms = new Scorm12API(quiet);
    const adapter = scorm12Adapter(lms as unknown as Scorm12Api);
    adapter.initialize();
    adapter.recordChoice(choice('limits', 'lift'));
    adapter.recordChoice(choice('limits', 'wait'));
    expect(adapter.lastError()).toBeUndefined();
    const interactions = held(lms).interactions as Record<string, Record<string, unknown>>;
    expect(Object.keys(interactions)).toEqual(['0', '1']);
    expect(interactions[0]).toMatchObject({
      id: 'limits',
      type: 'performance',
      student_response: 'lift',
      result: 'neutral',
      time: '09:05:07',
      objectives: { 0: { id: 'evidence-stated-position' } },
    });
    expect(interactions[1]).toMatchObject({ id: 'limits', student_response: 'wait' });
  });

  it('keeps the place in suspend_data and lesson_location, and reads it back', () => {
    const lms = new Scorm12API(quiet);
    const adapter = scorm12Adapter(lms as unknown as Scorm12Api);
    adapter.initialize();
    adapter.savePlace(encodeSuspendData(['a', 'b']), 'third-point');
    expect(held(lms).suspend_data).toBe('{"v":1,"o":["a","b"]}');
    expect(held(lms).core.lesson_location).toBe('third-point');
    expect(adapter.suspendData()).toBe('{"v":1,"o":["a","b"]}');
  });

  it('says so, instead of writing a cut-off place, when the place is longer than 1.2 keeps', () => {
    const lms = new Scorm12API(quiet);
    const adapter = scorm12Adapter(lms as unknown as Scorm12Api);
    adapter.initialize();
    adapter.savePlace('x'.repeat(5000), 'here');
    expect(held(lms).suspend_data).toBe('');
    expect(adapter.lastError()).toMatch(/5000 characters\) is more than SCORM 1.2 keeps/);
  });

  it('reports what the platform refuses, in its words', () => {
    const lms = new Scorm12API(quiet);
    const adapter = scorm12Adapter(lms as unknown as Scorm12Api);
    // Nothing may be set before the session is opened.
    adapter.completed();
    expect(adapter.lastError()).toMatch(/^SetValue\(cmi.core.lesson_status\) failed: 301/);
  });
});

describe('SCORM 2004 adapter', () => {
  it('marks the attempt incomplete and suspended on launch, completed at the end, with an ISO duration', () => {
    const lms = new Scorm2004API(quiet);
    const adapter = scorm2004Adapter(lms as unknown as Scorm2004Api);
    expect(adapter.initialize()).toBe(true);
    adapter.launched();
    expect(held(lms).completion_status).toBe('incomplete');
    expect(held(lms).exit).toBe('suspend');
    adapter.completed();
    adapter.commit(3_725_500);
    expect(held(lms).completion_status).toBe('completed');
    expect(held(lms).success_status).toBe('unknown');
    expect(held(lms).session_time).toBe('PT1H2M5.5S');
    expect(adapter.lastError()).toBeUndefined();
  });

  it('records each choice as a choice interaction with a description naming the evidence', () => {
    const lms = new Scorm2004API(quiet);
    const adapter = scorm2004Adapter(lms as unknown as Scorm2004Api);
    adapter.initialize();
    adapter.recordChoice(choice('limits', 'lift'));
    expect(adapter.lastError()).toBeUndefined();
    const interactions = held(lms).interactions as Record<string, Record<string, unknown>>;
    expect(interactions[0]).toMatchObject({
      id: 'limits',
      type: 'choice',
      learner_response: 'lift',
      result: 'neutral',
      description: 'Whether to lift the limits: Lift them <now> & say so (evidence: stated-position)',
      objectives: { 0: { id: 'evidence-stated-position' } },
    });
    expect(String(interactions[0]!.timestamp)).toMatch(/^2026-12-01T09:05:07\.0[+-]\d{2}:\d{2}$/);
  });

  it('keeps the place in suspend_data and location', () => {
    const lms = new Scorm2004API(quiet);
    const adapter = scorm2004Adapter(lms as unknown as Scorm2004Api);
    adapter.initialize();
    adapter.savePlace(encodeSuspendData(['a']), 'second');
    expect(held(lms).suspend_data).toBe('{"v":1,"o":["a"]}');
    expect(held(lms).location).toBe('second');
  });
});

describe('a SCORM session driven by play events', () => {
  it('resumes from suspend_data, records a choice and the place in one commit, and completes at an ending', async () => {
    const lms = new Scorm12API(quiet);
    lms.loadFromJSON({ suspend_data: encodeSuspendData(['first']), core: { student_id: 's-1' } } as never);
    let commits = 0;
    lms.on('LMSCommit', () => commits++);
    let clock = 0;
    const problems: string[] = [];
    const session = startScormSession(
      scorm12Adapter(lms as unknown as Scorm12Api),
      () => clock,
      (p) => problems.push(p),
    )!;
    expect(session.resumeFrom).toEqual(['first']);
    expect(session.learner.id).toBe('s-1');
    const before = commits;
    clock = 12_340;
    session.handle({ kind: 'moved', scenario: 's', path: ['first', 'second'], at: 'an-ending' });
    session.handle({
      kind: 'chose',
      scenario: 's',
      decision: { id: 'two', title: 'Two' },
      option: { id: 'second', label: 'Second', evidence: 'reported', number: 1 },
      offered: [{ id: 'second', label: 'Second' }],
    });
    session.handle({ kind: 'ended', scenario: 's', ending: { id: 'an-ending', title: 'End' }, path: [] });
    await Promise.resolve();
    expect(commits - before).toBe(1);
    expect(held(lms).core.lesson_status).toBe('completed');
    expect(held(lms).core.session_time).toBe('00:00:12.34');
    expect(held(lms).suspend_data).toBe(encodeSuspendData(['first', 'second']));
    expect(Object.keys(held(lms).interactions)).toEqual(['0']);
    session.finish();
    expect(lms.isTerminated()).toBe(true);
    expect(problems).toEqual([]);
  });
});
