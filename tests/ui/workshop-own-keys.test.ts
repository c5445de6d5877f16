// @vitest-environment happy-dom
/**
 * The offline hand-count form and the vote chart with an option called `constructor`: the form
 * starts empty (not with Object.prototype.constructor's source) and sends a count of 0 for it.
 */
import { describe, expect, it } from 'vitest';
import { LocalRoom } from '../../src/ui/workshop/local-room.ts';
import { voteChart } from '../../src/ui/workshop/parts/vote-chart.ts';
import { emptyDrafts, facilitatorScreen } from '../../src/ui/workshop/screens/facilitator.ts';
import type { FacilitatorView } from '../../src/workshop/protocol.ts';
import { starterBundle } from '../workshop/starter-scenario.ts';

describe('hand counts in the page with an option called "constructor"', () => {
  it('starts the field empty, sends 0 for it, and the room counts it as 0', () => {
    localStorage.clear();
    const views: FacilitatorView[] = [];
    const room = new LocalRoom(starterBundle([['use-the-park', 'constructor']]), (view) => views.push(view));
    const sent: Array<Record<string, number>> = [];
    const screen = facilitatorScreen(
      room.view(),
      emptyDrafts(),
      { mode: 'offline', busy: false },
      {
        control: () => {},
        countHands: (counts) => sent.push(counts),
        download: () => {},
        showSource: () => {},
      },
    );
    document.body.replaceChildren(screen);
    const field = screen.querySelector<HTMLInputElement>('#hands-constructor')!;
    expect(field.value).toBe('');
    const other = screen.querySelector<HTMLInputElement>('#hands-stay-inside')!;
    other.value = '3';
    other.dispatchEvent(new Event('input'));
    screen.querySelector('form.hands-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(sent.map((counts) => ({ ...counts }))).toEqual([{ constructor: 0, 'stay-inside': 3 }]);

    // A count for one option only (as an older page sends it): the other is 0, not a function.
    return room.control({ type: 'handCounts', counts: { 'stay-inside': 3 } }).then(async (ack) => {
      expect(ack.ok).toBe(true);
      await room.control({ type: 'reveal' });
      expect({ ...views.at(-1)!.vote.results!.counts }).toEqual({ constructor: 0, 'stay-inside': 3 });
    });
  });

  it('draws 0 for an option missing from the counts, even when it is called "constructor"', () => {
    const options = [
      { id: 'constructor', number: 1, label: 'One' },
      { id: 'toString', number: 2, label: 'Two' },
    ] as Parameters<typeof voteChart>[0];
    const chart = voteChart(options, {}, { caption: 'Results' });
    expect([...chart.querySelectorAll('[data-count]')].map((cell) => cell.textContent)).toEqual(['0', '0']);
    expect(chart.getAttribute('data-total')).toBe('0');
  });
});
