import { describe, expect, it } from 'vitest';
import { buildRecord, recordFile } from '../../src/workshop/record.ts';
import { csvCell } from '../../src/workshop/record-csv.ts';
import { escapeMarkdown } from '../../src/workshop/record-markdown.ts';
import { TestRoom } from './helpers.ts';

/** A session with an override, a reason, hand counts, a rewind and an ending. */
function playedSession() {
  const room = new TestRoom();
  room.join('p1', 'Ana');
  room.join('p2', '=HYPERLINK("http://x")');
  room.join('p3', '<img src=x onerror=alert(1)>');
  room.voteAndReveal([
    ['p1', 'delay', 'the risk of "escalation", mostly'],
    ['p2', 'delay'],
    ['p3', 'patch', '**bold** claim'],
  ]);
  room.do({ type: 'advance', option: 'patch', reason: 'to follow what happened' });
  room.voteAndReveal([['p1', 'sandbags']]).do({ type: 'advance' });
  room.do({ type: 'rewind', toStep: 1 });
  room.do({ type: 'handCounts', counts: { 'close-gates': 9, evacuate: 2 } }, { type: 'reveal' }, { type: 'advance' });
  for (const option of ['inquiry', 'sell']) room.voteAndReveal([['p1', option]]).do({ type: 'advance' });
  room.do({ type: 'end' });
  return room;
}

describe('the session record', () => {
  const room = playedSession();
  const record = buildRecord(room.scenario, room.state);

  it('holds the path with its citations, who decided each step and every override', () => {
    expect(record.path.map((s) => [s.optionId, s.decidedBy, s.round])).toEqual([
      ['patch', 'facilitator', 1],
      ['close-gates', 'majority', 3],
      ['inquiry', 'majority', 4],
      ['sell', 'majority', 5],
    ]);
    expect(record.path[0]!.override).toEqual({ majority: 'delay', reason: 'to follow what happened' });
    expect(record.path.every((s) => s.citations.length > 0 && s.citations.every((c) => c.quote.length > 0))).toBe(true);
    expect(record.reached).toMatchObject({ kind: 'ending', id: 'sold' });
    expect(record.status).toBe('ended');
  });

  it('holds every vote with counts per option, reasons, timings, and the branch the room rewound', () => {
    expect(record.rounds.map((r) => [r.round, r.decisionId, r.outcome, r.chosen])).toEqual([
      [1, 'funding', 'taken', 'patch'],
      [2, 'storm-plan', 'taken', 'sandbags'],
      [3, 'storm-plan', 'taken', 'close-gates'],
      [4, 'aftermath', 'taken', 'inquiry'],
      [5, 'land-vote', 'taken', 'sell'],
    ]);
    const first = record.rounds[0]!;
    expect(first.options.map((o) => [o.id, o.phoneVotes, o.handVotes, o.total])).toEqual([
      ['delay', 2, 0, 2],
      ['patch', 1, 0, 1],
      ['rebuild', 0, 0, 0],
    ]);
    expect(first).toMatchObject({
      total: 3,
      majority: 'delay',
      durationSeconds: expect.any(Number),
      openedAt: expect.stringMatching(/^2026-03-05T/),
    });
    expect(first.reasons.map((r) => [r.nickname, r.reason])).toEqual([
      ['Ana', 'the risk of "escalation", mostly'],
      ['<img src=x onerror=alert(1)>', '**bold** claim'],
    ]);
    expect(record.rounds[2]!.options.find((o) => o.id === 'close-gates')).toMatchObject({
      phoneVotes: 0,
      handVotes: 9,
      total: 9,
    });
    expect(record.rewinds).toEqual([{ at: expect.any(String), fromStep: 2, toStep: 1 }]);
  });

  it("downloads as Markdown for the class, with participants' words kept as plain text", () => {
    const file = recordFile(room.scenario, room.state, 'markdown');
    expect(file).toMatchObject({
      filename: 'workshop-small-K7M2QX-2026-03-05.md',
      mimeType: 'text/markdown; charset=utf-8',
    });
    const md = file.content;
    expect(md).toContain('## The path the room took');
    expect(md).toContain('**The facilitator chose against the majority:** to follow what happened');
    expect(md).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(md).not.toMatch(/[^\\]<img/);
    expect(md).toContain('\\*\\*bold\\*\\* claim');
    expect(md).toMatch(/## Ending: /);
    expect(md).toContain('## For discussion');
    expect(md).toMatch(/### Vote 2: .* \(later rewound\)/);
    expect(md).toContain('| option | phones | hands | votes |');
    expect(md).toContain('## Sources');
  });

  it('downloads as CSV for a spreadsheet: one row per option of every vote, formulas defused', () => {
    const { content, filename } = recordFile(room.scenario, room.state, 'csv');
    expect(filename.endsWith('.csv')).toBe(true);
    const lines = content.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'round,step,decision_id,decision,option_id,option,phone_votes,hand_votes,votes,majority,taken,override_reason,outcome,opened_at,closed_at,revealed_at,duration_seconds,reasons,citations',
    );
    const optionRows = record.rounds.reduce((n, r) => n + r.options.length, 0);
    expect(lines).toHaveLength(1 + optionRows);
    expect(content).toContain(`"Ana: the risk of ""escalation"", mostly"`);
    expect(content).not.toMatch(/,=HYPERLINK/);
    const allowLimited = lines.find((l) => l.startsWith('1,1,funding,') && l.includes(',patch,'))!;
    expect(allowLimited).toContain(',yes,to follow what happened,taken,');
  });

  it('downloads as JSON that reads back to the same record', () => {
    const { content, mimeType } = recordFile(room.scenario, room.state, 'json');
    expect(mimeType).toBe('application/json');
    expect(JSON.parse(content)).toEqual(record);
  });

  it('is made for a session still running, saying where it stopped', () => {
    const live = new TestRoom();
    live.join('p1');
    live.do({ type: 'open' });
    live.vote('p1', 'rebuild');
    const partial = buildRecord(live.scenario, live.state);
    expect(partial).toMatchObject({ status: 'running', path: [], reached: { kind: 'decision', id: 'funding' } });
    expect(partial.rounds[0]).toMatchObject({ outcome: 'open', total: 1 });
    expect(recordFile(live.scenario, live.state, 'markdown').content).toContain('had not ended');
  });
});

describe("escaping participants' words", () => {
  it('quotes CSV cells with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"\nthere')).toBe('"say ""hi""\nthere"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });

  it('escapes every Markdown character that could make a link, an image, HTML or a heading', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) <b> # _a_')).toBe(
      '\\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\> \\# \\_a\\_',
    );
  });
});
