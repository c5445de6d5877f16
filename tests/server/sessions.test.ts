import { afterEach, describe, expect, it } from 'vitest';
import type { ControlIntent, CreateAck } from '../../src/workshop/protocol.ts';
import { SMALL_ID } from '../workshop/helpers.ts';
import { control, startTestServer, TestClient } from './harness.ts';

type Started = Awaited<ReturnType<typeof startTestServer>>;
let started: Started | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await started?.stop();
  started = undefined;
});

function client(url: string, options?: ConstructorParameters<typeof TestClient>[1]) {
  const made = new TestClient(url, options);
  clients.push(made);
  return made;
}

/** A room with its facilitator, a projector and three participants, all joined. */
async function room(options?: Parameters<typeof startTestServer>[0]) {
  started = await startTestServer(options);
  const { url } = started;
  const facilitator = client(url);
  const created = (await facilitator.socket.emitWithAck('create', { v: 1, scenarioId: SMALL_ID })) as Extract<
    CreateAck,
    { ok: true }
  >;
  expect(created).toMatchObject({
    ok: true,
    code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{6}$/),
    secret: expect.stringMatching(/^[\w-]{22}$/),
  });
  expect(created.joinUrls).toEqual([`${url}/workshop.html#/join/${created.code}`]);
  expect(
    await facilitator.join({ v: 1, role: 'facilitator', code: created.code, secret: created.secret }),
  ).toMatchObject({ ok: true });
  const presenter = client(url);
  expect(await presenter.join({ v: 1, role: 'presenter', code: created.code })).toMatchObject({
    ok: true,
    view: { role: 'presenter' },
  });
  const participants = [client(url), client(url), client(url)];
  for (const [i, p] of participants.entries()) {
    expect(await p.join({ v: 1, role: 'participant', code: created.code, nickname: `P${i}` })).toMatchObject({
      ok: true,
      token: expect.any(String),
    });
  }
  return { url, code: created.code, secret: created.secret, facilitator, presenter, participants };
}

describe('a workshop session over Socket.IO', () => {
  it('runs a vote: counts reach the projector, the reveal reaches everyone, the room advances', async () => {
    const { facilitator, presenter, participants } = await room();
    const [a, b, c] = participants;
    expect(await control(facilitator, { type: 'open', seconds: 60 })).toMatchObject({ ok: true });
    await a!.until(() => a!.view?.vote.phase === 'open', 'the open vote on a phone');
    expect(await a!.socket.emitWithAck('vote', { v: 1, option: 'patch', reason: 'what happened' })).toMatchObject({
      ok: true,
      vote: { option: 'patch' },
    });
    expect(await b!.socket.emitWithAck('vote', { v: 1, option: 'patch' })).toMatchObject({ ok: true });
    expect(await c!.socket.emitWithAck('vote', { v: 1, option: 'delay' })).toMatchObject({ ok: true });
    await presenter.until(() => presenter.tally?.voters === 3, 'three voters on the projector');
    expect(presenter.tally!.counts).toBeUndefined();
    await facilitator.until(() => facilitator.tally?.counts?.['patch'] === 2, 'live counts for the facilitator');

    expect(await control(facilitator, { type: 'reveal' })).toMatchObject({ ok: true });
    await presenter.until(() => presenter.view?.vote.phase === 'revealed', 'the reveal on the projector');
    expect(presenter.view!.vote.results).toMatchObject({
      counts: { patch: 2, delay: 1 },
      majority: 'patch',
      reasons: [{ option: 'patch', reason: 'what happened' }],
    });
    await c!.until(() => c!.view?.vote.phase === 'revealed', 'the reveal on a phone');

    expect(await control(facilitator, { type: 'advance' })).toMatchObject({ ok: true });
    for (const screen of [presenter, a!, facilitator])
      await screen.until(
        () => screen.view?.game.kind === 'decision' && screen.view.game.decisionId === 'storm-plan',
        'the next decision',
      );
    expect(a!.view!.taken).toEqual([expect.objectContaining({ optionId: 'patch' })]);

    const record = await facilitator.socket.emitWithAck('record', { v: 1, format: 'json' });
    if (!record.ok) throw new Error(record.error.message);
    expect(JSON.parse(record.content)).toMatchObject({
      path: [{ optionId: 'patch', decidedBy: 'majority' }],
      rounds: [{ total: 3 }],
    });
  });

  it('lets no participant or projector open, close, reveal, advance, rewind, pause, end or download', async () => {
    const { facilitator, presenter, participants, code } = await room();
    await control(facilitator, { type: 'open' });
    const intents: ControlIntent[] = [
      { type: 'open' },
      { type: 'close' },
      { type: 'reveal' },
      { type: 'advance', option: 'rebuild', reason: 'mine' },
      { type: 'rewind', toStep: 0 },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'handCounts', counts: { rebuild: 99 } },
      { type: 'end' },
    ];
    for (const socket of [participants[0]!.socket, presenter.socket]) {
      for (const intent of intents)
        expect(await socket.emitWithAck('control', { v: 1, intent })).toMatchObject({
          ok: false,
          error: { code: 'not-allowed' },
        });
      expect(await socket.emitWithAck('record', { v: 1, format: 'markdown' })).toMatchObject({
        ok: false,
        error: { code: 'not-allowed' },
      });
    }
    // Claiming the facilitator's role needs the secret.
    const intruder = participants[1]!;
    expect(await intruder.join({ v: 1, role: 'facilitator', code, secret: 'AAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(await intruder.socket.emitWithAck('control', { v: 1, intent: { type: 'close' } })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    // The projector cannot vote either.
    expect(await presenter.socket.emitWithAck('vote', { v: 1, option: 'rebuild' })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    expect(facilitator.view!.vote.phase).toBe('open');
    expect(started!.log.filter((line) => line.includes('not the facilitator'))).toHaveLength(intents.length * 2 + 1);
  });

  it('rejects malformed and oversized messages with an error and a log line, and the room goes on', async () => {
    const { facilitator, participants } = await room();
    const [a, b] = participants;
    await control(facilitator, { type: 'open' });
    const bad: Array<[string, unknown, string]> = [
      ['vote', 'a string', 'invalid-message'],
      ['vote', { v: 1, option: 'rebuild', reason: 'x'.repeat(141) }, 'invalid-message'],
      ['vote', { v: 1, option: 'rebuild', extra: true }, 'invalid-message'],
      ['vote', { v: 1, option: '<script>' }, 'invalid-message'],
      ['vote', { v: 9, option: 'rebuild' }, 'version'],
      ['vote', { v: 1, option: 'rebuild', reason: 'y'.repeat(5000) }, 'too-large'],
      ['control', { v: 1, intent: { type: 'explode' } }, 'invalid-message'],
      ['join', { v: 1, role: 'participant', code: 'ABC', nickname: 'x' }, 'invalid-message'],
      ['whatever', { v: 1 }, 'invalid-message'],
    ];
    for (const [event, payload, code] of bad) {
      const reply = await (a!.socket.emitWithAck as (event: string, payload: unknown) => Promise<unknown>)(
        event,
        payload,
      );
      expect(reply, `${event} ${JSON.stringify(payload).slice(0, 60)}`).toMatchObject({ ok: false, error: { code } });
    }
    expect(started!.log.filter((line) => line.startsWith('rejected'))).toHaveLength(bad.length);
    // A message bigger than Socket.IO's buffer closes that one connection; the page reconnects.
    const dropped = new Promise<string>((resolve) => a!.socket.once('disconnect', resolve));
    const back = dropped.then(() => new Promise<void>((resolve) => a!.socket.once('connect', () => resolve())));
    a!.socket.emit('vote', { v: 1, option: 'rebuild', reason: 'z'.repeat(20_000) } as never, () => {});
    expect(await dropped).toBe('transport close');
    // The room goes on, and the sender votes again once back (recovered, or joined again).
    expect(await b!.socket.emitWithAck('vote', { v: 1, option: 'rebuild' })).toMatchObject({ ok: true });
    await back;
    await a!.until(() => a!.socket.recovered || a!.rejoins > 0, 'the page to be back in its room');
    await expect.poll(() => a!.socket.emitWithAck('vote', { v: 1, option: 'delay' })).toMatchObject({ ok: true });
    await facilitator.until(() => facilitator.tally?.voters === 2, 'both votes counted');
  });

  it('shows nicknames as the text typed, never as markup', async () => {
    const { facilitator, url, code } = await room();
    const p = client(url);
    expect(await p.join({ v: 1, role: 'participant', code, nickname: '<img src=x onerror=alert(1)>' })).toMatchObject({
      ok: true,
      view: { me: { nickname: '<img src=x onerror=alert(1)>' } },
    });
    await facilitator.until(
      () =>
        facilitator.view?.role === 'facilitator' &&
        facilitator.view.people.some((x) => x.nickname === '<img src=x onerror=alert(1)>'),
      'the nickname in the list, unchanged',
    );
  });

  it('puts a participant back where they were after a reload, with their vote kept', async () => {
    const { facilitator, url, code, participants } = await room();
    await control(facilitator, { type: 'open' });
    const first = participants[0]!;
    expect(await first.socket.emitWithAck('vote', { v: 1, option: 'rebuild', reason: 'bold' })).toMatchObject({
      ok: true,
    });
    const token = first.token!;
    first.close();
    const reloaded = client(url);
    const ack = await reloaded.join({ v: 1, role: 'participant', code, nickname: 'someone else', token });
    expect(ack).toMatchObject({
      ok: true,
      view: {
        me: { nickname: 'P0' },
        myVote: { option: 'rebuild', reason: 'bold' },
        vote: { phase: 'open', voters: 1 },
      },
      token,
    });
    expect(facilitator.view!.participants).toBe(3);
  });

  it('rate-limits joins with wrong codes from one address', async () => {
    const { url } = await room({
      limits: {
        failedJoins: { capacity: 3, perMinute: 1 },
        creates: { capacity: 5, perMinute: 1 },
        messages: { capacity: 100, perMinute: 6000 },
      },
    });
    const guesser = client(url);
    const replies = [];
    for (const code of ['222222', '333333', '444444', '555555', '666666'])
      replies.push(await guesser.join({ v: 1, role: 'presenter', code }));
    expect(replies.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'unknown-room',
      'unknown-room',
      'unknown-room',
      'rate-limited',
      'rate-limited',
    ]);
  });

  it('refuses sockets from pages of other origins', async () => {
    started = await startTestServer();
    const foreign = client(started.url, { extraHeaders: { Origin: 'http://evil.example' } });
    const error = await new Promise<Error>((resolve) => foreign.socket.once('connect_error', resolve));
    expect(error.message).toMatch(/origin not allowed|websocket error/i);
    const local = client(started.url, { extraHeaders: { Origin: started.url } });
    await new Promise<void>((resolve) => local.socket.once('connect', () => resolve()));
    expect(started.log.some((line) => line.includes('refused a connection from origin http://evil.example'))).toBe(
      true,
    );
  });
});

describe('the static site', () => {
  it('serves the build with MIME types and gzip, and nothing outside it', async () => {
    started = await startTestServer();
    const { url } = started;
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const script = await fetch(`${url}/assets/app-1234.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await script.text()).startsWith('console.log')).toBe(true);
    const again = await fetch(`${url}/`, { headers: { 'If-None-Match': page.headers.get('etag')! } });
    expect(again.status).toBe(304);
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/.hidden',
      '/nothing.js',
    ]) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('outside the site');
    }
    expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
  });
});
