/**
 * Save keeping around shared links: a link puts the game at the point it names, but the student's
 * own saved game is backed up first and can come back.
 */
import type { PlaySession } from './play-session.ts';
import { backUpGame, restoreBackedUpGame } from './storage.ts';

/** Puts the game where the link's choices lead (or as far as they make sense); returns the line that says so. */
export function openSharedLink(session: PlaySession, options: string[]): string {
  backUpGame(session.id);
  const reached = session.goTo(options);
  if (reached.ok) return 'You opened a shared link at this point of the scenario. Your own saved game was kept.';
  session.goTo(options.slice(0, reached.step));
  return `The shared link stops making sense at step ${reached.step + 1}, so you are at the last point it reaches.`;
}

/**
 * Puts the game where it was left: a place kept outside the page (a learning platform's
 * suspend_data) first, else the browser's saved game. Returns a line for the student when the
 * place could not be restored in full.
 */
export function resumeGame(session: PlaySession, kept: string[] | undefined): string | undefined {
  if (!kept) return session.resume();
  const reached = session.goTo(kept);
  if (reached.ok) return undefined;
  session.goTo(kept.slice(0, reached.step));
  return `Your place could not be restored past step ${reached.step + 1} (the scenario has changed since), so you are at the last point it reaches.`;
}

/** Brings back the game the student had before a shared link replaced it. */
export function returnToOwnGame(session: PlaySession): void {
  if (restoreBackedUpGame(session.id)) session.resume();
}
