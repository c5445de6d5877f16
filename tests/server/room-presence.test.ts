/**
 * RoomPresence (src/server/room-presence.ts) over an in-memory bus between a few "processes": a
 * room is kept local only while no other process has sockets in it, every way another process
 * can turn up is noticed, and the room is sent its views again when that happens. The same
 * logic over Socket.IO and Redis runs in tests/server/cluster.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomPresence, type PresenceAnswer, type PresenceBus } from '../../src/server/room-presence.ts';

interface Member {
  name: string;
  asked?: (code: string, from: string) => PresenceAnswer;
  here?: (code: string, from: string, answering: boolean) => void;
  left?: (code: string, from: string) => void;
  /** Whether this member answers asks (a process that died is still counted but never answers). */
  answers: boolean;
}

/** Processes linked like the Redis stream links them: messages arrive later, in order. */
class Hub {
  readonly members: Member[] = [];
  /** Who each process knows of when it asks (a process just started may know of nobody yet). */
  known = (asker: string) => this.members.filter((m) => m.name !== asker);

  bus(name: string, answers = true): PresenceBus {
    const member: Member = { name, answers };
    this.members.push(member);
    const others = () => this.members.filter((m) => m.name !== name);
    const later = (deliver: () => void) => void setTimeout(deliver, 1);
    return {
      ask: (code, from) =>
        new Promise<PresenceAnswer[]>((resolve, reject) =>
          later(() => {
            const asked = this.known(name);
            if (asked.some((m) => !m.answers)) return reject(new Error('timeout reached'));
            resolve(asked.map((m) => m.asked!(code, from)));
          }),
        ),
      tellHere: (code, from, answering) => later(() => others().forEach((m) => m.here?.(code, from, answering))),
      tellLeft: (code, from) => later(() => others().forEach((m) => m.left?.(code, from))),
      onAsked: (answer) => void (member.asked = answer),
      onHere: (listener) => void (member.here = listener),
      onLeft: (listener) => void (member.left = listener),
    };
  }
}

const settle = () => vi.advanceTimersByTimeAsync(10);
const ROOM = 'K7M2QX';

afterEach(() => void vi.useRealTimers());

function processes(names: string[], hub = new Hub()) {
  const shared = new Map<string, string[]>(names.map((n) => [n, []]));
  const made = names.map((name) => new RoomPresence(hub.bus(name), name, (code) => shared.get(name)!.push(code)));
  return { hub, shared, presences: Object.fromEntries(names.map((n, i) => [n, made[i]!])) };
}

describe('RoomPresence', () => {
  it('keeps a room local once every other process has said it has no socket in it', async () => {
    vi.useFakeTimers();
    const { presences, shared } = processes(['A', 'B', 'C']);
    presences.A!.arrived(ROOM);
    // Until the answers are in, the room goes through Redis.
    expect(presences.A!.localOnly(ROOM)).toBe(false);
    await settle();
    expect(presences.A!.localOnly(ROOM)).toBe(true);
    expect(presences.A!.localOnly('OTHER2')).toBe(false);
    expect(shared.get('A')).toEqual([]);
  });

  it('shares a room as soon as another process has a socket in it, and sends it its views again', async () => {
    vi.useFakeTimers();
    const { presences, shared } = processes(['A', 'B']);
    presences.A!.arrived(ROOM);
    await settle();
    presences.B!.arrived(ROOM);
    await settle();
    expect(presences.A!.localOnly(ROOM)).toBe(false);
    expect(presences.B!.localOnly(ROOM)).toBe(false);
    // A had been sending the room's messages to its own sockets only: B's may have missed some.
    expect(shared.get('A')).toEqual([ROOM]);
    // B's were never alone: nothing to send again.
    expect(shared.get('B')).toEqual([]);

    presences.B!.departed(ROOM);
    await settle();
    expect(presences.A!.localOnly(ROOM)).toBe(true);
  });

  it('learns of a process it did not know of when that process answers its news (just after it started)', async () => {
    vi.useFakeTimers();
    const hub = new Hub();
    const { presences, shared } = processes(['A', 'B'], hub);
    presences.B!.arrived(ROOM);
    await settle();
    // A has not heard of B yet: its question goes to nobody and is answered at once.
    hub.known = () => [];
    presences.A!.arrived(ROOM);
    await settle();
    // But B heard A's news, and answered that it has sockets there too.
    expect(presences.A!.localOnly(ROOM)).toBe(false);
    expect(presences.B!.localOnly(ROOM)).toBe(false);
    expect(shared.get('B')).toEqual([ROOM]);
  });

  it('stays shared while a process does not answer, and asks again later', async () => {
    vi.useFakeTimers();
    const hub = new Hub();
    const shared: string[] = [];
    const a = new RoomPresence(hub.bus('A'), 'A', (code) => shared.push(code), 12_000);
    new RoomPresence(hub.bus('B', false), 'B', () => {}); // died, still counted
    a.arrived(ROOM);
    await settle();
    expect(a.localOnly(ROOM)).toBe(false);
    // The dead process is no longer counted when A asks again.
    hub.known = (asker) => hub.members.filter((m) => m.name !== asker && m.answers);
    await vi.advanceTimersByTimeAsync(12_000);
    expect(a.localOnly(ROOM)).toBe(true);
  });

  it('trusts nothing learnt before an outage of the link, and sends the views again when the room is shared', async () => {
    vi.useFakeTimers();
    const hub = new Hub();
    const { presences, shared } = processes(['A', 'B'], hub);
    presences.A!.arrived(ROOM);
    await settle();
    expect(presences.A!.localOnly(ROOM)).toBe(true);
    // During the outage B got a socket in the room, and neither heard of the other.
    const a = hub.members.find((m) => m.name === 'A')!;
    const hear = a.here;
    a.here = undefined;
    hub.known = () => [];
    presences.B!.arrived(ROOM);
    await settle();
    a.here = hear;
    hub.known = (asker) => hub.members.filter((m) => m.name !== asker);
    expect(presences.A!.localOnly(ROOM)).toBe(true);
    expect(presences.B!.localOnly(ROOM)).toBe(true);

    // The link is back (each process sees it come back; here A first).
    presences.A!.relinked();
    expect(presences.A!.localOnly(ROOM)).toBe(false);
    await settle();
    expect(presences.A!.localOnly(ROOM)).toBe(false);
    expect(presences.B!.localOnly(ROOM)).toBe(false);
    // Both had been alone: both send the room its views again.
    expect(shared.get('A')).toEqual([ROOM]);
    expect(shared.get('B')).toEqual([ROOM]);
  });
});
