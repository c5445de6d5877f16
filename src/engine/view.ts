/**
 * Snapshot -> what a screen shows: who decides, the situation, the options with their evidence and
 * citations, the meters, the path so far. Every screen (Phaser stage, DOM text, terminal,
 * workshop) reads this and nothing else.
 */
import { findQuote, normalize, type QuoteMatch } from '../scenario/quote.ts';
import type { Citation, Evidence, Scenario, StageDirection } from '../scenario/schema.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { GameContext, Step } from './compile.ts';
import { allHold, pathFacts } from './conditions.ts';
import { pickVariant, Rules, type RuleVariant } from './rules.ts';
import { directionsOf, stageAt, type StageFrame } from './stage.ts';
import { initialWorld, type World } from './world.ts';

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
  /** Why the last choice changed it: the effect's reason, else that choice's outcome. Only with a change. */
  reason?: string;
}

export interface StepView {
  decisionId: string;
  decisionTitle: string;
  actorId: string;
  actorName: string;
  /** The situation variant that was shown at this decision on this path, and its citations. */
  situation: string;
  situationCitations: CitationView[];
  optionId: string;
  optionLabel: string;
  /** The outcome variant shown on this path, with its citations and evidence. */
  outcome: string;
  evidence: Evidence;
  citations: CitationView[];
  /** This choice's own stage directions (the outcome variant's, else the option's). */
  stage: StageDirection[];
  /** Changes to the meters students see (hidden variables are left out). */
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
      /** The situation variant for this path, and its citations. */
      situation: string;
      citations: CitationView[];
      options: OptionView[];
      /** The meters: every variable except hidden ones. */
      meters: MeterView[];
      path: StepView[];
      /** What the map shows after this path, and the last choice's own directions. */
      stage: StageFrame;
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
      stage: StageFrame;
    };

/** Looks things up in a bundle; built once per scenario so views are cheap to derive. */
export class ScenarioIndex {
  readonly scenario: Scenario;
  /** The same lazily compiled rules the machine uses: conditions, routes, variants. */
  readonly rules: Rules;
  private readonly sourceText: Map<string, ReturnType<typeof normalize>>;

  constructor(readonly bundle: ScenarioBundle) {
    this.scenario = bundle.scenario;
    this.rules = new Rules(bundle.scenario);
    this.sourceText = new Map(Object.entries(bundle.sources).map(([id, text]) => [id, normalize(text)]));
  }

  decision(id: string) {
    return this.rules.sourceDecision(id);
  }

  ending(id: string) {
    return this.rules.sourceEnding(id);
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

/** A snapshot of the game machine, or anything with its context (a restored or replayed one). */
export interface HasContext {
  context: GameContext;
}

/** The variant of a text shown on a path; the last (the fallback) if none applies, which the checker rules out. */
function shown(variants: readonly RuleVariant[], world: World, path: readonly Step[]): RuleVariant {
  return pickVariant(variants, pathFacts(world, path)) ?? variants.at(-1)!;
}

export function viewOf(index: ScenarioIndex, snapshot: HasContext): GameView {
  const { world, path, at: here } = snapshot.context;
  const steps = path.map((step, i) => stepView(index, path, i));
  const meters = metersOf(index, world, path, steps.at(-1));
  const stage = stageAt(index.rules, path);
  const ending = index.ending(here);
  if (ending) {
    const text = shown(index.rules.endingText(ending), world, path);
    return {
      kind: 'ending',
      endingId: ending.id,
      title: ending.title,
      text: text.text,
      ...(ending.evidence ? { evidence: ending.evidence } : {}),
      citations: text.citations.map((c) => index.citation(c)),
      questions: ending.questions,
      meters,
      path: steps,
      stage,
    };
  }
  const decision = index.decision(here);
  if (!decision) throw new Error(`Snapshot is at "${here}", which this scenario does not have`);
  const actor = index.scenario.actors.find((a) => a.id === decision.actor)!;
  const situation = shown(index.rules.situation(decision), world, path);
  const facts = pathFacts(world, path);
  const rules = index.rules.decision(decision.id)!;
  return {
    kind: 'decision',
    decisionId: decision.id,
    title: decision.title,
    actor: { id: actor.id, name: actor.name, ...(actor.description ? { description: actor.description } : {}) },
    situation: situation.text,
    citations: situation.citations.map((c) => index.citation(c)),
    options: rules.options
      .filter((option) => allHold(option.when, facts))
      .map(({ source: option }, i) => ({
        id: option.id,
        number: i + 1,
        label: option.label,
        evidence: option.evidence,
        citations: option.citations.map((c) => index.citation(c)),
      })),
    meters,
    path: steps,
    stage,
  };
}

function metersOf(index: ScenarioIndex, world: World, path: Step[], last: StepView | undefined): MeterView[] {
  const { scenario } = index;
  const before = path.length >= 2 ? path[path.length - 2]!.world : initialWorld(scenario);
  const lastStep = path.at(-1);
  const effects = lastStep
    ? (index.decision(lastStep.decision)?.options.find((o) => o.id === lastStep.option)?.effects ?? [])
    : [];
  return scenario.variables
    .filter((v) => !v.hidden)
    .map((v) => {
      const change = path.length === 0 ? 0 : (world[v.id] ?? 0) - (before[v.id] ?? 0);
      const reason = change === 0 ? undefined : (effects.find((e) => e.variable === v.id)?.reason ?? last?.outcome);
      return {
        id: v.id,
        label: v.label,
        ...(v.description ? { description: v.description } : {}),
        value: world[v.id] ?? v.initial,
        min: v.min,
        max: v.max,
        change,
        ...(reason ? { reason } : {}),
      };
    });
}

function stepView(index: ScenarioIndex, path: readonly Step[], i: number): StepView {
  const step = path[i]!;
  const worldBefore = i === 0 ? initialWorld(index.scenario) : path[i - 1]!.world;
  const decision = index.decision(step.decision)!;
  const rules = index.rules.decision(step.decision)!;
  const option = decision.options.find((o) => o.id === step.option)!;
  const actor = index.scenario.actors.find((a) => a.id === decision.actor)!;
  const outcome = shown(index.rules.outcome(option), step.world, path.slice(0, i + 1));
  const factsBefore = pathFacts(worldBefore, path.slice(0, i));
  const situation = shown(index.rules.situation(decision), worldBefore, path.slice(0, i));
  return {
    decisionId: decision.id,
    decisionTitle: decision.title,
    actorId: actor.id,
    actorName: actor.name,
    situation: situation.text,
    situationCitations: situation.citations.map((c) => index.citation(c)),
    optionId: option.id,
    optionLabel: option.label,
    outcome: outcome.text,
    evidence: outcome.evidence ?? option.evidence,
    citations: outcome.citations.map((c) => index.citation(c)),
    stage: directionsOf(index.rules, path, i),
    changes: index.scenario.variables
      .filter((v) => !v.hidden && worldBefore[v.id] !== step.world[v.id])
      .map((v) => ({ id: v.id, label: v.label, from: worldBefore[v.id]!, to: step.world[v.id]! })),
    untaken: rules.options
      .filter((o) => o.id !== option.id && allHold(o.when, factsBefore))
      .map((o) => ({ id: o.id, label: o.source.label })),
  };
}
