/**
 * The page's line to the server (src/ui/workshop/connection.ts) after a drop: a tap while it waits
 * out Socket.IO's backoff reconnects at once instead of when the timer says, and the page's
 * reconnection timing is the one for its role (src/workshop/reconnection.ts). The page's own code
 * runs here against a real server: Socket.IO's client finds the server from `location`, as in a
 * browser.
 */
import { afterEach, expect, it } from 'vitest';
import { RoomConnection, type LinkState } from '../../src/ui/workshop/connection.ts';
import type { CreateAck, RoomView } from '../../src/workshop/protocol.ts';
import { PHONE_RECONNECTION } from '../../src/workshop/reconnection.ts';
import { SMALL_ID } from '../workshop/helpers.ts';
import { control, startTestServer, TestClient } from './harness.ts';

let started: Awaited<ReturnType<typeof startTestServer>> | undefined;
const closing: Array<{ close(): void }> = [];
afterEach(async () => {
  for (const c of closing.splice(0)) c.close();
  await started?.stop();
  started = undefined;
  delete (globalThis as { location?: unknown }).location;
  delete (globalThis as { document?: unknown }).document;
});

const until = async (test: () => boolean, what: string, ms = 10_000) => {
  for (const start = Date.now(); !test(); await new Promise((r) => setTimeout(r, 10)))
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
};

/** A room with its facilitator, and the page's connection of one participant, joined. */
async function joinedPage() {
  started = await startTestServer();
  (globalThis as { location?: unknown }).location = new URL(started.url);
  const facilitator = new TestClient(started.url);
  closing.push(facilitator);
  const created = (await facilitator.socket.emitWithAck('create', { v: 1, scenarioId: SMALL_ID })) as Extract<
    CreateAck,
    { ok: true }
  >;
  await facilitator.join({ v: 1, role: 'facilitator', code: created.code, secret: created.secret });

  const state: { link: LinkState; view?: RoomView; token?: string } = { link: 'connecting' };
  const page = new RoomConnection(
    () => ({
      v: 1,
      role: 'participant',
      code: created.code,
      nickname: 'Ana',
      ...(state.token ? { token: state.token } : {}),
    }),
    {
      view: (v) => (state.view = v),
      tally: () => {},
      link: (link) => (state.link = link),
      refused: (error) => {
        throw new Error(error.message);
      },
      joined: (ack) => (state.token = ack.token ?? state.token),
    },
  );
  closing.push(page);
  await until(() => state.link === 'joined', 'the page to join');
  return { facilitator, page, state, server: started.server };
}

/** Drops the page's line from the server's side; returns the times of the backoff timer's tries after that. */
async function dropLine(context: Awaited<ReturnType<typeof joinedPage>>) {
  // The page would wait at least 1 s before its first try.
  expect(PHONE_RECONNECTION.reconnectionDelay * (1 - PHONE_RECONNECTION.randomizationFactor)).toBeGreaterThanOrEqual(
    1000,
  );
  const tries: number[] = [];
  const phone = [...context.server.io.sockets.sockets.values()].find((s) => s.data.role === 'participant')!;
  phone.conn.close();
  await until(() => context.state.link === 'reconnecting', 'the page to see its line drop');
  const dropped = performance.now();
  // Socket.IO's manager is the page's own; watching its timer's tries needs no change to the page.
  const manager = (context.page as unknown as { socket: { io: { on(e: string, f: () => void): void } } }).socket.io;
  manager.on('reconnect_attempt', () => tries.push(performance.now() - dropped));
  return tries;
}

it('reconnects at once when a participant taps while the line waits to retry', async () => {
  const context = await joinedPage();
  const { facilitator, page, state } = context;
  expect(await control(facilitator, { type: 'open' })).toMatchObject({ ok: true });
  await until(() => state.view?.vote.phase === 'open', 'the open vote on the page');
  const game = state.view!.game;
  if (game.kind !== 'decision') throw new Error('expected a decision');

  const tries = await dropLine(context);
  const ack = await page.vote(game.options[0]!.id);
  expect(ack).toMatchObject({ ok: true });
  expect(state.link).toBe('joined');
  // Back through the tap, not through the backoff timer, which had not fired.
  expect(tries).toEqual([]);
  await facilitator.until(() => facilitator.tally?.voters === 1, 'the vote on the facilitator screen');
});

it('reconnects at once when someone touches the page, and not while it is hidden', async () => {
  // The document the page listens to: touches and visibility, as in a browser.
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  (globalThis as { document?: unknown }).document = document;
  const context = await joinedPage();
  const tries = await dropLine(context);

  document.visibilityState = 'hidden';
  document.dispatchEvent(new Event('pointerdown'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(context.state.link).toBe('reconnecting');

  document.visibilityState = 'visible';
  document.dispatchEvent(new Event('visibilitychange'));
  await until(() => context.state.link === 'joined', 'the page to join again');
  // Back through the page being shown, not through the backoff timer, which had not fired.
  expect(tries).toEqual([]);
});
