/** The view model: what a screen shows at a decision point or an ending, read off the small bridge scenario. */
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { choose, startGame } from '../../src/engine/game-actor.ts';
import { ScenarioIndex, viewOf, type CitationView, type GameView } from '../../src/engine/view.ts';
import { normalize } from '../../src/scenario/quote.ts';
import { bridgeScenario, MEMO, NOTE } from './helpers/bridge.ts';
import { generatedBundle } from './helpers/load.ts';

const bundle = generatedBundle(bridgeScenario());
const index = new ScenarioIndex(bundle);
const machine = compileScenario(bundle.scenario);

function viewAfter(...options: string[]): GameView {
  const actor = startGame(machine);
  for (const option of options) expect(choose(actor, option), option).toBe(true);
  const view = viewOf(index, actor.getSnapshot());
  actor.stop();
  return view;
}

function decisionView(...options: string[]) {
  const view = viewAfter(...options);
  if (view.kind !== 'decision') throw new Error(`expected a decision point, got ending ${view.endingId}`);
  return view;
}

function endingView(...options: string[]) {
  const view = viewAfter(...options);
  if (view.kind !== 'ending') throw new Error(`expected an ending, got decision point ${view.decisionId}`);
  return view;
}

const meter = (view: GameView, id: string) => view.meters.find((m) => m.id === id)!;

/** Every citation a view shows, wherever it appears. */
function citationsIn(view: GameView): CitationView[] {
  const own =
    view.kind === 'decision' ? [...view.citations, ...view.options.flatMap((o) => o.citations)] : view.citations;
  return [...own, ...view.path.flatMap((step) => step.citations)];
}

describe('the view at a decision point', () => {
  it('names the decision, who decides and the situation, with the decision’s citations', () => {
    const view = decisionView();
    expect(view).toMatchObject({
      kind: 'decision',
      decisionId: 'council',
      title: 'Repair now or later?',
      actor: { id: 'council', name: 'The town council', description: 'Seven elected members.' },
      situation: 'The bridge is old.',
      path: [],
    });
    expect(view.citations).toEqual([
      {
        sourceId: 'note',
        sourceTitle: 'Council note',
        quote: 'The council met on Monday',
        match: { start: 0, end: 'The council met on Monday'.length },
      },
    ]);
  });

  it('offers the options whose conditions hold, numbered from 1 for number keys, with evidence and citations', () => {
    expect(decisionView().options.map(({ id, number, label, evidence }) => ({ id, number, label, evidence }))).toEqual([
      { id: 'repair', number: 1, label: 'Repair now', evidence: 'hypothetical' },
      { id: 'wait', number: 2, label: 'Wait until spring', evidence: 'stated-position' },
    ]);
    // After "repair" cost is 7: "spend" (cost at most 5) is hidden, so "overspend" is number 2.
    expect(decisionView('repair').options.map((o) => [o.id, o.number])).toEqual([
      ['limit', 1],
      ['overspend', 2],
    ]);
    expect(decisionView('wait').options.map((o) => [o.id, o.number])).toEqual([
      ['limit', 1],
      ['spend', 2],
    ]);
  });

  it('keeps a citation’s note, its own evidence and the source’s title', () => {
    const wait = decisionView().options.find((o) => o.id === 'wait')!;
    expect(wait.citations).toMatchObject([
      {
        sourceId: 'note',
        sourceTitle: 'Council note',
        quote: 'repairs should wait until spring',
        note: 'Some members, not all.',
      },
    ]);
    expect(wait.citations[0]).not.toHaveProperty('evidence');
    const overspend = decisionView('repair').options.find((o) => o.id === 'overspend')!;
    expect(overspend.evidence).toBe('hypothetical');
    expect(overspend.citations).toMatchObject([
      { sourceId: 'memo', sourceTitle: 'Budget memo', quote: 'no more', evidence: 'stated-position' },
    ]);
  });
});

describe('citation matches', () => {
  const views = [
    decisionView(),
    decisionView('repair'),
    decisionView('wait'),
    endingView('repair', 'overspend'),
    endingView('wait', 'limit'),
  ];
  const sourceText: Record<string, string> = { note: NOTE, memo: MEMO };

  it('point at the quoted words in the source, whatever the quote’s white space and quote marks', () => {
    const citations = views.flatMap(citationsIn);
    expect(citations.length).toBeGreaterThan(10);
    for (const citation of citations) {
      const { start, end } = citation.match!;
      const passage = sourceText[citation.sourceId]!.slice(start, end);
      expect(normalize(passage).text, citation.quote).toBe(normalize(citation.quote).text);
      expect(passage.trim(), 'no white space around the match').toBe(passage);
    }
  });

  it('highlight the source’s own characters where the quote is written differently', () => {
    const repair = decisionView().options.find((o) => o.id === 'repair')!.citations[0]!;
    expect(NOTE.slice(repair.match!.start, repair.match!.end)).toBe('the bridge was “safe for light traffic only”');
    const spend = decisionView('wait').options.find((o) => o.id === 'spend')!.citations[0]!;
    expect(MEMO.slice(spend.match!.start, spend.match!.end)).toBe('the repair fund holds\n   ten million — no more');
  });

  it('are left out when the source text is not in the bundle', () => {
    const withoutTexts = new ScenarioIndex({ ...bundle, sources: {} });
    const actor = startGame(machine);
    const view = viewOf(withoutTexts, actor.getSnapshot());
    actor.stop();
    expect(view.citations[0]).toEqual({
      sourceId: 'note',
      sourceTitle: 'Council note',
      quote: 'The council met on Monday',
    });
  });
});

describe('meters', () => {
  it('start at the initial values with no change', () => {
    expect(decisionView().meters).toEqual([
      { id: 'cost', label: 'Cost', description: 'Money spent, in millions.', value: 2, min: 0, max: 10, change: 0 },
      { id: 'trust', label: 'Trust', value: 3, min: 0, max: 3, change: 0 },
    ]);
  });

  it('show the change made by the last choice only, after clamping', () => {
    // repair: cost 2 + 5 = 7; trust 3 + 1 is clamped to its maximum 3, so no change.
    expect(decisionView('repair').meters.map((m) => [m.id, m.value, m.change])).toEqual([
      ['cost', 7, 5],
      ['trust', 3, 0],
    ]);
    // overspend: cost 7 + 8 is clamped to 10, a change of 3.
    expect(meter(endingView('repair', 'overspend'), 'cost')).toMatchObject({ value: 10, change: 3 });
    // limit changes nothing: the earlier change from repair is not shown again.
    expect(meter(endingView('repair', 'limit'), 'cost')).toMatchObject({ value: 7, change: 0 });
    expect(meter(endingView('wait', 'spend'), 'cost')).toMatchObject({ value: 9, change: 7 });
  });
});

describe('the path so far', () => {
  it('records each step: who decided, what, the outcome, its evidence and citations', () => {
    const [first, second] = endingView('wait', 'spend').path;
    expect(first).toMatchObject({
      decisionId: 'council',
      decisionTitle: 'Repair now or later?',
      actorName: 'The town council',
      optionId: 'wait',
      optionLabel: 'Wait until spring',
      outcome: 'Repairs wait.',
      evidence: 'stated-position',
      citations: [{ sourceId: 'note', quote: 'repairs should wait until spring' }],
    });
    expect(second).toMatchObject({
      decisionId: 'traffic',
      actorName: 'The engineer',
      optionId: 'spend',
      outcome: 'The council spends the fund.',
      evidence: 'analysis',
    });
  });

  it('lists the variables each step changed, from and to, leaving out those that did not move', () => {
    const [repair, overspend] = endingView('repair', 'overspend').path;
    expect(repair!.changes).toEqual([{ id: 'cost', label: 'Cost', from: 2, to: 7 }]);
    expect(overspend!.changes).toEqual([{ id: 'cost', label: 'Cost', from: 7, to: 10 }]);
    const [wait, limit] = endingView('wait', 'limit').path;
    expect(wait!.changes).toEqual([{ id: 'trust', label: 'Trust', from: 3, to: 1 }]);
    expect(limit!.changes).toEqual([]);
  });

  it('lists the options that were offered at each step and not taken, never those that were not offered', () => {
    const [council, traffic] = endingView('wait', 'limit').path;
    expect(council!.untaken).toEqual([{ id: 'repair', label: 'Repair now' }]);
    // With cost 2, "overspend" (cost at least 6) was not offered, so it was not passed over.
    expect(traffic!.untaken).toEqual([{ id: 'spend', label: 'Spend what is left' }]);
    expect(endingView('repair', 'overspend').path[1]!.untaken).toEqual([
      { id: 'limit', label: 'Limit to light traffic' },
    ]);
  });
});

describe('the view at an ending', () => {
  it('shows the ending’s title, text, evidence, citations, questions, meters and path', () => {
    const view = endingView('repair', 'limit');
    expect(view).toMatchObject({
      kind: 'ending',
      endingId: 'safe',
      title: 'Light traffic',
      text: 'The bridge carries light traffic.',
      evidence: 'reported',
      citations: [{ sourceId: 'note', sourceTitle: 'Council note', quote: 'safe for light traffic only' }],
      questions: ['Was it right to wait?'],
    });
    expect(view.path.map((s) => s.optionId)).toEqual(['repair', 'limit']);
    expect(view.meters.map((m) => m.value)).toEqual([7, 3]);
  });

  it('leaves evidence out when the ending gives none', () => {
    const view = endingView('wait', 'spend');
    expect(view.endingId).toBe('costly');
    expect(view).not.toHaveProperty('evidence');
    expect(view.questions).toEqual(['What else could the money have done?', 'Who decided?']);
  });
});
