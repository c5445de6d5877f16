// @vitest-environment happy-dom
/**
 * Joining a room without the docs, screen by screen: the join form keeps what was typed when a
 * join fails and marks the field to put right; the projector's lobby until the first vote (short
 * address, code, QR code, a count and no names); the short address beside the code on the
 * projector and the facilitator's screen; and the start page's note for rooms without a network.
 */
import { describe, expect, it, vi } from 'vitest';
import { emptyDrafts, facilitatorScreen } from '../../../src/ui/workshop/screens/facilitator.ts';
import { joinScreen } from '../../../src/ui/workshop/screens/join.ts';
import { inLobby, lobbyScreen } from '../../../src/ui/workshop/screens/lobby.ts';
import { presenterScreen } from '../../../src/ui/workshop/screens/presenter.ts';
import { startScreen } from '../../../src/ui/workshop/screens/start.ts';
import { facilitatorView, presenterView } from '../../../src/workshop/views.ts';
import { TestRoom } from '../../workshop/helpers.ts';
import { axeViolations, mount, textOf } from './axe.ts';
import { tinyCatalog, tinyRoomScenario } from './fakes.ts';

const JOIN_URL = 'http://192.168.1.20:5173/workshop.html#/join/K7M2QX';
const context = (made: TestRoom) => ({ now: made.now, joinUrls: [JOIN_URL], connected: new Set(['ana']) });

function room() {
  const made = new TestRoom(tinyRoomScenario);
  made.join('ana', 'Ana');
  made.join('ben', 'Ben');
  return made;
}

describe('join form after a failed join', () => {
  it('keeps the nickname, and marks the code field as the one to put right, described by the problem', async () => {
    const problem = 'There is no session with the code ABCDEF (or it has ended).';
    const screen = joinScreen('ABCDEF', problem, false, { join: vi.fn() }, { nickname: 'Ana', problemField: 'code' });
    mount(screen);
    const code = screen.querySelector<HTMLInputElement>('#join-code')!;
    const nickname = screen.querySelector<HTMLInputElement>('#join-nickname')!;
    expect(nickname.value).toBe('Ana');
    expect(code.value).toBe('ABCDEF');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')).toBe('join-code-hint join-problem');
    expect(textOf(document.getElementById('join-problem')!)).toBe(problem);
    expect(nickname.hasAttribute('aria-invalid')).toBe(false);
    expect(await axeViolations(screen)).toEqual([]);
  });

  it('marks nothing when there is no problem', () => {
    const screen = joinScreen('', undefined, false, { join: vi.fn() }, { nickname: 'Ana', problemField: 'code' });
    expect(screen.querySelector('[aria-invalid]')).toBeNull();
  });
});

describe('the projector’s lobby', () => {
  it('lasts until the first vote opens, and does not come back after a rewind to the start', () => {
    const made = room();
    expect(inLobby(presenterView(made.scenario, made.state, context(made)))).toBe(true);
    made.do({ type: 'pause' });
    expect(inLobby(presenterView(made.scenario, made.state, context(made)))).toBe(true);
    made.do({ type: 'resume' }, { type: 'open' });
    expect(inLobby(presenterView(made.scenario, made.state, context(made)))).toBe(false);
    made.vote('ana', 'keep');
    made.do({ type: 'reveal' }, { type: 'advance' }, { type: 'rewind', toStep: 0 });
    const rewound = presenterView(made.scenario, made.state, context(made));
    expect(rewound.vote.phase).toBe('idle');
    expect(inLobby(rewound)).toBe(false);
  });

  it('shows the short address, the code, the QR code and how many joined, never who', async () => {
    const made = room();
    const screen = lobbyScreen(presenterView(made.scenario, made.state, context(made)), JOIN_URL);
    expect(textOf(screen.querySelector('h2')!)).toBe('Join on your phone');
    expect(textOf(screen.querySelector('.lobby-steps')!)).toContain('Open http://192.168.1.20:5173/join');
    expect(textOf(screen.querySelector('[data-room-code]')!)).toBe('K7M2QX');
    expect(textOf(screen)).toContain('open http://192.168.1.20:5173/K7M2QX (the code is in it)');
    expect(screen.querySelector('svg.qr-code')!.getAttribute('aria-label')).toBe(
      `QR code for the join link ${JOIN_URL}`,
    );
    expect(textOf(screen.querySelector('.lobby-count')!)).toBe('2 joined so far');
    expect(screen.querySelector('[data-participants]')).not.toBeNull();
    expect(textOf(screen)).not.toMatch(/Ana|Ben/);
    expect(await axeViolations(screen)).toEqual([]);
  });
});

describe('the short address beside the code', () => {
  it('on the projector during a vote, in place of the long link', () => {
    const made = room();
    made.do({ type: 'open' });
    const screen = presenterScreen(presenterView(made.scenario, made.state, context(made)), JOIN_URL, vi.fn());
    expect(textOf(screen.querySelector('.join-line')!)).toBe(
      'Join at http://192.168.1.20:5173/join with the room code',
    );
    expect(textOf(screen)).not.toContain('workshop.html');
  });

  it('on the facilitator’s screen, to read out, above the full link', async () => {
    const made = room();
    const screen = facilitatorScreen(
      facilitatorView(made.scenario, made.state, context(made)),
      emptyDrafts(),
      { mode: 'online', joinUrl: JOIN_URL, presenterUrl: 'workshop.html#/present/K7M2QX', busy: false },
      { control: vi.fn(), countHands: vi.fn(), download: vi.fn(), showSource: vi.fn() },
    );
    expect(textOf(screen.querySelector('#short-address')!)).toBe(
      'To read out http://192.168.1.20:5173/join and the code, or http://192.168.1.20:5173/K7M2QX',
    );
    expect(screen.querySelector('.room-panel a.join-url')!.getAttribute('href')).toBe(JOIN_URL);
    expect(await axeViolations(screen)).toEqual([]);
  });
});

describe('the workshop’s start page', () => {
  it('explains the offline mode under “No network in the room?” and links back to the game', async () => {
    const screen = startScreen(tinyCatalog, undefined, false, { host: vi.fn(), offline: vi.fn(), join: vi.fn() });
    const section = screen.querySelector('section[aria-labelledby="no-network-title"]')!;
    expect(textOf(section.querySelector('h4')!)).toBe('No network in the room?');
    expect(textOf(section)).toContain('Offline, with hand counts');
    // Under "Run a session", before the scenarios' buttons; not under "Take part".
    const [run, takePart] = [...screen.querySelectorAll('h3')].filter((h3) =>
      ['Run a session', 'Take part'].includes(textOf(h3)),
    );
    expect(run!.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.compareDocumentPosition(screen.querySelector('.scenario-card')!)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(takePart!.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    const back = [...screen.querySelectorAll('a')].find((a) => textOf(a) === 'Back to the game')!;
    expect(back.getAttribute('href')).toBe('index.html');
    expect(await axeViolations(screen)).toEqual([]);
  });
});
