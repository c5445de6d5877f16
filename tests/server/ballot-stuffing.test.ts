/**
 * Ballot stuffing: joins without a token each made a participant, so one script filled a room
 * with fake voters. New participants are limited per socket and per address, and the
 * facilitator can lock the room and remove a participant, through the real server and its store.
 */
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ClientToServerEvents,
  ErrorReply,
  FacilitatorView,
  JoinAck,
  JoinRequest,
  ServerToClientEvents,
} from '../../src/workshop/protocol.ts';
import { startTestServer } from './harness.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const running: Array<Awaited<ReturnType<typeof startTestServer>>> = [];
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of running.splice(0)) await server.stop();
});

async function server(options: Parameters<typeof startTestServer>[0] = {}) {
  const started = await startTestServer(options);
  running.push(started);
  return started;
}

async function connect(url: string, address = '127.0.0.1'): Promise<Client> {
  const socket: Client = io(url, { transports: ['websocket'], reconnection: false, localAddress: address } as never);
  clients.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const join = (socket: Client, request: JoinRequest): Promise<JoinAck> => socket.emitWithAck('join', request);
const outcome = (ack: { ok: boolean; error?: ErrorReply['error'] }) => (ack.ok ? 'ok' : ack.error!.code);

async function roomOn(url: string) {
  const facilitator = await connect(url);
  const created = await facilitator.emitWithAck('create', { v: 1, scenarioId: 'workshop-small' });
  if (!created.ok) throw new Error(created.error.message);
  const joined = await join(facilitator, { v: 1, role: 'facilitator', code: created.code, secret: created.secret });
  if (!joined.ok) throw new Error(joined.error.message);
  return { facilitator, code: created.code, secret: created.secret };
}

describe('new participants', () => {
  it('are limited per socket and per address', async () => {
    const { url } = await server();
    const { code } = await roomOn(url);
    // 25 sockets from one address, each joining as 10 participants: 250 tries.
    const stuffers = await Promise.all(Array.from({ length: 25 }, () => connect(url, '127.0.0.21')));
    const acks = await Promise.all(
      stuffers.map((socket, s) =>
        Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            join(socket, { v: 1, role: 'participant', code, nickname: `fake ${s}-${i}` }),
          ),
        ),
      ),
    );
    const made = acks.map((perSocket) => perSocket.filter((ack) => ack.ok).length);
    expect(made.every((n) => n <= 3)).toBe(true);
    expect(made.reduce((a, b) => a + b, 0)).toBe(60);
    // Another address is not held back, and a token brings its owner back without counting as new.
    const student = await connect(url, '127.0.0.22');
    const first = await join(student, { v: 1, role: 'participant', code, nickname: 'Ada' });
    if (!first.ok) throw new Error(first.error.message);
    for (let i = 0; i < 5; i++)
      expect(
        outcome(await join(student, { v: 1, role: 'participant', code, nickname: 'Ada', token: first.token! })),
      ).toBe('ok');
  });

  it('follow the configured limits', async () => {
    const { url } = await server({
      limits: {
        failedJoins: { capacity: 20, perMinute: 20 },
        creates: { capacity: 5, perMinute: 1 },
        messages: { capacity: 100, perMinute: 6000 },
        newParticipantsPerAddress: { capacity: 4, perMinute: 0.4 },
      },
    });
    const { code } = await roomOn(url);
    const results: string[] = [];
    for (let i = 0; i < 6; i++)
      results.push(
        outcome(await join(await connect(url, '127.0.0.23'), { v: 1, role: 'participant', code, nickname: `p${i}` })),
      );
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 'rate-limited', 'rate-limited']);
  });
});

describe('the facilitator', () => {
  it('locks the room (tokens still work), removes a participant (vote withdrawn, token dead), and both outlast a restart', async () => {
    const first = await server();
    const { facilitator, code, secret } = await roomOn(first.url);
    const views: FacilitatorView[] = [];
    facilitator.on('view', (view) => views.push(view as FacilitatorView));
    const ada = await connect(first.url, '127.0.0.31');
    const troll = await connect(first.url, '127.0.0.32');
    const adaJoin = await join(ada, { v: 1, role: 'participant', code, nickname: 'Ada' });
    const trollJoin = await join(troll, { v: 1, role: 'participant', code, nickname: 'troll' });
    if (!adaJoin.ok || !trollJoin.ok) throw new Error('join refused');
    const option = adaJoin.view.game.kind === 'decision' ? adaJoin.view.game.options[0]!.id : '';

    const control = (intent: Parameters<ClientToServerEvents['control']>[0]['intent']) =>
      facilitator.emitWithAck('control', { v: 1, intent });
    expect(outcome(await control({ type: 'lock' }))).toBe('ok');
    expect(
      outcome(
        await join(await connect(first.url, '127.0.0.33'), { v: 1, role: 'participant', code, nickname: 'late' }),
      ),
    ).toBe('room-locked');
    expect(
      outcome(
        await join(await connect(first.url, '127.0.0.31'), {
          v: 1,
          role: 'participant',
          code,
          nickname: 'Ada',
          token: adaJoin.token!,
        }),
      ),
    ).toBe('ok');
    // A participant cannot lock or remove.
    expect(outcome(await ada.emitWithAck('control', { v: 1, intent: { type: 'unlock' } }))).toBe('not-allowed');

    expect(outcome(await control({ type: 'open' }))).toBe('ok');
    expect(outcome(await ada.emitWithAck('vote', { v: 1, option }))).toBe('ok');
    expect(outcome(await troll.emitWithAck('vote', { v: 1, option }))).toBe('ok');
    const trollId = trollJoin.view.role === 'participant' ? trollJoin.view.me.id : '';
    const told = new Promise<ErrorReply['error']>((resolve) => troll.once('removed', resolve));
    const closed = new Promise<string>((resolve) => troll.once('disconnect', resolve));
    expect(outcome(await control({ type: 'remove', participant: trollId }))).toBe('ok');
    expect(await told).toMatchObject({ code: 'removed' });
    expect(await closed).toBe('io server disconnect');
    await expect.poll(() => views.at(-1)?.vote.voters).toBe(1);
    expect(views.at(-1)!.people.map((p) => p.nickname)).toEqual(['Ada']);
    expect(views.at(-1)!.locked).toBe(true);
    const back = await connect(first.url, '127.0.0.32');
    expect(
      outcome(await join(back, { v: 1, role: 'participant', code, nickname: 'troll', token: trollJoin.token! })),
    ).toBe('removed');

    // After a restart the room is rebuilt from its events: still locked, the troll still out.
    const database = first.site.database;
    await first.server.close();
    running.splice(running.indexOf(first), 1);
    const second = await server({ database });
    const again = await connect(second.url, '127.0.0.32');
    expect(
      outcome(await join(again, { v: 1, role: 'participant', code, nickname: 'troll', token: trollJoin.token! })),
    ).toBe('removed');
    expect(outcome(await join(again, { v: 1, role: 'participant', code, nickname: 'troll 2' }))).toBe('room-locked');
    const host = await connect(second.url);
    const view = await join(host, { v: 1, role: 'facilitator', code, secret });
    expect(view).toMatchObject({ ok: true, view: { locked: true, participants: 1, vote: { voters: 1 } } });
    first.site.remove();
  });
});
