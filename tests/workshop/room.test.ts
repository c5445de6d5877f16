import { describe, expect, it } from 'vitest';
import { rebuildRoom, phaseOf } from '../../src/workshop/room.ts';
import { voteOf } from '../../src/workshop/vote-book.ts';
import { facilitatorView, participantView, presenterView, tallyOf } from '../../src/workshop/views.ts';
import { TestRoom } from './helpers.ts';

const context = { now: 0 };

function roomWithThree() {
  const room = new TestRoom();
  for (const id of ['ana', 'ben', 'cy']) expect(room.join(id)).toBeUndefined();
  return room;
}

describe('a room vote', () => {
  it('moves along the scenario with the majority, on the same machine as single-player', () => {
    const room = roomWithThree();
    expect(room.state.game).toMatchObject({ kind: 'decision', decisionId: 'us-permission' });
    room.voteAndReveal([
      ['ana', 'allow-limited'],
      ['ben', 'allow-limited'],
      ['cy', 'keep-restriction'],
    ]);
    expect(room.state.current?.phase).toBe('revealed');
    room.do({ type: 'advance' });
    expect(room.state.choices).toEqual(['allow-limited']);
    expect(room.state.game).toMatchObject({ kind: 'decision', decisionId: 'ukraine-plan' });
    expect(room.state.taken).toEqual([{ step: 0, round: 1, option: 'allow-limited', majority: 'allow-limited' }]);
    expect(phaseOf(room.state)).toBe('idle');
  });

  it('keeps one vote per participant: voting again before the close replaces the first', () => {
    const room = roomWithThree();
    room.do({ type: 'open' });
    room.vote('ana', 'keep-restriction', 'too risky');
    room.vote('ana', 'allow-wider');
    expect(tallyOf(room.state, 'facilitator')).toMatchObject({
      voters: 1,
      counts: { 'keep-restriction': 0, 'allow-limited': 0, 'allow-wider': 1 },
    });
    room.do({ type: 'close' });
    expect(room.vote('ana', 'keep-restriction')).toMatchObject({ code: 'not-now', message: 'voting is not open' });
    expect(voteOf(room.state.current!.votes, 'ana')!.option).toBe('allow-wider');
    expect(room.state.current!.votes.size).toBe(1);
  });

  it('refuses votes for options the machine does not offer here, and from strangers', () => {
    const room = roomWithThree();
    room.voteAndReveal([['ana', 'keep-restriction']]).do({ type: 'advance' });
    room.do({ type: 'open' });
    // Kursk strikes need strike-permission >= 1, which keeping the restriction leaves at 0.
    expect(room.vote('ana', 'kursk-defensive')).toMatchObject({ code: 'invalid-message' });
    expect(room.vote('zed', 'occupied-territory')).toMatchObject({ code: 'not-joined' });
    expect(room.control({ type: 'handCounts', counts: { 'kursk-defensive': 4 } })).toMatchObject({
      code: 'invalid-message',
    });
    room.vote('ana', 'hold-and-prepare');
    room.do({ type: 'reveal' });
    expect(room.control({ type: 'advance', option: 'kursk-defensive', reason: 'why not' })).toMatchObject({
      code: 'invalid-message',
    });
  });

  it('shows counts to the facilitator at once, and to the projector and phones only after the reveal', () => {
    const room = roomWithThree();
    room.do({ type: 'open' });
    room.vote('ana', 'allow-limited', 'the article reports it');
    room.vote('ben', 'keep-restriction', 'escalation');
    const now = { now: room.now };
    expect(facilitatorView(room.scenario, room.state, now).vote.counts).toEqual({
      'keep-restriction': 1,
      'allow-limited': 1,
      'allow-wider': 0,
    });
    expect(presenterView(room.scenario, room.state, now).vote).toEqual({
      round: 1,
      phase: 'open',
      openedAt: expect.any(Number),
      voters: 2,
    });
    expect(participantView(room.scenario, room.state, 'ana', now)).toMatchObject({
      myVote: { option: 'allow-limited', reason: 'the article reports it' },
    });
    expect(participantView(room.scenario, room.state, 'ana', now).vote.counts).toBeUndefined();
    expect(tallyOf(room.state, 'public').counts).toBeUndefined();

    room.do({ type: 'reveal' });
    const shown = presenterView(room.scenario, room.state, now).vote.results!;
    expect(shown).toMatchObject({ total: 2, majority: null });
    expect(shown.reasons).toEqual([
      { option: 'allow-limited', reason: 'the article reports it' },
      { option: 'keep-restriction', reason: 'escalation' },
    ]);
    expect(facilitatorView(room.scenario, room.state, now).vote.results!.reasons[0]).toMatchObject({ nickname: 'ana' });
    expect(participantView(room.scenario, room.state, 'cy', now).vote.counts).toEqual({
      'keep-restriction': 1,
      'allow-limited': 1,
      'allow-wider': 0,
    });
  });

  it('on a tie the facilitator must choose, and choosing against a majority needs a reason', () => {
    const room = roomWithThree();
    room.voteAndReveal([
      ['ana', 'allow-limited'],
      ['ben', 'keep-restriction'],
    ]);
    expect(room.control({ type: 'advance' })).toMatchObject({
      code: 'not-now',
      message: expect.stringContaining('no majority'),
    });
    expect(room.control({ type: 'advance', option: 'allow-wider' })).toMatchObject({
      message: expect.stringContaining('needs a reason'),
    });
    room.do({ type: 'advance', option: 'allow-wider', reason: 'to see the widest branch' });
    expect(room.state.taken[0]).toEqual({
      step: 0,
      round: 1,
      option: 'allow-wider',
      majority: null,
      reason: 'to see the widest branch',
    });
    expect(facilitatorView(room.scenario, room.state, context).taken[0]).toMatchObject({
      optionId: 'allow-wider',
      override: { majority: null, reason: 'to see the widest branch' },
    });
  });

  it('takes the majority without a reason when the facilitator names it', () => {
    const room = roomWithThree();
    room.voteAndReveal([['ana', 'allow-limited']]);
    room.do({ type: 'advance', option: 'allow-limited', reason: 'ignored' });
    expect(room.state.taken[0]).not.toHaveProperty('reason');
  });

  it('adds hand counts to phone votes and closes the vote', () => {
    const room = roomWithThree();
    room.do({ type: 'open' });
    room.vote('ana', 'keep-restriction');
    room.do({ type: 'handCounts', counts: { 'keep-restriction': 2, 'allow-wider': 4 } });
    expect(room.state.current).toMatchObject({ phase: 'closed' });
    room.do({ type: 'reveal' });
    expect(presenterView(room.scenario, room.state, context).vote.results).toMatchObject({
      counts: { 'keep-restriction': 3, 'allow-limited': 0, 'allow-wider': 4 },
      total: 7,
      majority: 'allow-wider',
    });
  });

  it('runs on hand counts alone, without opening a vote (offline presenter mode)', () => {
    const room = new TestRoom();
    room.do(
      { type: 'handCounts', counts: { 'allow-limited': 12, 'keep-restriction': 5 } },
      { type: 'reveal' },
      { type: 'advance' },
    );
    expect(room.state.choices).toEqual(['allow-limited']);
    expect(room.state.rounds[0]).toMatchObject({
      round: 1,
      handCounts: { 'allow-limited': 12, 'keep-restriction': 5 },
      outcome: { kind: 'taken', option: 'allow-limited' },
    });
  });

  it('enforces the order open -> close -> reveal -> advance', () => {
    const room = roomWithThree();
    expect(room.control({ type: 'close' })).toMatchObject({ code: 'not-now' });
    expect(room.control({ type: 'reveal' })).toMatchObject({ code: 'not-now' });
    expect(room.control({ type: 'advance', option: 'allow-limited', reason: 'x' })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'open' });
    expect(room.control({ type: 'open' })).toMatchObject({ code: 'not-now' });
    expect(room.control({ type: 'advance' })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'close' }, { type: 'open' }); // opened again: votes stay
    room.vote('ben', 'allow-wider');
    room.do({ type: 'reveal' });
    expect(room.control({ type: 'open' })).toMatchObject({ code: 'not-now' });
    expect(room.control({ type: 'handCounts', counts: {} })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'advance' });
    expect(room.state.choices).toEqual(['allow-wider']);
  });
});

describe('pause, rewind and end', () => {
  it('pauses voting and moves the timer on by the length of the pause', () => {
    const room = roomWithThree();
    room.do({ type: 'open', seconds: 60 });
    const endsAt = room.state.current!.endsAt!;
    expect(endsAt).toBe(room.state.current!.openedAt + 60_000);
    room.do({ type: 'pause' });
    expect(room.vote('ana', 'allow-limited')).toMatchObject({ code: 'not-now', message: 'the session is paused' });
    expect(room.control({ type: 'close' })).toMatchObject({ message: expect.stringContaining('paused') });
    room.now += 30_000;
    room.do({ type: 'resume' });
    const [pause] = room.state.pauses;
    expect(pause!.to! - pause!.from).toBeGreaterThan(30_000);
    expect(room.state.current!.endsAt).toBe(endsAt + (pause!.to! - pause!.from));
    expect(room.vote('ana', 'allow-limited')).toBeUndefined();
  });

  it('rewinds to an earlier decision, keeping the rejected branch in the rounds', () => {
    const room = roomWithThree();
    room.voteAndReveal([['ana', 'keep-restriction']]).do({ type: 'advance' });
    room.voteAndReveal([['ana', 'hold-and-prepare']]).do({ type: 'advance' });
    room.do({ type: 'open' });
    room.vote('ben', 'warn-and-contain');
    expect(room.control({ type: 'rewind', toStep: 2 })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'rewind', toStep: 0 });
    expect(room.state.choices).toEqual([]);
    expect(room.state.taken).toEqual([]);
    expect(room.state.game).toMatchObject({ kind: 'decision', decisionId: 'us-permission' });
    expect(room.state.rounds.map((r) => [r.round, r.decisionId, r.outcome?.kind])).toEqual([
      [1, 'us-permission', 'taken'],
      [2, 'ukraine-plan', 'taken'],
      [3, 'kremlin-response', 'rewound'],
    ]);
    expect(room.state.rewinds).toEqual([{ at: expect.any(Number), fromStep: 2, toStep: 0 }]);
    room.voteAndReveal([['cy', 'allow-wider']]);
    expect(room.state.current!.round).toBe(4);
  });

  it('plays to an ending, where no vote opens but a rewind does', () => {
    const room = roomWithThree();
    for (const option of ['allow-limited', 'kursk-defensive', 'warn-and-contain', 'halt-aid'])
      room.voteAndReveal([['ana', option]]).do({ type: 'advance' });
    expect(room.state.game).toMatchObject({ kind: 'ending', endingId: 'aid-halted' });
    expect(room.control({ type: 'open' })).toMatchObject({
      code: 'not-now',
      message: expect.stringContaining('ending'),
    });
    room.do({ type: 'rewind', toStep: 3 });
    expect(room.state.game).toMatchObject({ kind: 'decision', decisionId: 'incoming-choice' });
  });

  it('after the end refuses everything, but lets nobody new in', () => {
    const room = roomWithThree();
    room.do({ type: 'open' }, { type: 'pause' }, { type: 'end' });
    expect(room.state).toMatchObject({
      status: 'ended',
      pauses: [{ from: expect.any(Number), to: expect.any(Number) }],
    });
    expect(room.state.rounds[0]!.outcome!.kind).toBe('ended');
    for (const intent of [
      { type: 'open' },
      { type: 'resume' },
      { type: 'end' },
      { type: 'rewind', toStep: 0 },
    ] as const) {
      expect(room.control(intent)).toMatchObject({ code: 'not-now', message: 'this session has ended' });
    }
    expect(room.vote('ana', 'allow-limited')).toMatchObject({ code: 'not-now' });
    expect(room.join('dee')).toMatchObject({ code: 'not-now' });
  });
});

describe('rebuilding a room from its events', () => {
  it('gives the same state as the live room, so a restart loses nothing', () => {
    const room = roomWithThree();
    room
      .voteAndReveal([
        ['ana', 'keep-restriction', 'caution'],
        ['ben', 'allow-wider'],
      ])
      .do({ type: 'advance', option: 'allow-wider', reason: 'explore' });
    room.do({ type: 'open', seconds: 30 }, { type: 'pause' }, { type: 'resume' });
    room.vote('cy', 'deeper-strikes');
    room.do({ type: 'handCounts', counts: { 'occupied-territory': 2 } }, { type: 'rewind', toStep: 0 });
    expect(rebuildRoom(room.scenario, room.events)).toEqual(room.state);
    expect(room.state.seq).toBe(room.events.length);
  });

  it('refuses an event log that does not start with the room being created', () => {
    const room = roomWithThree();
    expect(() => rebuildRoom(room.scenario, room.events.slice(1))).toThrow(/created/);
  });
});
