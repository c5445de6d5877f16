/**
 * A game's view is made once per game state (a choice and the screen it leads to read it several
 * times), and never outlives that state: every choice, rewind and restart gives the new one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import { readBeside, readBytes } from '../../src/node/scenario-files.ts';
import type { GameView } from '../../src/engine/view.ts';
import { PlaySession } from '../../src/ui/play-session.ts';
import { repoRoot } from '../cli/helpers/run-cli.ts';

const file = join(repoRoot, 'tests/fixtures/valid/two-decisions/scenario.yaml');
const bundle = checkScenario(file, readBytes(file), readBeside(file)).bundle!;
const point = (view: GameView) => (view.kind === 'decision' ? view.decisionId : view.endingId);

describe('a play session’s view', () => {
  it('is the same object while the game stands still', () => {
    const game = new PlaySession(bundle);
    expect(game.view()).toBe(game.view());
  });

  it('follows every choice, rewind and restart', () => {
    const game = new PlaySession(bundle);
    const start = game.view();
    expect(point(start)).toBe('council');
    expect(game.choose('wait')).toBe(true);
    const after = game.view();
    expect(after).not.toBe(start);
    expect(point(after)).toBe('traffic');
    expect(after.path.map((s) => s.optionId)).toEqual(['wait']);

    game.rewindTo(0);
    expect(point(game.view())).toBe('council');
    expect(game.view().path).toEqual([]);

    expect(game.choose('repair')).toBe(true);
    expect(game.view().path.map((s) => s.optionId)).toEqual(['repair']);
    game.restart();
    expect(game.view()).toEqual(start);
  });

  it('stays put when a choice is refused', () => {
    const game = new PlaySession(bundle);
    const start = game.view();
    expect(game.choose('no-such-option')).toBe(false);
    expect(game.view()).toBe(start);
  });
});
