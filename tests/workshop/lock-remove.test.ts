/** The room rules for keeping fake participants out: lock the room, remove a participant. */
import { describe, expect, it } from 'vitest';
import { recordFile } from '../../src/workshop/record.ts';
import { isRemovedToken, rebuildRoom } from '../../src/workshop/room.ts';
import { countVotes } from '../../src/workshop/tally.ts';
import { facilitatorView } from '../../src/workshop/views.ts';
import { TestRoom } from './helpers.ts';
import { starterRoomScenario } from './starter-scenario.ts';

const room = () => new TestRoom(starterRoomScenario());

describe('locking the room', () => {
  it('refuses new participants while locked, and takes them again once unlocked', () => {
    const r = room();
    expect(r.join('a')).toBeUndefined();
    r.do({ type: 'lock' });
    expect(r.state.locked).toBe(true);
    expect(r.join('b')).toMatchObject({ code: 'room-locked' });
    expect(r.control({ type: 'lock' })).toMatchObject({ code: 'not-now' });
    // Allowed while paused: keeping people out may be why the room paused.
    r.do({ type: 'pause' }, { type: 'unlock' }, { type: 'resume' });
    expect(r.join('b')).toBeUndefined();
    expect(facilitatorView(r.scenario, r.state, { now: r.now })).toMatchObject({ locked: false, participants: 2 });
    expect(r.state.locks).toHaveLength(1);
    expect(r.state.locks[0]!.to).toBeDefined();
  });
});

describe('removing a participant', () => {
  it('withdraws their vote in the open vote, takes them off the list, and their token opens nothing', () => {
    const r = room();
    for (const id of ['a', 'b', 'c']) r.join(id);
    r.do({ type: 'open' });
    r.vote('a', 'use-the-park');
    r.vote('b', 'use-the-park');
    r.vote('c', 'stay-inside');
    r.do({ type: 'remove', participant: 'b' });
    expect(r.state.current!.votes.size).toBe(2);
    expect({ ...countVotes(r.state.current!) }).toEqual({ 'use-the-park': 1, 'stay-inside': 1 });
    expect(r.state.participantCount).toBe(2);
    expect(Object.keys(r.state.participants)).toEqual(['a', 'c']);
    expect(isRemovedToken(r.state, 'token-of-b')).toBe(true);
    expect(isRemovedToken(r.state, 'token-of-a')).toBe(false);
    expect(r.vote('b', 'stay-inside')).toMatchObject({ code: 'not-joined' });
    expect(r.control({ type: 'remove', participant: 'b' })).toMatchObject({ code: 'invalid-message' });
    expect(r.control({ type: 'remove', participant: 'constructor' })).toMatchObject({ code: 'invalid-message' });
    expect(facilitatorView(r.scenario, r.state, { now: r.now }).people.map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('keeps a vote already closed or revealed: those counts are on the screens', () => {
    const r = room();
    for (const id of ['a', 'b']) r.join(id);
    r.voteAndReveal([
      ['a', 'use-the-park'],
      ['b', 'stay-inside'],
    ]);
    r.do({ type: 'remove', participant: 'b' });
    expect(r.state.current!.votes.size).toBe(2);
    expect(r.state.removed[0]!.id).toBe('b');
    expect(r.state.removed[0]!.withdrawn).toBeUndefined();
  });

  it('is rebuilt the same from the stored events, and written in the record', () => {
    const r = room();
    for (const id of ['a', 'troll']) r.join(id, id === 'troll' ? '<b>troll</b>' : id);
    r.do({ type: 'open' });
    r.vote('troll', 'stay-inside');
    r.do({ type: 'remove', participant: 'troll' }, { type: 'lock' });
    expect(rebuildRoom(r.scenario, r.events)).toEqual(r.state);
    const json = JSON.parse(recordFile(r.scenario, r.state, 'json').content);
    expect(json.removed).toEqual([expect.objectContaining({ nickname: '<b>troll</b>', withdrawn: 'stay-inside' })]);
    expect(json.locks).toHaveLength(1);
    const markdown = recordFile(r.scenario, r.state, 'markdown').content;
    expect(markdown).toContain(
      'the facilitator removed \\<b\\>troll\\</b\\>, whose vote in the open vote was withdrawn',
    );
    expect(markdown).toMatch(/locked to newcomers/);
  });
});
