/**
 * The failed-join limit: charged in one step with its check (joins sent together in one packet
 * cannot all pass), charged for failures only, and never a reason to refuse a right secret or
 * token, or a room the address already got into, because someone at the same address guessed.
 * Addresses: every 127.x.y.z is this machine, so each client can come from its own.
 */
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, JoinAck, JoinRequest, ServerToClientEvents } from '../../src/workshop/protocol.ts';
import { memoryLimiters, type LimiterFactory } from '../../src/server/limiter.ts';
import { startTestServer } from './harness.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let started: Awaited<ReturnType<typeof startTestServer>> | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await started?.stop();
  started = undefined;
});

/** A page's socket from the given loopback address. */
async function connect(address: string, transport: 'websocket' | 'polling' = 'websocket'): Promise<Client> {
  const socket: Client = io(started!.url, {
    transports: [transport],
    reconnection: false,
    localAddress: address,
  } as never);
  clients.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const join = (socket: Client, request: JoinRequest): Promise<JoinAck> => socket.emitWithAck('join', request);
const outcome = (ack: JoinAck) => (ack.ok ? 'ok' : ack.error.code);
/** Room codes that cannot be the room's (its code is random; these differ in the last symbol from each other). */
const wrongCodes = (n: number, real: string) =>
  Array.from({ length: n + 1 }, (_, i) => `W${String(i).padStart(5, '2').replace(/[01]/g, '9')}`)
    .filter((code) => code !== real)
    .slice(0, n);

async function createRoom(address: string) {
  const socket = await connect(address);
  const created = await socket.emitWithAck('create', { v: 1, scenarioId: 'workshop-small' });
  if (!created.ok) throw new Error(created.error.message);
  return { code: created.code, secret: created.secret };
}

describe('the failed-join limit', () => {
  it('holds for joins sent together in one packet', async () => {
    started = await startTestServer();
    const guesser = await connect('127.0.0.7', 'polling');
    // Emitted in one go, these leave in one HTTP long-polling POST and reach the server together.
    const acks = await Promise.all(wrongCodes(40, '').map((code) => join(guesser, { v: 1, role: 'presenter', code })));
    const counts = acks.map(outcome).reduce<Record<string, number>>((c, o) => ({ ...c, [o]: (c[o] ?? 0) + 1 }), {});
    expect(counts).toEqual({ 'unknown-room': 20, 'rate-limited': 20 });
  });

  it('never refuses a right secret or token, or a room the address got into, for the failures of others', async () => {
    started = await startTestServer();
    const school = '127.0.0.8'; // a school's NAT or proxy: everyone shares it
    const { code, secret } = await createRoom(school);
    const student = await connect(school);
    const joined = await join(student, { v: 1, role: 'participant', code, nickname: 'Ada' });
    if (!joined.ok) throw new Error(joined.error.message);

    const guesser = await connect(school);
    const guesses = [];
    for (const wrong of wrongCodes(25, code))
      guesses.push(outcome(await join(guesser, { v: 1, role: 'presenter', code: wrong })));
    expect(guesses.slice(0, 20).every((g) => g === 'unknown-room')).toBe(true);
    expect(guesses.slice(20)).toEqual(Array(5).fill('rate-limited'));

    // The class behind the same address still gets in.
    const reload = await connect(school);
    expect(
      outcome(await join(reload, { v: 1, role: 'participant', code, nickname: 'Ada', token: joined.token! })),
    ).toBe('ok');
    expect(outcome(await join(await connect(school), { v: 1, role: 'presenter', code }))).toBe('ok');
    expect(outcome(await join(await connect(school), { v: 1, role: 'facilitator', code, secret }))).toBe('ok');
    expect(outcome(await join(await connect(school), { v: 1, role: 'participant', code, nickname: 'Bo' }))).toBe('ok');
    // Successes were not charged: the address is still only over by the guesser's failures.
    expect(outcome(await join(guesser, { v: 1, role: 'presenter', code: wrongCodes(1, code)[0]! }))).toBe(
      'rate-limited',
    );

    // A phone that moved onto another blocked network keeps its token's way in.
    const cafe = '127.0.0.9';
    const other = await connect(cafe);
    for (const wrong of wrongCodes(21, code)) await join(other, { v: 1, role: 'presenter', code: wrong });
    expect(
      outcome(
        await join(await connect(cafe), { v: 1, role: 'participant', code, nickname: 'Ada', token: joined.token! }),
      ),
    ).toBe('ok');
    expect(outcome(await join(await connect(cafe), { v: 1, role: 'facilitator', code, secret }))).toBe('ok');
  });

  it('gives a blocked address the same answer for the real code as for a wrong one', async () => {
    started = await startTestServer();
    const { code } = await createRoom('127.0.0.10');
    const guesser = await connect('127.0.0.11');
    for (const wrong of wrongCodes(20, code)) await join(guesser, { v: 1, role: 'presenter', code: wrong });
    expect(outcome(await join(guesser, { v: 1, role: 'presenter', code }))).toBe('rate-limited');
    expect(outcome(await join(guesser, { v: 1, role: 'participant', code, nickname: 'x' }))).toBe('rate-limited');
    const fakeToken = 'A'.repeat(22);
    expect(outcome(await join(guesser, { v: 1, role: 'participant', code, nickname: 'x', token: fakeToken }))).toBe(
      'rate-limited',
    );
  });

  it('is not consulted for joins that prove themselves with a secret or a token', async () => {
    // With Redis the count lives there: a process taking over a dead one's rooms would make two
    // round trips per page that joins again.
    const charged: string[] = [];
    const counting: LimiterFactory = (name, limit) => {
      const limiter = memoryLimiters(name, limit);
      return {
        consume: (key) => (charged.push(name), limiter.consume(key)),
        refund: (key) => limiter.refund(key),
      };
    };
    started = await startTestServer({ limiterFactory: counting });
    const room = await createRoom('127.0.0.30');
    const phone = await connect('127.0.0.31');
    const first = await join(phone, { v: 1, role: 'participant', code: room.code, nickname: 'Ana' });
    if (!first.ok) throw new Error(first.error.message);
    expect(charged.filter((name) => name === 'failed-joins')).toHaveLength(1);
    charged.length = 0;
    const again = await connect('127.0.0.31');
    expect(
      outcome(await join(again, { v: 1, role: 'participant', code: room.code, nickname: 'Ana', token: first.token! })),
    ).toBe('ok');
    const laptop = await connect('127.0.0.30');
    expect(outcome(await join(laptop, { v: 1, role: 'facilitator', code: room.code, secret: room.secret }))).toBe('ok');
    expect(charged.filter((name) => name === 'failed-joins')).toEqual([]);
    // A wrong secret or token is still charged.
    expect(outcome(await join(laptop, { v: 1, role: 'facilitator', code: room.code, secret: 'x'.repeat(22) }))).toBe(
      'not-allowed',
    );
    expect(charged.filter((name) => name === 'failed-joins')).toHaveLength(1);
  });
});
