/**
 * What the room sees between decisions: the outcome of each choice before the next decision, the
 * ending, then a debrief the facilitator steps through; and timed votes the server's clock closes.
 */
import { describe, expect, it } from 'vitest';
import { decideTimeUp, evolve, rebuildRoom, timeUpAt } from '../../src/workshop/room.ts';
import { facilitatorView, participantView, presenterView } from '../../src/workshop/views.ts';
import { matchesReported } from '../../src/workshop/debrief.ts';
import { ControlRequest, LIMITS, parseMessage } from '../../src/workshop/protocol.ts';
import { recordFile, type SessionRecord } from '../../src/workshop/record.ts';
import { TestRoom } from './helpers.ts';

const context = { now: 0 };

function roomWithThree() {
  const room = new TestRoom();
  for (const id of ['ana', 'ben', 'cy']) expect(room.join(id)).toBeUndefined();
  return room;
}

describe('after an advance', () => {
  it('shows every screen the outcome of the choice, with the meters, before the next decision', () => {
    const room = roomWithThree();
    room.voteAndReveal([
      ['ana', 'patch'],
      ['ben', 'patch'],
      ['cy', 'delay'],
    ]);
    room.do({ type: 'advance' });
    const presenter = presenterView(room.scenario, room.state, context);
    expect(presenter.showing).toBe('outcome');
    // The machine is already at the next decision; the outcome is the path's last step.
    expect(presenter.game.path.at(-1)).toMatchObject({ optionId: 'patch', outcome: 'The worst section is patched.' });
    expect(presenter.game.meters).toEqual([
      expect.objectContaining({ id: 'readiness', value: 1, change: 1, reason: 'The worst section is patched.' }),
    ]);
    expect(participantView(room.scenario, room.state, 'ana', context).showing).toBe('outcome');
    room.do({ type: 'next' });
    expect(presenterView(room.scenario, room.state, context).showing).toBe('decision');
    expect(room.control({ type: 'next' })).toMatchObject({ code: 'not-now' });
  });

  it('announces an override with its reason on the outcome', () => {
    const room = roomWithThree();
    room.voteAndReveal([
      ['ana', 'patch'],
      ['ben', 'patch'],
    ]);
    room.do({ type: 'advance', option: 'rebuild', reason: 'the storm is coming' });
    const view = presenterView(room.scenario, room.state, context);
    expect(view.showing).toBe('outcome');
    expect(view.taken.at(-1)).toMatchObject({
      optionId: 'rebuild',
      override: { majority: 'patch', reason: 'the storm is coming' },
    });
  });

  it('lets the facilitator open the next vote straight from the outcome, and a rewind leaves it', () => {
    const room = roomWithThree();
    room.voteAndReveal([['ana', 'delay']]).do({ type: 'advance' });
    room.do({ type: 'open' });
    expect(room.state.showing).toBe('place');
    expect(room.state.current?.decisionId).toBe('storm-plan');
    room.do({ type: 'close' }, { type: 'reveal' }, { type: 'advance', option: 'pump', reason: 'test' });
    expect(room.state.showing).toBe('outcome');
    room.do({ type: 'rewind', toStep: 1 });
    expect(room.state.showing).toBe('place');
    expect(presenterView(room.scenario, room.state, context)).toMatchObject({
      showing: 'decision',
      game: { decisionId: 'storm-plan' },
    });
  });

  it('rebuilds the same moment from the stored events', () => {
    const room = roomWithThree();
    room.voteAndReveal([['ana', 'delay']]).do({ type: 'advance' });
    expect(rebuildRoom(room.scenario, room.events).showing).toBe('outcome');
    room.do({ type: 'next' });
    expect(rebuildRoom(room.scenario, room.events)).toEqual(room.state);
  });
});

function toEnding(room: TestRoom) {
  room.voteAndReveal([
    ['ana', 'patch'],
    ['ben', 'patch'],
    ['cy', 'rebuild'],
  ]);
  room.do({ type: 'advance' }, { type: 'next' });
  room.voteAndReveal([['ana', 'close-gates']]).do({ type: 'advance' }, { type: 'next' });
  room.voteAndReveal([['ana', 'inquiry']]).do({ type: 'advance', option: 'blame', reason: 'to see' }, { type: 'next' });
  room.voteAndReveal([['ana', 'keep']]).do({ type: 'advance' });
}

describe('the ending and its debrief', () => {
  it('shows the last outcome, then the ending, then the debrief pages the facilitator steps to', () => {
    const room = roomWithThree();
    toEnding(room);
    expect(presenterView(room.scenario, room.state, context).showing).toBe('outcome');
    expect(room.control({ type: 'debrief', page: 0 })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'next' });
    expect(presenterView(room.scenario, room.state, context)).toMatchObject({ showing: 'ending' });
    room.do({ type: 'debrief', page: 0 });
    const view = presenterView(room.scenario, room.state, context);
    expect(view.showing).toBe('debrief');
    const debrief = view.debrief!;
    // The fixture has no common questions; the ending has its own.
    expect(debrief.parts).toEqual(['path', 'reported', 'votes', 'questions']);
    expect(debrief.questions).toEqual(['What should the harbour do with the land?', 'Was the barrier worth its cost?']);
    expect(debrief.steps.map((s) => s.optionId)).toEqual(['patch', 'close-gates', 'blame', 'keep']);
    // Where the room parted from what the source reports.
    expect(debrief.steps.map(matchesReported)).toEqual([undefined, false, true, true]);
    expect(debrief.steps[1]!.reported.map((o) => o.id)).toEqual(['sandbags', 'evacuate', 'pump']);
    expect(debrief.steps[0]!.votes).toEqual({
      options: [
        { id: 'delay', label: 'Wait for the autumn budget', count: 0 },
        { id: 'patch', label: 'Patch the worst section', count: 2 },
        { id: 'rebuild', label: 'Rebuild the barrier', count: 1 },
      ],
      total: 3,
      majority: 'patch',
    });
    expect(debrief.steps[2]!.override).toEqual({ majority: 'inquiry', reason: 'to see' });
    room.do({ type: 'debrief', page: 3 });
    expect(facilitatorView(room.scenario, room.state, context).debrief!.page).toBe(3);
    // Beyond the last page shows the last.
    room.do({ type: 'debrief', page: 9 });
    expect(facilitatorView(room.scenario, room.state, context).debrief!.page).toBe(3);
    room.do({ type: 'end' });
    expect(presenterView(room.scenario, room.state, context)).toMatchObject({ status: 'ended', showing: 'debrief' });
  });

  it('has no debrief before an ending', () => {
    const room = roomWithThree();
    expect(room.control({ type: 'debrief', page: 0 })).toMatchObject({ code: 'not-now' });
  });
});

describe('a timed vote', () => {
  it('is closed by the clock when its time runs out, not before', () => {
    const room = roomWithThree();
    room.do({ type: 'open', seconds: 30 });
    const endsAt = room.state.current!.endsAt!;
    expect(timeUpAt(room.state)).toBe(endsAt);
    expect(decideTimeUp(room.state, endsAt - 1)).toMatchObject({ ok: false });
    const closed = decideTimeUp(room.state, endsAt);
    expect(closed).toEqual({ ok: true, value: { type: 'closed', at: endsAt, timeUp: true } });
    const state = evolve(room.scenario, room.state, closed.ok ? closed.value : (undefined as never));
    expect(state.current).toMatchObject({ phase: 'closed', timeUp: true });
    expect(timeUpAt(state)).toBeUndefined();
    expect(decideTimeUp(state, endsAt + 5000)).toMatchObject({ ok: false });
    // The record says the clock closed it.
    const record = JSON.parse(recordFile(room.scenario, state, 'json').content) as SessionRecord;
    expect(record.rounds[0]).toMatchObject({ timeLimitSeconds: 30, closedWhenTimeRanOut: true });
    expect(recordFile(room.scenario, state, 'markdown').content).toContain('closed when its 30 s ran out');
  });

  it('can be given more time while open, but only with a time limit', () => {
    const room = roomWithThree();
    room.do({ type: 'open' });
    expect(room.control({ type: 'extend', seconds: 30 })).toMatchObject({ code: 'not-now' });
    room.do({ type: 'close' }, { type: 'open', seconds: 30 });
    const endsAt = room.state.current!.endsAt!;
    room.do({ type: 'extend', seconds: 60 });
    expect(room.state.current).toMatchObject({ endsAt: endsAt + 60_000, seconds: 90 });
    expect(decideTimeUp(room.state, endsAt + 1)).toMatchObject({ ok: false });
  });

  it('is not closed while the room is paused', () => {
    const room = roomWithThree();
    room.do({ type: 'open', seconds: 5 }, { type: 'pause' });
    expect(timeUpAt(room.state)).toBeUndefined();
    expect(decideTimeUp(room.state, room.now + 60_000)).toMatchObject({ ok: false });
  });
});

describe('the new intents on the wire', () => {
  const parse = (intent: unknown) => parseMessage(ControlRequest, { v: 1, intent });

  it('accepts next, debrief pages and extensions within their bounds', () => {
    expect(parse({ type: 'next' })).toMatchObject({ ok: true });
    expect(parse({ type: 'debrief', page: 0 })).toMatchObject({ ok: true });
    expect(parse({ type: 'debrief', page: LIMITS.debriefPages - 1 })).toMatchObject({ ok: true });
    expect(parse({ type: 'extend', seconds: 30 })).toMatchObject({ ok: true });
  });

  it('refuses anything else, naming the field', () => {
    for (const intent of [
      { type: 'next', page: 1 },
      { type: 'debrief' },
      { type: 'debrief', page: -1 },
      { type: 'debrief', page: 1.5 },
      { type: 'debrief', page: LIMITS.debriefPages },
      { type: 'debrief', page: '1' },
      { type: 'extend' },
      { type: 'extend', seconds: 4 },
      { type: 'extend', seconds: LIMITS.voteSeconds + 1 },
      { type: 'extend', seconds: Number.POSITIVE_INFINITY },
      { type: 'close', timeUp: true },
    ])
      expect(parse(intent)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('keeps a timed vote within the longest time limit in all', () => {
    const room = roomWithThree();
    room.do({ type: 'open', seconds: LIMITS.voteSeconds - 10 });
    expect(room.control({ type: 'extend', seconds: 30 })).toMatchObject({ code: 'not-now' });
  });
});
