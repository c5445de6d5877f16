/**
 * A timed vote is closed by the server's clock when its time runs out: every screen sees it
 * closed, nobody sees "time is up" on an open vote, a late vote is refused, extending moves the
 * close, and a server started again on the same database closes a vote whose time ran out while
 * it was down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateAck } from '../../src/workshop/protocol.ts';
import { SMALL_ID } from '../workshop/helpers.ts';
import { control, startTestServer, TestClient } from './harness.ts';

type Started = Awaited<ReturnType<typeof startTestServer>>;
const running: Started[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of running.splice(0)) await server.stop();
});

async function server(database?: string) {
  const started = await startTestServer(database ? { database } : {});
  running.push(started);
  return started;
}

function client(url: string) {
  const made = new TestClient(url);
  clients.push(made);
  return made;
}

async function room(url: string) {
  const facilitator = client(url);
  const created = (await facilitator.socket.emitWithAck('create', { v: 1, scenarioId: SMALL_ID })) as Extract<
    CreateAck,
    { ok: true }
  >;
  await facilitator.join({ v: 1, role: 'facilitator', code: created.code, secret: created.secret });
  const phone = client(url);
  await phone.join({ v: 1, role: 'participant', code: created.code, nickname: 'Ana' });
  return { code: created.code, secret: created.secret, facilitator, phone };
}

describe('the vote clock', () => {
  it('closes a timed vote when its time is up, and not before', { timeout: 30_000 }, async () => {
    const { url } = await server();
    const { facilitator, phone } = await room(url);
    expect(await control(facilitator, { type: 'open', seconds: 5 })).toMatchObject({ ok: true });
    await phone.until(() => phone.view?.vote.phase === 'open', 'the open vote');
    const endsAt = phone.view!.vote.endsAt!;
    expect(await phone.socket.emitWithAck('vote', { v: 1, option: 'patch' })).toMatchObject({ ok: true });
    await phone.until(() => phone.view?.vote.phase === 'closed', 'the vote closed by the clock', 8_000);
    // Closed by the server when the time ran out (within a moment), not by anyone's page.
    expect(Date.now()).toBeGreaterThanOrEqual(endsAt);
    expect(Date.now() - endsAt).toBeLessThan(1500);
    expect(await phone.socket.emitWithAck('vote', { v: 1, option: 'delay' })).toMatchObject({
      ok: false,
      error: { code: 'not-now' },
    });
    await facilitator.until(() => facilitator.view?.vote.phase === 'closed', 'the close on the facilitator');
    expect(facilitator.view!.vote.counts).toMatchObject({ patch: 1 });
  });

  it('moves the close when the facilitator extends the vote', { timeout: 30_000 }, async () => {
    const { url } = await server();
    const { facilitator, phone } = await room(url);
    await control(facilitator, { type: 'open', seconds: 5 });
    await phone.until(() => phone.view?.vote.phase === 'open', 'the open vote');
    const first = phone.view!.vote.endsAt!;
    expect(await control(facilitator, { type: 'extend', seconds: 5 })).toMatchObject({ ok: true });
    await phone.until(() => phone.view?.vote.endsAt === first + 5000, 'the later end');
    await new Promise((resolve) => setTimeout(resolve, first - Date.now() + 700));
    expect(phone.view!.vote.phase).toBe('open');
    expect(await phone.socket.emitWithAck('vote', { v: 1, option: 'patch' })).toMatchObject({ ok: true });
    await phone.until(() => phone.view?.vote.phase === 'closed', 'the vote closed at the later end', 8_000);
    expect(Date.now()).toBeGreaterThanOrEqual(first + 5000);
  });

  it('closes, after a restart, a vote whose time ran out while the server was down', { timeout: 30_000 }, async () => {
    const first = await server();
    const database = first.site.database;
    const { code, secret, facilitator } = await room(first.url);
    await control(facilitator, { type: 'open', seconds: 5 });
    await facilitator.until(() => facilitator.view?.vote.phase === 'open', 'the open vote');
    const endsAt = facilitator.view!.vote.endsAt!;
    for (const c of clients.splice(0)) c.close();
    // Stop the server without removing its folder: the database stays for the second one.
    running.splice(running.indexOf(first), 1);
    await first.server.close();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, endsAt - Date.now() + 200)));
    const second = await server(database);
    const again = client(second.url);
    await again.join({ v: 1, role: 'facilitator', code, secret });
    await again.until(() => again.view?.vote.phase === 'closed', 'the vote closed after the restart', 5_000);
    first.site.remove();
  });
});
