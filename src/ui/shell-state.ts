/**
 * What the page keeps beside the game itself: screen matters (an outcome being read, a notice),
 * and what it knows about the student's saves. The game's own state lives in the PlaySession's
 * actor; this is a pure reducer so each change has a name and a test.
 */
import { exhaustive } from '../lib/assert.ts';

export interface ShellState {
  /** Whether the session's saved game has been loaded (once per scenario opened). */
  readonly resumed: boolean;
  /** A shared link replaced the student's game; their own is kept and can come back. */
  readonly linkRestorable: boolean;
  /** After a choice, its outcome shows until the student moves on: a matter of the screen, not the game. */
  readonly showingOutcome: boolean;
  /** A line for the student at the top of the screen, until they act. */
  readonly notice: string | undefined;
}

export const initialShellState: ShellState = {
  resumed: false,
  linkRestorable: false,
  showingOutcome: false,
  notice: undefined,
};

export type ShellEvent =
  /** Something to tell the student (a link not understood, a copied link, a swapped version…). */
  | { type: 'told'; notice: string | undefined }
  /** The student did something on a screen: the last notice has been seen. */
  | { type: 'acted' }
  /** A new PlaySession for another scenario (or version): its save is not loaded yet. */
  | { type: 'session-opened' }
  /** The saved game was loaded, or found unusable (`problem` says why). */
  | { type: 'resumed'; problem?: string }
  /** The game was put at a point at the student's request (begin, branch map, structure view). */
  | { type: 'placed' }
  /** A choice was made; `accepted` when the game took it, so its outcome shows. */
  | { type: 'chose'; accepted: boolean }
  /** The student read the outcome and moved on. */
  | { type: 'outcome-read' }
  /** A shared link replaced the game (the student's own is backed up). */
  | { type: 'link-opened'; notice: string }
  /** The student took their own game back after a shared link. */
  | { type: 'link-returned' }
  /** A new version of the scenario took the game's place; `kept` when the whole path still works. */
  | { type: 'version-swapped'; kept: boolean; notice: string | undefined };

export function shellReducer(state: ShellState, event: ShellEvent): ShellState {
  switch (event.type) {
    case 'told':
      return { ...state, notice: event.notice };
    case 'acted':
      return { ...state, notice: undefined };
    case 'session-opened':
      return { ...state, resumed: false };
    case 'resumed':
      return { ...state, resumed: true, notice: event.problem ?? state.notice };
    case 'placed':
      return { ...state, resumed: true, showingOutcome: false };
    case 'chose':
      return { ...state, notice: undefined, showingOutcome: event.accepted };
    case 'outcome-read':
      return { ...state, notice: undefined, showingOutcome: false };
    case 'link-opened':
      return { ...state, showingOutcome: false, linkRestorable: true, notice: event.notice };
    case 'link-returned':
      return { ...state, showingOutcome: false, linkRestorable: false, notice: undefined };
    case 'version-swapped':
      return { ...state, showingOutcome: event.kept && state.showingOutcome, notice: event.notice };
    default:
      return exhaustive(event, 'shell event');
  }
}
