import { describe, expect, it } from 'vitest';
import { renameEdits } from '../../../src/authoring/editor/rename.ts';

const scenario = {
  start: 'a',
  actors: [{ id: 'mayor' }],
  decisions: [
    {
      id: 'a',
      actor: 'mayor',
      situation: [{ when: [{ passed: ['b', 'a'] }], text: 'x', citations: [{ source: 'minutes', quote: 'q' }] }],
      options: [
        {
          id: 'go',
          next: 'b',
          stage: [{ strike: { from: 'p', to: 'a' } }, { stance: { actor: 'mayor', is: 'hold' } }],
        },
        { id: 'stay', next: [{ when: [{ chose: 'a/go' }, { anyOf: [{ notChose: 'go' }] }], to: 'a' }, { to: 'end' }] },
      ],
    },
  ],
};

describe('renaming an id renames what refers to it', () => {
  it('a decision point: start, next, routes, passed, and options named through it; not a strike’s target', () => {
    expect(renameEdits(scenario, { kind: 'point', from: 'a', to: 'first' })).toEqual([
      { path: ['start'], value: 'first' },
      { path: ['decisions', 0, 'situation', 0, 'when', 0, 'passed', 1], value: 'first' },
      { path: ['decisions', 0, 'options', 1, 'next', 0, 'when', 0, 'chose'], value: 'first/go' },
      { path: ['decisions', 0, 'options', 1, 'next', 0, 'to'], value: 'first' },
    ]);
  });

  it('an option, bare or through its decision point', () => {
    expect(renameEdits(scenario, { kind: 'option', from: 'go', to: 'leave', decision: 'a' })).toEqual([
      { path: ['decisions', 0, 'options', 1, 'next', 0, 'when', 0, 'chose'], value: 'a/leave' },
      { path: ['decisions', 0, 'options', 1, 'next', 0, 'when', 1, 'anyOf', 0, 'notChose'], value: 'leave' },
    ]);
  });

  it('an actor and a source wherever named', () => {
    expect(renameEdits(scenario, { kind: 'actor', from: 'mayor', to: 'council' }).map((e) => e.path.join('.'))).toEqual(
      ['decisions.0.actor', 'decisions.0.options.0.stage.1.stance.actor'],
    );
    expect(renameEdits(scenario, { kind: 'source', from: 'minutes', to: 'notes' })).toHaveLength(1);
    expect(renameEdits(scenario, { kind: 'source', from: 'minutes', to: 'minutes' })).toEqual([]);
  });
});
