// @vitest-environment happy-dom
/** The facilitator's screen offers "lock the room" and "remove a participant", by keyboard. */
import { describe, expect, it } from 'vitest';
import { limitsFromEnv } from '../../src/server/limits-config.ts';
import { emptyDrafts, facilitatorScreen } from '../../src/ui/workshop/screens/facilitator.ts';
import type { ControlIntent } from '../../src/workshop/protocol.ts';
import { facilitatorView } from '../../src/workshop/views.ts';
import { TestRoom } from '../workshop/helpers.ts';
import { starterRoomScenario } from '../workshop/starter-scenario.ts';

function screenOf(room: TestRoom, sent: ControlIntent[]) {
  const screen = facilitatorScreen(
    facilitatorView(room.scenario, room.state, { now: room.now, connected: new Set(['ada', 'troll']) }),
    emptyDrafts(),
    { mode: 'online', joinUrl: 'http://192.168.1.20:5173/workshop.html#/join/K7M2QX', busy: false },
    { control: (intent) => sent.push(intent), countHands: () => {}, download: () => {}, showSource: () => {} },
  );
  document.body.replaceChildren(screen);
  return screen;
}

describe("the facilitator's room panel", () => {
  it('locks and unlocks the room with a button', () => {
    const room = new TestRoom(starterRoomScenario());
    const sent: ControlIntent[] = [];
    const lock = screenOf(room, sent).querySelector<HTMLButtonElement>('button#lock-room')!;
    expect(lock.textContent).toBe('Lock the room');
    lock.focus();
    expect(document.activeElement).toBe(lock);
    lock.click();
    room.do({ type: 'lock' });
    const unlock = screenOf(room, sent).querySelector<HTMLButtonElement>('button#unlock-room')!;
    expect(unlock.textContent).toBe('Unlock the room');
    expect(document.getElementById('lock-state')!.textContent).toMatch(/locked: nobody new can join/);
    unlock.click();
    expect(sent).toEqual([{ type: 'lock' }, { type: 'unlock' }]);
  });

  it('removes a participant after a confirmation reached by keyboard', () => {
    const room = new TestRoom(starterRoomScenario());
    room.join('ada', 'Ada');
    room.join('troll', 'troll');
    const sent: ControlIntent[] = [];
    const screen = screenOf(room, sent);
    const folds = [...screen.querySelectorAll<HTMLDetailsElement>('details.remove-person')];
    expect(folds.map((f) => f.querySelector('summary')!.textContent)).toEqual(['Remove Ada…', 'Remove troll…']);
    const confirm = folds[1]!.querySelector<HTMLButtonElement>('button')!;
    expect(confirm.textContent).toBe('Remove troll');
    expect(confirm.type).toBe('button');
    confirm.click();
    expect(sent).toEqual([{ type: 'remove', participant: 'troll' }]);
  });
});

describe('limits from the environment', () => {
  it('reads the new-participant limits per 10 minutes and refuses a value that is not a count', () => {
    const limits = limitsFromEnv({ BRANCHPOINT_NEW_PARTICIPANTS_PER_ADDRESS: '300' });
    expect(limits.newParticipantsPerAddress).toEqual({ capacity: 300, perMinute: 30 });
    expect(limits.newParticipantsPerSocket).toEqual({ capacity: 3, perMinute: 0.3 });
    expect(() => limitsFromEnv({ BRANCHPOINT_NEW_PARTICIPANTS_PER_SOCKET: 'lots' })).toThrow(
      'BRANCHPOINT_NEW_PARTICIPANTS_PER_SOCKET must be a whole number',
    );
  });
});
