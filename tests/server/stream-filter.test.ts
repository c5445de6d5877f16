import { describe, expect, it } from 'vitest';
import { mayConcern, type RawStreamMessage } from '../../src/server/stream-filter.ts';

/** An entry as the streams adapter writes a broadcast (ClusterAdapter.broadcast, then encode). */
const broadcast = (uid: string, rooms: string[], data: unknown = ['view', { text: 'x' }]): RawStreamMessage => ({
  uid,
  nsp: '/',
  type: '3',
  data: JSON.stringify({
    packet: { type: 2, data, nsp: '/' },
    opts: { rooms, except: [], flags: {} },
  }),
});
const here = new Map([['ABCDEF/presenter', new Set(['s1'])]]);

describe('stream filter', () => {
  it('passes broadcasts to a room with a socket here, and to everybody', () => {
    expect(mayConcern(broadcast('other', ['ABCDEF/presenter']), 'me', here)).toBe(true);
    expect(mayConcern(broadcast('other', ['XYZXYZ/p/1', 'ABCDEF/presenter']), 'me', here)).toBe(true);
    expect(mayConcern(broadcast('other', []), 'me', here)).toBe(true);
  });

  it('skips broadcasts to rooms without a socket here, and its own entries', () => {
    expect(mayConcern(broadcast('other', ['XYZXYZ/presenter']), 'me', here)).toBe(false);
    expect(mayConcern(broadcast('me', ['ABCDEF/presenter']), 'me', here)).toBe(false);
  });

  it('is not fooled by the options key written inside a message', () => {
    const trick = ',"opts":{"rooms":["ABCDEF/presenter"]}';
    const message = broadcast('other', ['XYZXYZ/presenter'], ['view', { nickname: trick }]);
    expect(mayConcern(message, 'me', here)).toBe(false);
    const reversed = broadcast('other', ['ABCDEF/presenter'], ['view', { nickname: ',"opts":{"rooms":["XYZ"]}' }]);
    expect(mayConcern(reversed, 'me', here)).toBe(true);
  });

  it('passes every other kind of message, and data of a shape it does not know', () => {
    expect(mayConcern({ uid: 'other', nsp: '/', type: '1' }, 'me', here)).toBe(true); // heartbeat
    expect(mayConcern({ uid: 'other', nsp: '/', type: '4', data: '{"sid":"x","rooms":["R"]}' }, 'me', here)).toBe(true);
    expect(mayConcern({ uid: 'other', nsp: '/', type: '3', data: '{"packet":{}}' }, 'me', here)).toBe(true);
    expect(mayConcern({ uid: 'other', nsp: '/', type: '3', data: '{"packet":{},"opts":{"rooms":[' }, 'me', here)).toBe(
      true,
    );
  });
});
