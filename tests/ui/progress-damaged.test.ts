// @vitest-environment happy-dom
/**
 * Damaged exploration progress in localStorage, and the compare link with nothing to compare,
 * used to show "Something went wrong" on every reload. Progress is now checked like a save (a
 * damaged one is set aside under a backup key, never lost) and the compare screen says there is
 * nothing yet.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress, PROGRESS_VERSION, recordEnding } from '../../src/engine/progress.ts';
import { ScenarioIndex } from '../../src/engine/view.ts';
import { compareScreen } from '../../src/ui/screens/compare.ts';
import { loadProgress, saveProgress } from '../../src/ui/storage.ts';
import { starterBundle } from '../workshop/starter-scenario.ts';

const KEY = 'branchpoint:progress:starter-room';
const stored = (playthroughs: unknown) =>
  JSON.stringify({ version: PROGRESS_VERSION, endings: ['park'], choices: [], playthroughs });

beforeEach(() => localStorage.clear());

describe('stored progress', () => {
  it.each([
    ['[{}]', [{}]],
    ['[null]', [null]],
    ['[{options:"abc"}]', [{ options: 'abc' }]],
    ['an ending that is not text', [{ ending: 3, options: [], finishedAt: 'x' }]],
    ['options that are not text', [{ ending: 'park', options: [1, 2], finishedAt: 'x' }]],
  ])('with playthroughs %s is set aside, kept under a backup key, and the page starts afresh', (_, playthroughs) => {
    const raw = stored(playthroughs);
    localStorage.setItem(KEY, raw);
    expect(loadProgress('starter-room')).toEqual(emptyProgress());
    expect(localStorage.getItem(KEY)).toBeNull();
    const backups = Object.keys(localStorage).filter((key) => key.startsWith(`${KEY}:unusable:`));
    expect(backups).toHaveLength(1);
    expect(localStorage.getItem(backups[0]!)).toBe(raw);
  });

  it('keeps good progress as it is', () => {
    const progress = recordEnding(emptyProgress(), 'park', ['use-the-park'], '2026-03-05T09:00:00.000Z');
    saveProgress('starter-room', progress);
    expect(loadProgress('starter-room')).toEqual(progress);
  });
});

describe('the compare screen', () => {
  const index = new ScenarioIndex(starterBundle());

  it('says there is nothing to compare yet, instead of failing', () => {
    const screen = compareScreen(index, [], () => {});
    expect(screen.textContent).toContain('No playthrough has been finished yet');
    expect(screen.querySelector('button')!.textContent).toBe('Back');
  });

  it('shows one finished playthrough against itself, and unknown ids as they are', () => {
    const screen = compareScreen(
      index,
      [{ ending: 'gone-ending', options: ['use-the-park', 'no-such-option'], finishedAt: '2026-03-05T09:00:00.000Z' }],
      () => {},
    );
    expect(screen.querySelectorAll('.compare-column')).toHaveLength(2);
    expect(screen.textContent).toContain('gone-ending');
  });
});
