/**
 * The server is killed (SIGKILL) in the middle of a vote, while votes are still arriving, and
 * started again on the same database: every vote that was acknowledged is still there, the pages
 * join again on their own, and the session goes on to the end.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CreateAck } from '../../src/workshop/protocol.ts';
import { SMALL_FOLDER, SMALL_ID } from '../workshop/helpers.ts';
import { control, startServerProcess, tempSite, TestClient } from './harness.ts';

const PARTICIPANTS = 30;
const site = tempSite();
const clients: TestClient[] = [];
const servers: Array<Awaited<ReturnType<typeof startServerProcess>>> = [];

afterAll(async () => {
  for (const client of clients) client.close();
  for (const server of servers) await server.kill();
  site.remove();
});

describe('killing the server mid-session', () => {
  it('loses nothing that was acknowledged, and the session continues after a restart', async () => {
    // The server picks its port and reports it; the second start takes that port again, where the pages reconnect.
    const first = await startServerProcess(0, site.database, site.dist, { scenarios: SMALL_FOLDER });
    servers.push(first);
    const { url } = first;

    const facilitator = new TestClient(url);
    const presenter = new TestClient(url);
    clients.push(facilitator, presenter);
    const created = (await facilitator.socket.emitWithAck('create', { v: 1, scenarioId: SMALL_ID })) as Extract<
      CreateAck,
      { ok: true }
    >;
    const { code, secret } = created;
    await facilitator.join({ v: 1, role: 'facilitator', code, secret });
    await presenter.join({ v: 1, role: 'presenter', code });
    const participants = Array.from({ length: PARTICIPANTS }, () => new TestClient(url));
    clients.push(...participants);
    await Promise.all(participants.map((p, i) => p.join({ v: 1, role: 'participant', code, nickname: `P${i}` })));
    // A decision taken before the crash, then a vote in progress.
    await control(facilitator, { type: 'open' });
    await participants[0]!.socket.emitWithAck('vote', { v: 1, option: 'rebuild' });
    await control(facilitator, { type: 'reveal' });
    await control(facilitator, { type: 'advance' });
    await control(facilitator, { type: 'open' });

    // Half the room votes; then the other half votes and the server dies while those votes are in flight.
    const acknowledged = new Set<number>();
    const options = ['sandbags', 'evacuate', 'close-gates', 'pump'];
    const vote = async (i: number) => {
      try {
        const ack = await participants[i]!.socket.timeout(3000).emitWithAck('vote', {
          v: 1,
          option: options[i % 4]!,
          reason: `reason ${i}`,
        });
        if (ack.ok) acknowledged.add(i);
      } catch {
        // lost with the server: not acknowledged, so the participant may vote again
      }
    };
    const half = PARTICIPANTS / 2;
    await Promise.all(participants.slice(0, half).map((_, i) => vote(i)));
    expect(acknowledged.size).toBe(half);
    const inFlight = participants.slice(half).map((_, i) => vote(half + i));
    await first.kill('SIGKILL');
    await Promise.all(inFlight);

    const second = await startServerProcess(first.port, site.database, site.dist, { scenarios: SMALL_FOLDER });
    servers.push(second);
    // The pages reconnect and join again with their secret or token.
    for (const screen of [facilitator, presenter, ...participants])
      await screen.until(() => screen.rejoins > 0 && screen.socket.connected, 'the page to join again', 15_000);
    const view = facilitator.view!;
    expect(view).toMatchObject({ role: 'facilitator', step: 1, vote: { phase: 'open' }, participants: PARTICIPANTS });
    expect(view.vote.voters).toBeGreaterThanOrEqual(acknowledged.size);
    for (const i of acknowledged) {
      const ack = await participants[i]!.rejoin();
      expect(ack.ok && ack.view.role === 'participant' && ack.view.myVote).toEqual({
        option: options[i % 4],
        reason: `reason ${i}`,
      });
    }
    // The others vote again, and the session goes on to an ending.
    for (const [i, p] of participants.entries()) {
      if (!acknowledged.has(i))
        expect(
          await p.socket.emitWithAck('vote', { v: 1, option: options[i % 4]!, reason: `reason ${i}` }),
        ).toMatchObject({ ok: true });
    }
    expect(await control(facilitator, { type: 'reveal' })).toMatchObject({ ok: true });
    await presenter.until(() => presenter.view?.vote.results?.total === PARTICIPANTS, 'all votes in the results');
    expect(
      await control(facilitator, { type: 'advance', option: 'close-gates', reason: 'everyone tied' }),
    ).toMatchObject({ ok: true });
    for (const option of ['inquiry', 'sell']) {
      await control(facilitator, { type: 'handCounts', counts: { [option]: 5 } });
      await control(facilitator, { type: 'reveal' });
      expect(await control(facilitator, { type: 'advance' })).toMatchObject({ ok: true });
    }
    expect(await control(facilitator, { type: 'end' })).toMatchObject({ ok: true });
    const record = await facilitator.socket.emitWithAck('record', { v: 1, format: 'json' });
    if (!record.ok) throw new Error(record.error.message);
    const parsed = JSON.parse(record.content);
    expect(parsed.rounds[1].total).toBe(PARTICIPANTS);
    expect(parsed.rounds[1].reasons).toHaveLength(PARTICIPANTS);
    expect(parsed.reached).toMatchObject({ kind: 'ending', id: 'sold' });
    expect(parsed.status).toBe('ended');
  });
});
