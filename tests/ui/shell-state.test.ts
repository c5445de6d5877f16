/** The page's own state beside the game: each event changes what it names and nothing else. */
import { describe, expect, it } from 'vitest';
import { initialShellState, shellReducer, type ShellEvent, type ShellState } from '../../src/ui/shell-state.ts';

const run = (state: ShellState, ...events: ShellEvent[]) => events.reduce(shellReducer, state);

describe('the shell state', () => {
  it('starts with nothing loaded, no outcome and no notice', () => {
    expect(initialShellState).toEqual({
      resumed: false,
      linkRestorable: false,
      showingOutcome: false,
      notice: undefined,
    });
  });

  it('shows an outcome after an accepted choice, until the student moves on', () => {
    const chose = run(initialShellState, { type: 'chose', accepted: true });
    expect(chose.showingOutcome).toBe(true);
    expect(run(chose, { type: 'outcome-read' }).showingOutcome).toBe(false);
    expect(run(initialShellState, { type: 'chose', accepted: false }).showingOutcome).toBe(false);
  });

  it('keeps a notice until the student acts, and a resume problem becomes the notice', () => {
    const told = run(initialShellState, { type: 'told', notice: 'Link copied.' });
    expect(told.notice).toBe('Link copied.');
    expect(run(told, { type: 'placed' }).notice).toBe('Link copied.');
    expect(run(told, { type: 'resumed' }).notice).toBe('Link copied.');
    expect(run(told, { type: 'acted' }).notice).toBeUndefined();
    expect(run(told, { type: 'chose', accepted: true }).notice).toBeUndefined();
    expect(run(initialShellState, { type: 'resumed', problem: 'damaged' })).toMatchObject({
      resumed: true,
      notice: 'damaged',
    });
  });

  it('loads the save once per session opened', () => {
    const resumed = run(initialShellState, { type: 'resumed' });
    expect(resumed.resumed).toBe(true);
    expect(run(resumed, { type: 'session-opened' }).resumed).toBe(false);
    expect(run(initialShellState, { type: 'placed' }).resumed).toBe(true);
  });

  it('offers the student’s own game back after a shared link, once', () => {
    const reading = run(initialShellState, { type: 'chose', accepted: true });
    const linked = run(reading, { type: 'link-opened', notice: 'You opened a shared link.' });
    expect(linked).toMatchObject({ linkRestorable: true, showingOutcome: false, notice: 'You opened a shared link.' });
    expect(run(linked, { type: 'link-returned' })).toMatchObject({
      linkRestorable: false,
      showingOutcome: false,
      notice: undefined,
    });
  });

  it('keeps an outcome on screen across a new version only when the whole path still works', () => {
    const reading = run(initialShellState, { type: 'chose', accepted: true });
    expect(run(reading, { type: 'version-swapped', kept: true, notice: 'changed' })).toMatchObject({
      showingOutcome: true,
      notice: 'changed',
    });
    expect(run(reading, { type: 'version-swapped', kept: false, notice: 'stopped' }).showingOutcome).toBe(false);
  });
});
