/**
 * Snapshot -> what a screen shows: who decides, the situation, the options with their evidence and
 * citations, the meters, the path so far. Every screen (Phaser stage, DOM text, terminal,
 * workshop) reads this and nothing else.
 */
import type { SnapshotFrom } from 'xstate';
import { findQuote, normalize, type QuoteMatch } from '../scenario/quote.ts';
import type { Citation, Evidence, Scenario } from '../scenario/schema.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { GameMachine, Step } from './compile.ts';
import { conditionsHold, initialWorld, type World } from './world.ts';

export interface CitationView {
  sourceId: string;
  sourceTitle: string;
  quote: string;
  /** What kind of claim the quoted passage is, where the author said. */
  evidence?: Evidence;
  note?: string;
  /** Where the quote stands in the source text, for highlighting. */
  match?: QuoteMatch;
}

export interface OptionView {
  id: string;
  /** 1-based, for number keys. */
  number: number;
  label: string;
  evidence: Evidence;
  citations: CitationView[];
}

export interface MeterView {
  id: string;
  label: string;
  description?: string;
  value: number;
  min: number;
  max: number;
  /** Change made by the last choice (0 at the start). */
  change: number;
}

export interface StepView {
  decisionId: string;
  decisionTitle: string;
  actorId: string;
  actorName: string;
  optionId: string;
  optionLabel: string;
  outcome: string;
  evidence: Evidence;
  citations: CitationView[];
  changes: Array<{ id: string; label: string; from: number; to: number }>;
  /** Options that were offered at this point and not taken. */
  untaken: Array<{ id: string; label: string }>;
}

export type GameView =
  | {
      kind: 'decision';
      decisionId: string;
      title: string;
      actor: { id: string; name: string; description?: string };
      situation: string;
      citations: CitationView[];
      options: OptionView[];
      meters: MeterView[];
      path: StepView[];
    }
  | {
      kind: 'ending';
      endingId: string;
      title: string;
      text: string;
      evidence?: Evidence;
      citations: CitationView[];
      questions: string[];
      meters: MeterView[];
      path: StepView[];
    };

/** Looks things up in a bundle; built once per scenario so views are cheap to derive. */
export class ScenarioIndex {
  readonly scenario: Scenario;
  private readonly sourceText: Map<string, ReturnType<typeof normalize>>;

  constructor(readonly bundle: ScenarioBundle) {
    this.scenario = bundle.scenario;
    this.sourceText = new Map(Object.entries(bundle.sources).map(([id, text]) => [id, normalize(text)]));
  }

  decision(id: string) {
    return this.scenario.decisions.find((d) => d.id === id);
  }

  ending(id: string) {
    return this.scenario.endings.find((e) => e.id === id);
  }

  citation(citation: Citation): CitationView {
    const source = this.scenario.sources.find((s) => s.id === citation.source);
    const text = this.sourceText.get(citation.source);
    return {
      sourceId: citation.source,
      sourceTitle: source?.title ?? citation.source,
      quote: citation.quote,
      ...(citation.evidence ? { evidence: citation.evidence } : {}),
      ...(citation.note ? { note: citation.note } : {}),
      ...(text ? { match: findQuote(text, citation.quote) } : {}),
    };
  }
}

export function viewOf(index: ScenarioIndex, snapshot: SnapshotFrom<GameMachine>): GameView {
  const { world, path } = snapshot.context;
  const here = String(snapshot.value);
  const meters = metersOf(index.scenario, world, path);
  const steps = path.map((step, i) =>
    stepView(index, step, i === 0 ? initialWorld(index.scenario) : path[i - 1]!.world),
  );
  const ending = index.ending(here);
  if (ending) {
    return {
      kind: 'ending',
      endingId: ending.id,
      title: ending.title,
      text: ending.text,
      ...(ending.evidence ? { evidence: ending.evidence } : {}),
      citations: ending.citations.map((c) => index.citation(c)),
      questions: ending.questions,
      meters,
      path: steps,
    };
  }
  const decision = index.decision(here);
  if (!decision) throw new Error(`Snapshot is at "${here}", which this scenario does not have`);
  const actor = index.scenario.actors.find((a) => a.id === decision.actor)!;
  return {
    kind: 'decision',
    decisionId: decision.id,
    title: decision.title,
    actor: { id: actor.id, name: actor.name, ...(actor.description ? { description: actor.description } : {}) },
    situation: decision.situation,
    citations: (decision.citations ?? []).map((c) => index.citation(c)),
    options: decision.options
      .filter((option) => conditionsHold(option.when, world))
      .map((option, i) => ({
        id: option.id,
        number: i + 1,
        label: option.label,
        evidence: option.evidence,
        citations: option.citations.map((c) => index.citation(c)),
      })),
    meters,
    path: steps,
  };
}

function metersOf(scenario: Scenario, world: World, path: Step[]): MeterView[] {
  const before = path.length >= 2 ? path[path.length - 2]!.world : initialWorld(scenario);
  return scenario.variables.map((v) => ({
    id: v.id,
    label: v.label,
    ...(v.description ? { description: v.description } : {}),
    value: world[v.id] ?? v.initial,
    min: v.min,
    max: v.max,
    change: path.length === 0 ? 0 : (world[v.id] ?? 0) - (before[v.id] ?? 0),
  }));
}

function stepView(index: ScenarioIndex, step: Step, worldBefore: World): StepView {
  const decision = index.decision(step.decision)!;
  const option = decision.options.find((o) => o.id === step.option)!;
  const actor = index.scenario.actors.find((a) => a.id === decision.actor)!;
  return {
    decisionId: decision.id,
    decisionTitle: decision.title,
    actorId: actor.id,
    actorName: actor.name,
    optionId: option.id,
    optionLabel: option.label,
    outcome: option.outcome,
    evidence: option.evidence,
    citations: option.citations.map((c) => index.citation(c)),
    changes: index.scenario.variables
      .filter((v) => worldBefore[v.id] !== step.world[v.id])
      .map((v) => ({ id: v.id, label: v.label, from: worldBefore[v.id]!, to: step.world[v.id]! })),
    untaken: decision.options
      .filter((o) => o.id !== option.id && conditionsHold(o.when, worldBefore))
      .map((o) => ({ id: o.id, label: o.label })),
  };
}
