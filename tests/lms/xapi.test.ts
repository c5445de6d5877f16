import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lrsLaunch } from '../../src/lms/xapi/launch.ts';
import { EXTENSIONS, StatementMaker, VERBS, type StatementSettings } from '../../src/lms/xapi/statements.ts';
import { validateStatement } from '../../src/lms/xapi/validate.ts';
import type { PlayEvent } from '../../src/ui/play-events.ts';

const settings = (extra: Partial<StatementSettings> = {}): StatementSettings => ({
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'student-7' } },
  activityId: 'urn:branchpoint:scenario:atacms-2024',
  title: 'ATACMS',
  language: 'en',
  uuid: randomUUID,
  now: () => new Date('2026-12-01T09:00:00.000Z'),
  ...extra,
});

const chose: PlayEvent = {
  kind: 'chose',
  scenario: 'atacms-2024',
  decision: { id: 'first-call', title: 'The first call' },
  option: { id: 'lift', label: 'Lift the limits', evidence: 'reported', number: 1 },
  offered: [
    { id: 'lift', label: 'Lift the limits' },
    { id: 'wait', label: 'Wait' },
  ],
};
const ended: PlayEvent = {
  kind: 'ended',
  scenario: 'atacms-2024',
  ending: { id: 'escalation', title: 'Escalation' },
  path: ['lift', 'strike'],
};
const opened: PlayEvent = {
  kind: 'opened-source',
  scenario: 'atacms-2024',
  source: { id: 'ap-explainer', title: 'AP explainer' },
  cited: 'the exact words',
};

describe('the statements the player makes', () => {
  const maker = new StatementMaker(settings({ registration: randomUUID() }));
  const all = [
    maker.launched(),
    maker.forEvent(chose, 1000)!,
    maker.forEvent(opened, 2000)!,
    maker.forEvent(ended, 65_000)!,
    maker.terminated(70_000),
  ];

  it('are valid xAPI 1.0.3 statements', () => {
    for (const statement of all) expect(validateStatement(statement), statement.verb.id).toEqual([]);
  });

  it('say which option was chosen at which decision, and its evidence label', () => {
    const statement = all[1]!;
    expect(statement.verb).toEqual(VERBS.chose);
    expect(statement.object.id).toBe('urn:branchpoint:scenario:atacms-2024/decisions/first-call');
    expect(statement.object.definition?.interactionType).toBe('choice');
    expect(statement.object.definition?.choices?.map((c) => c.id)).toEqual(['lift', 'wait']);
    expect(statement.result).toEqual({
      response: 'lift',
      extensions: { [EXTENSIONS.evidence]: 'reported', [EXTENSIONS.optionLabel]: 'Lift the limits' },
    });
    expect(statement.context?.contextActivities?.parent?.[0]?.id).toBe('urn:branchpoint:scenario:atacms-2024');
  });

  it('say which ending completed the scenario, and how long it took, at every ending outside cmi5', () => {
    expect(maker.forEvent(ended, 1000)!.verb).toEqual(VERBS.completed);
    const statement = all[3]!;
    expect(statement.verb).toEqual(VERBS.completed);
    expect(statement.object.id).toBe('urn:branchpoint:scenario:atacms-2024');
    expect(statement.result).toMatchObject({ completion: true, duration: 'PT1M5S' });
    expect(statement.result?.extensions?.[EXTENSIONS.ending]).toBe('escalation');
  });

  it('make no statement of a mere change of place', () => {
    expect(maker.forEvent({ kind: 'moved', scenario: 's', path: [], at: 'a' }, 0)).toBeUndefined();
  });

  it('under cmi5: initialized first, the platform context in every statement, moveOn category on completed', () => {
    const template = {
      contextActivities: { grouping: [{ objectType: 'Activity' as const, id: 'https://lms.example.org/course/1' }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
    };
    const cmi5 = new StatementMaker(settings({ cmi5: { contextTemplate: template }, registration: randomUUID() }));
    const first = cmi5.launched();
    const done = cmi5.forEvent(ended, 1000)!;
    const picked = cmi5.forEvent(chose, 1000)!;
    for (const statement of [first, done, picked]) {
      expect(validateStatement(statement)).toEqual([]);
      expect(statement.context?.extensions).toEqual(template.extensions);
      expect(statement.context?.contextActivities?.grouping).toEqual(template.contextActivities.grouping);
    }
    expect(first.verb).toEqual(VERBS.initialized);
    expect(done.context?.contextActivities?.category?.map((c) => c.id)).toEqual([
      'https://w3id.org/xapi/cmi5/context/categories/cmi5',
      'https://w3id.org/xapi/cmi5/context/categories/moveon',
    ]);
    // A statement of the player's own ("allowed" in cmi5 terms) carries no cmi5 category.
    expect(picked.context?.contextActivities?.category).toBeUndefined();
    // A second ending in the same session is experienced: cmi5 allows one "completed".
    const second = cmi5.forEvent({ ...ended, ending: { id: 'quiet', title: 'Quiet' } }, 2000)!;
    expect(second.verb).toEqual(VERBS.experienced);
    expect(second.object.id).toBe('urn:branchpoint:scenario:atacms-2024/endings/quiet');
    expect(validateStatement(second)).toEqual([]);
  });
});

/** A statement taken apart to break it: any field may be set to anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

describe('the xAPI 1.0.3 validator', () => {
  const good = new StatementMaker(settings()).forEvent(chose, 0)!;
  const broken = (change: (s: Loose) => void) => {
    const copy = structuredClone(good) as Loose;
    change(copy);
    return validateStatement(copy);
  };

  it.each([
    ['id is not a UUID', (s: Loose) => (s.id = 'abc'), 'id:'],
    ['actor has no identifier', (s: Loose) => (s.actor = { objectType: 'Agent', name: 'A' }), 'actor:'],
    ['actor has two identifiers', (s: Loose) => (s.actor.mbox = 'mailto:a@example.org'), 'exactly one of'],
    ['mbox is not mailto:', (s: Loose) => (s.actor = { mbox: 'a@example.org' }), 'actor.mbox'],
    ['account homePage is not an IRL', (s: Loose) => (s.actor.account.homePage = 'lms'), 'homePage'],
    ['account has no name', (s: Loose) => (s.actor.account.name = ''), 'account.name'],
    ['verb id is not an IRI', (s: Loose) => (s.verb.id = 'chose'), 'verb.id'],
    ['verb has no display', (s: Loose) => delete s.verb.display, 'verb.display'],
    ['display keyed by no language', (s: Loose) => (s.verb.display = { 'en US': 'x' }), 'language tag'],
    ['object id is not an IRI', (s: Loose) => (s.object.id = 'first call'), 'object.id'],
    ['unknown interaction type', (s: Loose) => (s.object.definition.interactionType = 'pick'), 'interactionType'],
    ['two choices with one id', (s: Loose) => (s.object.definition.choices[1].id = 'lift'), 'appears twice'],
    ['timestamp without a zone', (s: Loose) => (s.timestamp = '2026-12-01T09:00:00'), 'timestamp'],
    ['timestamp not a date', (s: Loose) => (s.timestamp = 'yesterday'), 'timestamp'],
    ['extension key not an IRI', (s: Loose) => (s.result.extensions = { evidence: 'x' }), 'result.extensions'],
    ['duration not ISO 8601', (s: Loose) => (s.result.duration = '00:01:05'), 'result.duration'],
    ['completion not boolean', (s: Loose) => (s.result.completion = 'yes'), 'result.completion'],
    ['registration not a UUID', (s: Loose) => (s.context.registration = '1'), 'context.registration'],
    ['unknown property', (s: Loose) => (s.mood = 'happy'), 'statement.mood'],
    ['scaled score out of range', (s: Loose) => (s.result.score = { scaled: 2 }), 'scaled'],
  ])('rejects a statement whose %s', (_, change, where) => {
    const problems = broken(change);
    expect(problems.join('\n')).toContain(where);
  });

  it('rejects what is not a statement at all', () => {
    expect(validateStatement(null)).toEqual(['statement: must be a JSON object']);
    expect(validateStatement({}).length).toBeGreaterThanOrEqual(3);
  });
});

describe('launch parameters', () => {
  const actor = JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'u1' } });
  const registration = randomUUID();

  it('reads a cmi5 launch', () => {
    const search = new URLSearchParams({
      endpoint: 'https://lrs.example.org/xapi',
      fetch: 'https://lms.example.org/token?k=1',
      actor,
      registration,
      activityId: 'https://example.org/au/1',
    });
    expect(lrsLaunch(`?${search}`)).toEqual({
      kind: 'cmi5',
      endpoint: 'https://lrs.example.org/xapi/',
      fetchUrl: 'https://lms.example.org/token?k=1',
      actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'u1' } },
      registration,
      activityId: 'https://example.org/au/1',
    });
  });

  it('reads an endpoint given with its credentials', () => {
    const search = new URLSearchParams({ endpoint: 'http://127.0.0.1:8080/xapi/', auth: 'Basic abc' });
    expect(lrsLaunch(`?${search}`)).toEqual({
      kind: 'direct',
      endpoint: 'http://127.0.0.1:8080/xapi/',
      auth: 'Basic abc',
    });
  });

  it.each([
    ['no endpoint', ''],
    ['an endpoint that is not http', `?endpoint=${encodeURIComponent('javascript:alert(1)')}&auth=x`],
    ['an endpoint without credentials', '?endpoint=https://lrs.example.org/'],
    [
      'a cmi5 launch without an actor',
      `?endpoint=https://l.example/&fetch=https://f.example/&registration=${registration}&activityId=a`,
    ],
    [
      'a cmi5 launch with a bad registration',
      `?endpoint=https://l.example/&fetch=https://f.example/&registration=1&activityId=a&actor=${encodeURIComponent(actor)}`,
    ],
  ])('ignores %s', (_, search) => {
    expect(lrsLaunch(search)).toBeUndefined();
  });
});
