/**
 * Option ids are author-chosen and `constructor` is a valid one; `__proto__` can arrive in a
 * message. Counting must read only own properties, or hand counts pick up Object.prototype's
 * members (a function counted as votes) and `__proto__` counts vanish.
 */
import { describe, expect, it } from 'vitest';
import { RoomEvent } from '../../src/workshop/events.ts';
import { ControlRequest, parseMessage } from '../../src/workshop/protocol.ts';
import { recordFile } from '../../src/workshop/record.ts';
import { decideControl, type Round } from '../../src/workshop/room.ts';
import { countVotes, majorityOf, totalOf } from '../../src/workshop/tally.ts';
import { emptyBook, withVote } from '../../src/workshop/vote-book.ts';
import { TestRoom } from './helpers.ts';
import { starterRoomScenario } from './starter-scenario.ts';

describe('counts keyed by option ids', () => {
  it('an option called "constructor" counts its own votes, not Object.prototype.constructor', () => {
    const room = new TestRoom(starterRoomScenario([['use-the-park', 'constructor']]));
    room.join('a');
    room.join('b');
    room.do({ type: 'open' });
    expect(room.vote('a', 'stay-inside')).toBeUndefined();
    // Hands for one option only: the other one's count must be 0, not whatever `{}.constructor` is.
    room.do({ type: 'handCounts', counts: { 'stay-inside': 1 } }, { type: 'reveal' });
    const counts = countVotes(room.state.current!);
    expect({ ...counts }).toEqual({ constructor: 0, 'stay-inside': 2 });
    expect(totalOf(counts)).toBe(2);
    expect(majorityOf(counts)).toBe('stay-inside');
    room.do({ type: 'advance' });

    const json = JSON.parse(recordFile(room.scenario, room.state, 'json').content);
    expect(json.rounds[0].options).toEqual([
      expect.objectContaining({ id: 'constructor', phoneVotes: 0, handVotes: 0, total: 0 }),
      expect.objectContaining({ id: 'stay-inside', phoneVotes: 1, handVotes: 1, total: 2 }),
    ]);
    for (const format of ['markdown', 'csv'] as const)
      expect(recordFile(room.scenario, room.state, format).content).not.toMatch(/function|native code/);
  });

  it('keeps a "__proto__" key in a hand-count message, so the room refuses it as no option here', () => {
    const room = new TestRoom(starterRoomScenario());
    room.do({ type: 'open' });
    const parsed = parseMessage(
      ControlRequest,
      JSON.parse('{"v":1,"intent":{"type":"handCounts","counts":{"__proto__":3,"constructor":2}}}'),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const intent = parsed.value.intent as Extract<typeof parsed.value.intent, { type: 'handCounts' }>;
    expect(Object.hasOwn(intent.counts, '__proto__')).toBe(true);
    expect(Object.keys(intent.counts)).toEqual(['__proto__', 'constructor']);
    const decided = decideControl(room.state, intent, room.now);
    expect(decided.ok ? 'accepted' : decided.error.message).toMatch(/"__proto__" is not one of the options/);
  });

  it('counts votes and hands for options called "__proto__" and "constructor"', () => {
    const round: Pick<Round, 'offered' | 'votes' | 'handCounts'> = {
      offered: ['__proto__', 'constructor'],
      votes: withVote(withVote(emptyBook, 'p1', { option: '__proto__', at: 1 }), 'p2', { option: '__proto__', at: 2 }),
      handCounts: JSON.parse('{"__proto__":1}'),
    };
    const counts = countVotes(round);
    expect(Object.keys(counts)).toEqual(['__proto__', 'constructor']);
    expect([counts['__proto__'], counts['constructor']]).toEqual([3, 0]);
    expect(majorityOf(counts)).toBe('__proto__');
    expect(JSON.parse(JSON.stringify(counts))).toEqual(JSON.parse('{"__proto__":3,"constructor":0}'));
  });

  it('reads a stored hand-count event with a "__proto__" key back as it was written', () => {
    const stored = '{"type":"handCounts","at":1,"counts":{"__proto__":4,"constructor":1}}';
    const event = RoomEvent.parse(JSON.parse(stored));
    expect(JSON.stringify(event)).toBe(stored);
  });
});
