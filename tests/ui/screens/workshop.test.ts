// @vitest-environment happy-dom
/**
 * The workshop screens (start, join, participant, presenter, facilitator) as pure functions from
 * a room view to DOM, in happy-dom with axe. The views come from a room on the tiny scenario of
 * ./fakes.ts, driven through decide + evolve (tests/workshop/helpers.ts) as the server drives it.
 */
import { describe, expect, it, vi } from 'vitest';
import { facilitatorScreen, emptyDrafts } from '../../../src/ui/workshop/screens/facilitator.ts';
import { joinScreen } from '../../../src/ui/workshop/screens/join.ts';
import { participantScreen } from '../../../src/ui/workshop/screens/participant.ts';
import { presenterScreen } from '../../../src/ui/workshop/screens/presenter.ts';
import { startScreen } from '../../../src/ui/workshop/screens/start.ts';
import { facilitatorView, participantView, presenterView } from '../../../src/workshop/views.ts';
import { TestRoom } from '../../workshop/helpers.ts';
import { axeViolations, mount, textOf } from './axe.ts';
import { tinyCatalog, tinyRoomScenario } from './fakes.ts';

const JOIN_URL = 'http://192.168.1.20:5173/workshop.html#/join/K7M2QX';
const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map(textOf);
const button = (root: Element, name: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => textOf(b) === name);
  if (!found) throw new Error(`no button "${name}" among: ${texts(root, 'button').join(' | ')}`);
  return found;
};

/** A room of three on the tiny scenario, at its first decision. */
function room() {
  const made = new TestRoom(tinyRoomScenario);
  made.join('ana', 'Ana');
  made.join('ben', '<b>Ben</b>');
  made.join('cy', 'Cy');
  return made;
}
const context = (made: TestRoom) => ({ now: made.now, joinUrls: [JOIN_URL], connected: new Set(['ana', 'ben']) });

describe('workshop start screen', () => {
  it('offers each scenario online or offline, and joining', async () => {
    const actions = { host: vi.fn(), offline: vi.fn(), join: vi.fn() };
    const screen = startScreen(tinyCatalog, 'The server could not be reached.', false, actions);
    expect(texts(screen, '.scenario-card h4')).toEqual(['The school bus']);
    expect(textOf(screen.querySelector('[role="alert"]')!)).toBe('The server could not be reached.');
    button(screen, 'Start a session of The school bus').click();
    expect(actions.host).toHaveBeenCalledWith('school-bus');
    button(screen, 'Offline, with hand counts of The school bus').click();
    expect(actions.offline).toHaveBeenCalledWith('school-bus');
    expect(await axeViolations(screen)).toEqual([]);
    const busy = startScreen(tinyCatalog, undefined, true, actions);
    expect(button(busy, 'Start a session of The school bus').disabled).toBe(true);
  });
});

describe('join screen', () => {
  it('sends the code and nickname typed, and says why a join failed', async () => {
    const actions = { join: vi.fn() };
    const screen = joinScreen('K7M2QX', 'No room has that code.', false, actions);
    mount(screen);
    (screen.querySelector('#join-nickname') as HTMLInputElement).value = 'Ana';
    screen.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(actions.join).toHaveBeenCalledWith('K7M2QX', 'Ana');
    expect(textOf(screen.querySelector('[role="alert"]')!)).toBe('No room has that code.');
    expect(await axeViolations(screen)).toEqual([]);
    expect(texts(joinScreen('', undefined, true, actions), 'button')).toEqual(['Joining…']);
  });
});

describe('participant screen', () => {
  const actions = () => ({ select: vi.fn(), reason: vi.fn(), vote: vi.fn(), showSource: vi.fn() });

  it('before the vote opens: the options and their sources, disabled, and what happens next', async () => {
    const made = room();
    const view = participantView(made.scenario, made.state, 'ana', context(made));
    const screen = participantScreen(view, { reason: '', sending: false }, actions());
    expect(textOf(screen.querySelector('h2')!)).toBe('Shorten the route?');
    expect(texts(screen, '.ballot-choice')).toEqual(['1Shorten the route', '2Keep the route']);
    expect([...screen.querySelectorAll<HTMLInputElement>('input[type=radio]')].every((r) => r.disabled)).toBe(true);
    expect(textOf(screen.querySelector('.ballot .fine-print')!)).toMatch(
      /the vote opens when your facilitator says so/,
    );
    expect(await axeViolations(screen)).toEqual([]);
  });

  it('while the vote is open: picks, gives a reason, sends, and shows the vote taken', async () => {
    const made = room();
    made.do({ type: 'open' });
    made.vote('ana', 'keep', 'cheaper');
    const view = participantView(made.scenario, made.state, 'ana', context(made));
    const acts = actions();
    const screen = participantScreen(view, { reason: 'cheaper', sending: false }, acts);
    mount(screen);
    const shorten = screen.querySelector<HTMLInputElement>('#vote-shorten')!;
    expect(shorten.disabled).toBe(false);
    expect(screen.querySelector<HTMLInputElement>('#vote-keep')!.checked).toBe(true);
    shorten.dispatchEvent(new Event('change'));
    expect(acts.select).toHaveBeenCalledWith('shorten');
    expect(textOf(screen.querySelector('#my-vote')!)).toBe('Your vote: Keep the route — cheaper');
    button(screen, 'Change my vote').click();
    expect(acts.vote).toHaveBeenCalledOnce();
    expect(await axeViolations(screen)).toEqual([]);
  });

  it('after the reveal: the room’s result first, with reasons but no names', async () => {
    const made = room();
    made.voteAndReveal([
      ['ana', 'keep', 'cheaper'],
      ['ben', 'keep'],
      ['cy', 'shorten', 'faster'],
    ]);
    const view = participantView(made.scenario, made.state, 'cy', context(made));
    const screen = participantScreen(view, { reason: '', sending: false }, actions());
    const parts = [...screen.children].map((c) => c.className || c.tagName.toLowerCase());
    expect(parts.indexOf('results')).toBeLessThan(parts.indexOf('ballot'));
    expect(textOf(screen.querySelector('.results')!)).toContain('Keep the route');
    expect(textOf(screen.querySelector('.results')!)).toContain('faster');
    expect(textOf(screen)).not.toContain('Ana');
    expect(await axeViolations(screen)).toEqual([]);
  });
});

describe('presenter screen', () => {
  it('shows the decision, the options with their evidence and sources, the code, the QR code and the count', async () => {
    const made = room();
    made.do({ type: 'open' });
    made.vote('ana', 'keep');
    const view = presenterView(made.scenario, made.state, context(made));
    const screen = presenterScreen(view, JOIN_URL, vi.fn());
    expect(textOf(screen.querySelector('h2')!)).toBe('Shorten the route?');
    expect(texts(screen, '.presenter-option-label')).toEqual([
      '1Shorten the route Reported',
      '2Keep the route Hypothetical',
    ]);
    expect(textOf(screen.querySelector('[data-room-code]')!)).toBe('K7M2QX');
    expect(screen.querySelector('svg.qr-code')!.getAttribute('aria-label')).toBe(
      `QR code for the join link ${JOIN_URL}`,
    );
    expect(textOf(screen.querySelector('.voter-count')!)).toBe('1 of 3 have voted');
    // The projector shows no nicknames and no counts before the reveal.
    expect(textOf(screen)).not.toMatch(/Ana|Ben/);
    expect(screen.querySelector('.vote-chart, .results')).toBeNull();
    expect(await axeViolations(screen)).toEqual([]);
  });

  it('at an ending: the ending, its questions and the room’s path', async () => {
    const made = room();
    made.voteAndReveal([['ana', 'keep']]).do({ type: 'advance' }, { type: 'next' });
    made.voteAndReveal([['ana', 'hire']]).do({ type: 'advance' });
    // First what the last choice caused, then the ending.
    const outcome = presenterScreen(presenterView(made.scenario, made.state, context(made)), JOIN_URL, vi.fn());
    expect(textOf(outcome.querySelector('h2')!)).toBe('Hire new drivers');
    expect(outcome.querySelector('.room-outcome')).not.toBeNull();
    made.do({ type: 'next' });
    const view = presenterView(made.scenario, made.state, context(made));
    const screen = presenterScreen(view, JOIN_URL, vi.fn());
    expect(textOf(screen.querySelector('h2')!)).toBe('Buses run');
    expect(textOf(screen)).toContain('Who paid for the new drivers?');
    expect(textOf(screen.querySelector('section[aria-labelledby="path-title"]')!)).toMatch(
      /Keep the route.*Hire new drivers/,
    );
    expect(await axeViolations(screen)).toEqual([]);
  });
});

describe('facilitator screen', () => {
  const actions = () => ({ control: vi.fn(), countHands: vi.fn(), download: vi.fn(), showSource: vi.fn() });
  const online = {
    mode: 'online' as const,
    joinUrl: JOIN_URL,
    presenterUrl: 'workshop.html#/present/K7M2QX',
    busy: false,
  };

  it('shows the room, who is here and who voted, the live count, and the controls of an open vote', async () => {
    const made = room();
    made.do({ type: 'open' });
    made.vote('ben', 'shorten');
    const view = facilitatorView(made.scenario, made.state, context(made));
    const acts = actions();
    const screen = facilitatorScreen(view, emptyDrafts(), online, acts);
    expect(textOf(screen.querySelector('[data-room-code]')!)).toBe('K7M2QX');
    expect(screen.querySelector('svg.qr-code')).not.toBeNull();
    // Each row: the name and its marks, then a fold to remove that person (named for screen readers).
    const rows = [...screen.querySelectorAll('.people li')];
    const withoutFold = (li: Element) =>
      [...li.children]
        .filter((child) => !child.matches('.remove-person'))
        .map((child) => child.textContent)
        .join('');
    expect(rows.map(withoutFold)).toEqual(['Ana', '<b>Ben</b> ✓ voted', 'Cy (away)']);
    expect(rows.map((li) => li.querySelector('.remove-person summary')?.textContent)).toEqual([
      'Remove Ana…',
      'Remove <b>Ben</b>…',
      'Remove Cy…',
    ]);
    expect(screen.querySelector('.people b')).toBeNull();
    expect(textOf(screen.querySelector('.voter-count')!)).toBe('1 of 3 have voted');
    const chart = screen.querySelector('.vote-chart')!;
    expect(textOf(chart.querySelector('caption')!)).toBe('Live count (only you see this until you reveal it)');
    expect(texts(chart, '[data-count]')).toEqual(['1', '0']);
    expect(texts(chart, '[data-share]')).toEqual(['100%', '0%']);
    button(screen, 'Reveal the results').click();
    expect(acts.control).toHaveBeenLastCalledWith({ type: 'reveal' });
    button(screen, 'Close the vote').click();
    expect(acts.control).toHaveBeenLastCalledWith({ type: 'close' });
    expect(texts(screen, 'button')).not.toContain('Open the vote');
    button(screen, 'Download CSV').click();
    expect(acts.download).toHaveBeenCalledWith('csv');
    expect(await axeViolations(screen)).toEqual([]);
  });

  it('opens a vote with the time limit picked', async () => {
    const made = room();
    const acts = actions();
    const drafts = emptyDrafts();
    const screen = facilitatorScreen(facilitatorView(made.scenario, made.state, context(made)), drafts, online, acts);
    const limit = screen.querySelector<HTMLSelectElement>('#vote-seconds')!;
    limit.value = '60';
    limit.dispatchEvent(new Event('change'));
    button(screen, 'Open the vote').click();
    expect(acts.control).toHaveBeenCalledWith({ type: 'open', seconds: 60 });
    expect(await axeViolations(screen)).toEqual([]);
  });

  it('after a tie: no majority button, and taking an option needs a reason', async () => {
    const made = room();
    made.voteAndReveal([
      ['ana', 'keep'],
      ['ben', 'shorten'],
    ]);
    const acts = actions();
    const drafts = emptyDrafts();
    const screen = facilitatorScreen(facilitatorView(made.scenario, made.state, context(made)), drafts, online, acts);
    mount(screen);
    expect(textOf(screen)).toContain('The vote is tied or empty, so the room has no majority.');
    expect(texts(screen, 'button').some((name) => name.startsWith('Go on with the majority'))).toBe(false);
    expect(texts(screen, '#override-option option')).toEqual(['Choose…', '1. Shorten the route', '2. Keep the route']);
    const form = screen.querySelector<HTMLFormElement>('.override-form')!;
    const select = screen.querySelector<HTMLSelectElement>('#override-option')!;
    select.value = 'keep';
    select.dispatchEvent(new Event('change'));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(acts.control).not.toHaveBeenCalled();
    const reason = screen.querySelector<HTMLInputElement>('#override-reason')!;
    reason.value = ' cheaper ';
    reason.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(acts.control).toHaveBeenCalledWith({ type: 'advance', option: 'keep', reason: 'cheaper' });
    expect(await axeViolations(screen)).toEqual([]);
  });

  it('offline: counts hands for each option the world allows, with no room panel', async () => {
    const made = new TestRoom(tinyRoomScenario);
    made.voteAndReveal([]).do({ type: 'advance', option: 'shorten', reason: 'to see it' });
    // The outcome, with the override announced, and the one way on.
    const outcomeActs = actions();
    const outcome = facilitatorScreen(
      facilitatorView(made.scenario, made.state, { now: made.now }),
      emptyDrafts(),
      { mode: 'offline', busy: false },
      outcomeActs,
    );
    expect(textOf(outcome.querySelector('.override-notice q')!)).toBe('to see it');
    expect(outcome.querySelector('.hands-form')).toBeNull();
    outcome.querySelector<HTMLButtonElement>('#next-decision')!.click();
    expect(outcomeActs.control).toHaveBeenCalledWith({ type: 'next' });
    made.do({ type: 'next' });
    const acts = actions();
    const drafts = emptyDrafts();
    const screen = facilitatorScreen(
      facilitatorView(made.scenario, made.state, { now: made.now }),
      drafts,
      { mode: 'offline', busy: false },
      acts,
    );
    expect(screen.querySelector('.room-panel')).toBeNull();
    // Shortening raised the cost, so hiring is not offered at the drivers' decision.
    expect(texts(screen, '.hand-count label')).toEqual(['1. Talk to the drivers', '2. Wait and see']);
    const talk = screen.querySelector<HTMLInputElement>('#hands-talk')!;
    talk.value = '7';
    talk.dispatchEvent(new Event('input'));
    screen.querySelector('.hands-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(acts.countHands).toHaveBeenCalledWith({ talk: 7, wait: 0 });
    expect(textOf(screen.querySelector('.path-section')!)).toContain('Shorten the route');
    expect(await axeViolations(screen)).toEqual([]);
  });
});
