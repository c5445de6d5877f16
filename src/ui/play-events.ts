/**
 * What a game tells whoever listens (the single-file player reports it to a learning platform
 * and as xAPI statements): each choice with its evidence label, each ending, each source opened,
 * and every change of place (choices, rewinds, restarts) so the place can be kept elsewhere.
 */
import type { Evidence } from '../scenario/schema.ts';

export type PlayEvent =
  | {
      kind: 'chose';
      scenario: string;
      decision: { id: string; title: string };
      option: { id: string; label: string; evidence: Evidence; number: number };
      /** The options offered, for a record that names them all. */
      offered: Array<{ id: string; label: string }>;
    }
  | { kind: 'ended'; scenario: string; ending: { id: string; title: string }; path: string[] }
  | { kind: 'opened-source'; scenario: string; source: { id: string; title: string }; cited?: string }
  /** The option ids chosen so far and the point they lead to, after any change. */
  | { kind: 'moved'; scenario: string; path: string[]; at: string };

export type PlayListener = (event: PlayEvent) => void;
