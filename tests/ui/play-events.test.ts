/**
 * The play events a game tells its listener (the single-file player reports them to learning
 * platforms): every change of place, each choice with its evidence label, each ending.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import { readBeside, readBytes } from '../../src/node/scenario-files.ts';
import type { PlayEvent } from '../../src/ui/play-events.ts';
import { PlaySession } from '../../src/ui/play-session.ts';
import { repoRoot } from '../cli/helpers/run-cli.ts';

const file = join(repoRoot, 'tests/fixtures/valid/two-decisions/scenario.yaml');
const bundle = checkScenario(file, readBytes(file), readBeside(file)).bundle!;

function session(): { game: PlaySession; events: PlayEvent[] } {
  const game = new PlaySession(bundle);
  const events: PlayEvent[] = [];
  game.listener = (event) => events.push(event);
  return { game, events };
}

describe('play events', () => {
  it('tell of each choice after the new place, with the option, its evidence and the options offered', () => {
    const { game, events } = session();
    expect(game.choose('wait')).toBe(true);
    expect(events).toEqual([
      { kind: 'moved', scenario: 'bridge', path: ['wait'], at: 'traffic' },
      {
        kind: 'chose',
        scenario: 'bridge',
        decision: { id: 'council', title: 'Repair now or later?' },
        option: { id: 'wait', label: 'Wait until spring', evidence: 'stated-position', number: 2 },
        offered: [
          { id: 'repair', label: 'Repair now' },
          { id: 'wait', label: 'Wait until spring' },
        ],
      },
    ]);
  });

  it('tell of an ending after the choice that reached it, with the whole path', () => {
    const { game, events } = session();
    game.choose('repair');
    game.choose('limit');
    expect(events.map((e) => e.kind)).toEqual(['moved', 'chose', 'moved', 'chose', 'ended']);
    expect(events.at(-1)).toEqual({
      kind: 'ended',
      scenario: 'bridge',
      ending: { id: 'safe', title: 'Light traffic' },
      path: ['repair', 'limit'],
    });
  });

  it('tell of every change of place without a choice: a rewind, a jump, a restart', () => {
    const { game, events } = session();
    game.choose('repair');
    events.length = 0;
    game.rewindTo(0);
    game.goTo(['wait']);
    game.restart();
    expect(events).toEqual([
      { kind: 'moved', scenario: 'bridge', path: [], at: 'council' },
      { kind: 'moved', scenario: 'bridge', path: ['wait'], at: 'traffic' },
      { kind: 'moved', scenario: 'bridge', path: [], at: 'council' },
    ]);
  });

  it('tell nothing of a choice the game refuses', () => {
    const { game, events } = session();
    expect(game.choose('no-such-option')).toBe(false);
    expect(events).toEqual([]);
  });
});
