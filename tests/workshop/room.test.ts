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
    expect(room.state.game).toMatchObject({ kind: 'decision', decisionId: 'funding' });
    room.voteAndReveal([
      ['ana', 'patch'],
      ['ben', 'patch'],
      ['cy', 'delay'],
    ]);
    expect(room.state.current?.phase).toBe('revealed');
    room.do({ type: 'advance' });
    expect(room.state.choices).toEqual(['patch']);
    expect(room.state.game).toMatchObject({ kind: 'decision', decisionId: 'storm-plan' });
    expect(room.state.taken).toEqual([{ step: 0, round: 1, option: 'patch', majority: 'patch' }]);
    expect(phaseOf(room.state)).toBe('idle');
  });

  it('keeps one vote per participant: voting again before the close replaces the first', () => {
    const room = roomWithThree();
    room.do({ type: 'open' });
    room.vote('ana', 'delay', 'too risky');
    room.vote('ana', 'rebuild');
    expect(tallyOf(room.state, 'facilitator')).toMatchObject({
      voters: 1,
      counts: { delay: 0, patch: 0, rebuild: 1 },
    });
    room.do({ type: 'close' });
    expect(room.vote('ana', 'delay')).toMatchObject({ code: 'not-now', message: 'voting is not open' });
    expect(voteOf(room.state.current!.votes, 'ana')!.option).toBe('rebuild');
    expect(room.state.current!.votes.size).toBe(1);
  });

  it('refuses votes for options the machine does not offer here, and from strangers', () => {
    const room = roomWithThree();
    room.voteAndReveal([['ana', 'delay']]).do({ type: 'advance' });
    room.do({ type: 'open' });
    // Closing the gates needs readiness >= 1, which delaying the repair leaves at 0.
    expect(room.vote('ana', 'close-gates')).toMatchObject({ code: 'invalid-message' });
    expect(room.vote('zed', 'evacuate')).toMatchObject({ code: 'not-joined' });
    expect(room.control({ type: 'handCounts', counts: { 'close-gates': 4 } })).toMatchObject({
      code: 'invalid-message',
    });
    room.vote('ana', 'sandbags');
    room.do({ type: 'reveal' });
    expect(room.control({ type: 'advance', option: 'close-gates', reason: 'why not' })).toMatchObject({
      code: 'invalid-message',
    });
  });

  it('shows counts to the facilitator at once, and to the projector and phones only after the reveal', () => {
    const room = roomWithThree();
    room.do({ type: 'open' });
    room.vote('ana', 'patch', 'the article reports it');
    room.vote('ben', 'delay', 'escalation');
    const now = { now: room.now };
    expect(facilitatorView(room.scenario, room.state, now).vote.counts).toEqual({
      delay: 1,
      patch: 1,
      rebuild: 0,
    });
    expect(presenterView(room.scenario, room.state, now).vote).toEqual({
      round: 1,
      phase: 'open',
      openedAt: expect.any(Number),
      voters: 2,
    });
    expect(participantView(room.scenario, room.state, 'ana', now)).toMatchObject({
      myVote: { option: 'patch', reason: 'the article reports it' },
    });
    expect(participantView(room.scenario, room.state, 'ana', now).vote.counts).toBeUndefined();
    expect(tallyOf(room.state, 'public').counts).toBeUndefined();

    room.do({ type: 'reveal' });
    const shown = presenterView(room.scenario, room.state, now).vote.results!;
    expect(shown).toMatchObject({ total: 2, majority: null });
    expect(shown.reasons).toEqual([
      { option: 'patch', reason: 'the article reports it' },
      { option: 'delay', reason: 'escalation' },
    ]);
    expect(facilitatorView(room.scenario, room.state, now).vote.results!.reasons[0]).toMatchObject({ nickname: 'ana' });
    expect(participantView(room.scenario, room.state, 'cy', now).vote.counts).toEqual({
      delay: 1,
      patch: 1,
      rebuild: 0,
    });
  });

  it('on a tie the facilitator must choose, and choosing against a majority needs a reason', () => {
    const room = roomWithThree();
    room.voteAndReveal([
      ['ana', 'patch'],
      ['ben', 'delay'],
    ]);
    expect(room.control({ type: 'advance' })).toMatchObject({
      code: 'not-now',
      message: expect.stringContaining('no majority'),
    });
    expect(room.control({ type: 'advance', option: 'rebuild' })).toMatchObject({
      message: expect.stringContaining('needs a reason'),
    });
    room.do({ type: 'advance', option: 'rebuild', reason: 'to see the widest branch' });
    expect(room.state.taken[0]).toEqual({
      step: 0,
      round: 1,
      option: 'rebuild',
      majority: null,
      reason: 'to see the widest branch',
    });
    expect(facilitatorView(room.scenario, room.state, context).taken[0]).toMatchObject({
      optionId: 'rebuild',
      override: { majority: null, reason: 'to see the widest branch' },
    });
  });

  it('takes the majority without a reason when the facilitator names it', () => {
    const room = roomWithThree();
    room.voteAndReveal([['ana', 'patch']]);
    room.do({ type: 'advance', option: 'patch', reason: 'ignored' });
    expect(room.state.taken[0]).not.toHaveProperty('reason');
  });

  it('adds hand counts to phone votes and closes the vote', () => {
    const room = roomWithThree();
    room.do({ type: 'open' });
    room.vote('ana', 'delay');
    room.do({ type: 'handCounts', counts: { delay: 2, rebuild: 4 } });
    expect(room.state.current).toMatchObject({ phase: 'closed' });
    room.do({ type: 'reveal' });
    expect(presenterView(room.scenario, room.state, context).vote.results).toMatchObject({
      counts: { delay: 3, patch: 0, rebuild: 4 },
      total: 7,
      majority: 'rebuild',
    });
  });

  it('runs on hand counts alone, without opening a vote (offline presenter mode)', () => {
    const room = new TestRoom();
    room.do({ type: 'handCounts', counts: { patch: 12, delay: 5 } }, { type: 'reveal' }, { type: 'advance' });
    expect(room.state.choices).toEqual(['patch']);
    expect(room.state.rounds[0]).toMatchObject({
      round: 1,
      handCounts: { patch: 12, delay: 5 },
      outcome: { kind: 'taken', option: 'patch' },
    });
  });

  it('enforces the order open -> close -> reveal -> advance', () => {
    const room = roomWithThree();
    expect(room.control({ type: 'close' })).toMatchObject({ code: 'not-now' });
    expect(room.control({ type: 'reveal' })).toMatchObject({ code: 'not-now' });
    expect(room.control({ type: 'advance', option: 'patch', reason: 'x' })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'open' });
    expect(room.control({ type: 'open' })).toMatchObject({ code: 'not-now' });
    expect(room.control({ type: 'advance' })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'close' }, { type: 'open' }); // opened again: votes stay
    room.vote('ben', 'rebuild');
    room.do({ type: 'reveal' });
    expect(room.control({ type: 'open' })).toMatchObject({ code: 'not-now' });
    expect(room.control({ type: 'handCounts', counts: {} })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'advance' });
    expect(room.state.choices).toEqual(['rebuild']);
  });
});

describe('pause, rewind and end', () => {
  it('pauses voting and moves the timer on by the length of the pause', () => {
    const room = roomWithThree();
    room.do({ type: 'open', seconds: 60 });
    const endsAt = room.state.current!.endsAt!;
    expect(endsAt).toBe(room.state.current!.openedAt + 60_000);
    room.do({ type: 'pause' });
    expect(room.vote('ana', 'patch')).toMatchObject({ code: 'not-now', message: 'the session is paused' });
    expect(room.control({ type: 'close' })).toMatchObject({ message: expect.stringContaining('paused') });
    room.now += 30_000;
    room.do({ type: 'resume' });
    const [pause] = room.state.pauses;
    expect(pause!.to! - pause!.from).toBeGreaterThan(30_000);
    expect(room.state.current!.endsAt).toBe(endsAt + (pause!.to! - pause!.from));
    expect(room.vote('ana', 'patch')).toBeUndefined();
  });

  it('rewinds to an earlier decision, keeping the rejected branch in the rounds', () => {
    const room = roomWithThree();
    room.voteAndReveal([['ana', 'delay']]).do({ type: 'advance' });
    room.voteAndReveal([['ana', 'sandbags']]).do({ type: 'advance' });
    room.do({ type: 'open' });
    room.vote('ben', 'inquiry');
    expect(room.control({ type: 'rewind', toStep: 2 })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'rewind', toStep: 0 });
    expect(room.state.choices).toEqual([]);
    expect(room.state.taken).toEqual([]);
    expect(room.state.game).toMatchObject({ kind: 'decision', decisionId: 'funding' });
    expect(room.state.rounds.map((r) => [r.round, r.decisionId, r.outcome?.kind])).toEqual([
      [1, 'funding', 'taken'],
      [2, 'storm-plan', 'taken'],
      [3, 'aftermath', 'rewound'],
    ]);
    expect(room.state.rewinds).toEqual([{ at: expect.any(Number), fromStep: 2, toStep: 0 }]);
    room.voteAndReveal([['cy', 'rebuild']]);
    expect(room.state.current!.round).toBe(4);
  });

  it('plays to an ending, where no vote opens but a rewind does', () => {
    const room = roomWithThree();
    for (const option of ['patch', 'close-gates', 'inquiry', 'sell'])
      room.voteAndReveal([['ana', option]]).do({ type: 'advance' });
    expect(room.state.game).toMatchObject({ kind: 'ending', endingId: 'sold' });
    expect(room.control({ type: 'open' })).toMatchObject({
      code: 'not-now',
      message: expect.stringContaining('ending'),
    });
    room.do({ type: 'rewind', toStep: 3 });
    expect(room.state.game).toMatchObject({ kind: 'decision', decisionId: 'land-vote' });
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
    expect(room.vote('ana', 'patch')).toMatchObject({ code: 'not-now' });
    expect(room.join('dee')).toMatchObject({ code: 'not-now' });
  });
});

describe('rebuilding a room from its events', () => {
  it('gives the same state as the live room, so a restart loses nothing', () => {
    const room = roomWithThree();
    room
      .voteAndReveal([
        ['ana', 'delay', 'caution'],
        ['ben', 'rebuild'],
      ])
      .do({ type: 'advance', option: 'rebuild', reason: 'explore' });
    room.do({ type: 'open', seconds: 30 }, { type: 'pause' }, { type: 'resume' });
    room.vote('cy', 'pump');
    room.do({ type: 'handCounts', counts: { evacuate: 2 } }, { type: 'rewind', toStep: 0 });
    expect(rebuildRoom(room.scenario, room.events)).toEqual(room.state);
    expect(room.state.seq).toBe(room.events.length);
  });

  it('refuses an event log that does not start with the room being created', () => {
    const room = roomWithThree();
    expect(() => rebuildRoom(room.scenario, room.events.slice(1))).toThrow(/created/);
  });
});
