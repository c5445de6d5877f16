/**
 * A tiny scenario written for the screen tests, and the views the engine derives from it: two
 * decision points (the second offers one option only while the cost is low), two endings, one
 * variable, one source. Small enough to read whole; independent of the flagship's content.
 */
import { compileScenario } from '../../../src/engine/compile.ts';
import { catalogEntry } from '../../../src/engine/catalog.ts';
import { choose, startGame } from '../../../src/engine/game-actor.ts';
import { ScenarioIndex, viewOf, type GameView } from '../../../src/engine/view.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import type { ScenarioBundle } from '../../../src/scenario/validate.ts';
import { roomScenario } from '../../../src/workshop/room.ts';

const MEMO = `Transport memo, January.
The board will decide whether to shorten the bus route through the hills.
A shorter route saves twenty minutes each morning.
Drivers have said they would strike if their hours are cut.
New drivers can be hired only if the budget allows it.`;

export const tinyScenario: Scenario = {
  format: 2,
  id: 'school-bus',
  title: 'The school bus',
  summary: 'A school board decides on a bus route <and> its drivers.',
  language: 'en',
  authors: ['Branchpoint tests'],
  licence: 'CC0-1.0',
  educatorNotes: 'Invented for the screen tests.',
  start: 'route',
  sources: [
    { id: 'memo', title: 'Transport memo', file: 'sources/memo.txt', publisher: 'The school board', date: '2026-01' },
  ],
  actors: [{ id: 'board', name: 'The school board', description: 'Runs the buses.' }],
  variables: [{ id: 'cost', label: 'Cost', description: 'What the buses cost.', min: 0, max: 5, initial: 1 }],
  decisions: [
    {
      id: 'route',
      actor: 'board',
      title: 'Shorten the route?',
      situation: 'The route through the hills is long.',
      citations: [{ source: 'memo', quote: 'shorten the bus route through the hills' }],
      options: [
        {
          id: 'shorten',
          label: 'Shorten the route',
          outcome: 'The bus takes the valley road.',
          evidence: 'reported',
          effects: [{ variable: 'cost', add: 2, reason: 'the valley road needs more fuel' }],
          citations: [{ source: 'memo', quote: 'A shorter route saves twenty minutes each morning.' }],
          next: 'drivers',
        },
        {
          id: 'keep',
          label: 'Keep the route',
          outcome: 'Nothing changes.',
          evidence: 'hypothetical',
          citations: [{ source: 'memo', quote: 'The board will decide', evidence: 'stated-position' }],
          next: 'drivers',
        },
      ],
    },
    {
      id: 'drivers',
      actor: 'board',
      title: 'The drivers',
      situation: 'The drivers threaten to strike.',
      options: [
        {
          id: 'hire',
          label: 'Hire new drivers',
          outcome: 'New drivers start in March.',
          evidence: 'hypothetical',
          when: [{ variable: 'cost', atMost: 1 }],
          citations: [{ source: 'memo', quote: 'New drivers can be hired only if the budget allows it.' }],
          next: 'calm',
        },
        {
          id: 'talk',
          label: 'Talk to the drivers',
          outcome: 'The talks fail.',
          evidence: 'stated-position',
          citations: [{ source: 'memo', quote: 'Drivers have said they would strike' }],
          next: 'strike',
        },
        {
          id: 'wait',
          label: 'Wait and see',
          outcome: 'The drivers strike.',
          evidence: 'hypothetical',
          citations: [{ source: 'memo', quote: 'if their hours are cut' }],
          next: 'strike',
        },
      ],
    },
  ],
  endings: [
    {
      id: 'calm',
      title: 'Buses run',
      text: 'The buses run on time.',
      evidence: 'hypothetical',
      citations: [{ source: 'memo', quote: 'New drivers can be hired' }],
      questions: ['Who paid for the new drivers?'],
    },
    {
      id: 'strike',
      title: 'Strike',
      text: 'No buses run for a week.',
      citations: [{ source: 'memo', quote: 'they would strike' }],
      questions: ['Could the board have avoided the strike?', 'Who was hurt most?'],
    },
  ],
};

export const tinyBundle: ScenarioBundle = { scenario: tinyScenario, sources: { memo: MEMO } };
export const tinyIndex = new ScenarioIndex(tinyBundle);
export const tinyCatalog = [catalogEntry(tinyBundle)];
export const tinyRoomScenario = roomScenario(tinyBundle);

/** The view after making these choices from the start, through the real engine. */
export function viewAfter(...options: string[]): GameView {
  const actor = startGame(compileScenario(tinyScenario));
  for (const option of options) if (!choose(actor, option)) throw new Error(`"${option}" is not offered here`);
  const view = viewOf(tinyIndex, actor.getSnapshot());
  actor.stop();
  return view;
}

export function decisionAfter(...options: string[]): Extract<GameView, { kind: 'decision' }> {
  const view = viewAfter(...options);
  if (view.kind !== 'decision') throw new Error('expected a decision point');
  return view;
}

export function endingAfter(...options: string[]): Extract<GameView, { kind: 'ending' }> {
  const view = viewAfter(...options);
  if (view.kind !== 'ending') throw new Error('expected an ending');
  return view;
}
