/**
 * Random VALID scenarios for property tests, as plain objects plus the source texts they cite.
 *
 * Valid by construction:
 * - acyclic: decision i only points to decisions j > i or to endings, except for "again" options
 *   that go back to an earlier decision (or the same one) and are bounded by a counter: each raises
 *   "rounds" by one and is offered only while rounds is below its maximum. The decision graph then
 *   has loops but the (decision, world state) graph does not, so every path still ends;
 * - every decision is reachable: decision j always has an option of decision j-1 or j-2 pointing to it;
 * - nobody gets stuck: every decision keeps one option without conditions;
 * - every citation quotes a run of words of a generated source text (sometimes with straight quotes,
 *   apostrophes and dashes where the source has typographic ones, which the format allows);
 * - effects and conditions stay within their variable's range (effects may still push a value
 *   against its bounds, which is where clamping is tested).
 * Sizes are small (at most 5 decisions of at most 3 options) so walking every path by brute force is cheap.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { EVIDENCE_KINDS, FORMAT_VERSION, type ScenarioSchema } from '../../src/scenario/schema.ts';

/** A scenario as written in a file, before the schema's defaults and trimming. */
export type ScenarioDocument = z.input<typeof ScenarioSchema>;

export interface GeneratedScenario {
  document: ScenarioDocument;
  /** Source texts by file path relative to the scenario file. */
  sources: Record<string, string>;
}

/** Typographic characters the quote matcher folds into their plain forms. */
const VOCABULARY = [
  'council',
  'bridge',
  'engineer’s',
  '“safe”',
  'long—term',
  'report',
  'river',
  'spring',
  'repairs',
  'traffic',
  'light',
  'heavy',
  'said',
  'met',
  'argued',
  'budget',
  'town',
  'north',
  'road',
  'warned',
  'mayor’s',
  '‘open’',
  'vote',
  'cost–benefit',
  'officials',
  'crossing',
  'closed',
  'weeks',
  '2024',
  'Monday',
  'winter',
  '(quietly)',
];
const PLAIN_STYLES: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '—': '-', '–': '-' };
const SEPARATORS = [' ', ' ', ' ', '\n', '  ', ' \n\t', '\n\n'];

interface CitationPick {
  source: number;
  start: number;
  length: number;
  plainStyles: boolean;
}

const citationPick: fc.Arbitrary<CitationPick> = fc.record({
  source: fc.nat(),
  start: fc.nat(),
  length: fc.integer({ min: 1, max: 6 }),
  plainStyles: fc.boolean(),
});
const citationPicks = fc.array(citationPick, { minLength: 1, maxLength: 2 });

const sourceWords = fc.array(
  fc.record({ word: fc.constantFrom(...VOCABULARY), separator: fc.constantFrom(...SEPARATORS) }),
  { minLength: 8, maxLength: 30 },
);

/** A condition on the path: an option of some decision chosen or not, a decision passed or not, or either of two. */
const pathPick = fc.record({
  kind: fc.constantFrom('chose', 'notChose', 'passed', 'notPassed', 'anyOf'),
  decision: fc.nat(),
  option: fc.nat(),
  other: fc.nat(),
});
type PathPick = typeof pathPick extends fc.Arbitrary<infer T> ? T : never;

const optionBlueprint = fc.record({
  target: fc.nat(),
  /** Format 2: a path condition on the option, a route taken when one holds, outcome variants. */
  path: fc.option(pathPick, { nil: undefined, freq: 3 }),
  route: fc.option(fc.record({ when: pathPick, target: fc.nat() }), { nil: undefined, freq: 3 }),
  outcomeVariant: fc.option(pathPick, { nil: undefined, freq: 3 }),
  evidence: fc.constantFrom(...EVIDENCE_KINDS),
  citations: citationPicks,
  effects: fc.array(fc.record({ variable: fc.nat(), set: fc.boolean(), amount: fc.integer({ min: -8, max: 8 }) }), {
    maxLength: 2,
  }),
  when: fc.array(
    fc.record({
      variable: fc.nat(),
      low: fc.nat(),
      high: fc.nat(),
      bounds: fc.constantFrom('atLeast', 'atMost', 'both'),
    }),
    {
      maxLength: 2,
    },
  ),
});

const blueprint = fc.record({
  sources: fc.array(sourceWords, { minLength: 1, maxLength: 2 }),
  actorCount: fc.integer({ min: 1, max: 3 }),
  variables: fc.array(
    fc.record({ min: fc.integer({ min: -5, max: 3 }), span: fc.integer({ min: 1, max: 6 }), initial: fc.nat() }),
    {
      maxLength: 2,
    },
  ),
  decisions: fc.array(
    fc.record({
      actor: fc.nat(),
      /** Whether this decision is reached from decision j-2 rather than j-1. */
      fromTwoBack: fc.boolean(),
      /** Which option slot carries the edges that keep later decisions reachable. */
      treeSlot: fc.nat(),
      /** Which option slot has no conditions, so nobody gets stuck here. */
      freeSlot: fc.nat(),
      citations: fc.option(citationPicks, { nil: undefined }),
      situationVariant: fc.option(pathPick, { nil: undefined, freq: 3 }),
      options: fc.array(optionBlueprint, { minLength: 2, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  endings: fc.array(
    fc.record({
      citations: citationPicks,
      evidence: fc.option(fc.constantFrom(...EVIDENCE_KINDS), { nil: undefined }),
    }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  loops: fc.option(
    fc.record({
      rounds: fc.integer({ min: 1, max: 2 }),
      backEdges: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), citations: citationPicks }), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
    { nil: undefined, freq: 2 },
  ),
});

type Blueprint = typeof blueprint extends fc.Arbitrary<infer T> ? T : never;

export const validScenario: fc.Arbitrary<GeneratedScenario> = blueprint.map(build);

/** The scenario file's text. */
export const toYaml = (document: unknown): string => stringify(document);

export const decisionId = (i: number) => `d${i}`;
export const endingId = (i: number) => `end-${i}`;

function build(plan: Blueprint): GeneratedScenario {
  const texts = plan.sources.map((words) => words.map((w) => w.word + w.separator).join(''));
  const sourceFile = (s: number) => `sources/s${s}.txt`;
  const cite = (pick: CitationPick) => {
    const s = pick.source % plan.sources.length;
    const words = plan.sources[s]!.map((w) => w.word);
    const start = pick.start % words.length;
    const quote = words.slice(start, start + pick.length).join(' ');
    return { source: `s${s}`, quote: pick.plainStyles ? quote.replace(/[’‘“”—–]/g, (ch) => PLAIN_STYLES[ch]!) : quote };
  };

  const variables = plan.variables.map((v, i) => ({
    id: `v_${i}`,
    label: `Meter ${i}`,
    min: v.min,
    max: v.min + v.span,
    initial: v.min + (v.initial % (v.span + 1)),
  }));

  const decisionCount = plan.decisions.length;
  const childrenOf = (i: number) =>
    plan.decisions
      .map((d, j) => ({ j, parent: j >= 2 && d.fromTwoBack ? j - 2 : j - 1 }))
      .filter(({ j, parent }) => j >= 1 && parent === i)
      .map(({ j }) => j);

  // Options are named "decision/option" in conditions: every decision has an "opt-0", so bare ids would be ambiguous.
  const pathCondition = (pick: PathPick): Record<string, unknown> => {
    const decision = pick.decision % decisionCount;
    const option = `${decisionId(decision)}/opt-${pick.option % plan.decisions[decision]!.options.length}`;
    if (pick.kind === 'chose' || pick.kind === 'notChose') return { [pick.kind]: option };
    if (pick.kind === 'passed' || pick.kind === 'notPassed') return { [pick.kind]: decisionId(decision) };
    return { anyOf: [{ chose: option }, { passed: decisionId(pick.other % decisionCount) }] };
  };
  const targetFrom = (i: number, pick: number) => {
    const later = decisionCount - i - 1;
    const target = pick % (later + plan.endings.length);
    return target < later ? decisionId(i + 1 + target) : endingId(target - later);
  };

  const decisions = plan.decisions.map((d, i) => {
    const slots = d.options.length;
    const treeEdges = new Map(childrenOf(i).map((child, k) => [(d.treeSlot + k) % slots, child]));
    const laterDecisions = decisionCount - i - 1;
    return {
      id: decisionId(i),
      actor: `a${d.actor % plan.actorCount}`,
      title: `Decision ${i}`,
      situation: d.situationVariant
        ? [
            {
              when: [pathCondition(d.situationVariant)],
              text: `A variant at decision ${i}.`,
              citations: d.options[0]!.citations.map(cite),
            },
            { text: `The situation at decision ${i}.`, citations: d.options[0]!.citations.map(cite) },
          ]
        : `The situation at decision ${i}.`,
      ...(d.citations ? { citations: d.citations.map(cite) } : {}),
      options: d.options.map((o, k) => {
        const tree = treeEdges.get(k);
        const target = o.target % (laterDecisions + plan.endings.length);
        const next =
          tree !== undefined
            ? decisionId(tree)
            : target < laterDecisions
              ? decisionId(i + 1 + target)
              : endingId(target - laterDecisions);
        const effects =
          variables.length === 0
            ? []
            : o.effects.map((e) => effectOn(variables[e.variable % variables.length]!, e.set, e.amount));
        const free = k === d.freeSlot % slots;
        const when: Array<Record<string, unknown>> =
          variables.length === 0 || free
            ? []
            : o.when.map((c) => conditionOn(variables[c.variable % variables.length]!, c));
        if (o.path && !free) when.push(pathCondition(o.path));
        // Tree edges stay plain, so every decision stays reachable; other options may route by the path.
        const routed =
          o.route && tree === undefined
            ? [{ when: [pathCondition(o.route.when)], to: targetFrom(i, o.route.target) }, { to: next }]
            : next;
        const outcome = o.outcomeVariant
          ? [
              {
                when: [pathCondition(o.outcomeVariant)],
                text: `A variant outcome of ${k} at ${i}.`,
                citations: o.citations.map(cite),
              },
              { text: `Outcome of option ${k} at decision ${i}.`, citations: o.citations.map(cite) },
            ]
          : `Outcome of option ${k} at decision ${i}.`;
        return {
          id: `opt-${k}`,
          label: `Option "${k}" at ${i}`,
          outcome,
          evidence: o.evidence,
          citations: o.citations.map(cite),
          next: routed,
          ...(effects.length ? { effects } : {}),
          ...(when.length ? { when } : {}),
        };
      }),
    };
  });

  if (plan.loops) {
    variables.push({ id: 'rounds', label: 'Rounds', min: 0, max: plan.loops.rounds, initial: 0 });
    for (const edge of plan.loops.backEdges) {
      const from = edge.from % decisionCount;
      const options: unknown[] = decisions[from]!.options;
      if (options.length >= 4 || options.some((o) => (o as { id: string }).id === 'again')) continue;
      options.push({
        id: 'again',
        label: `Go back from ${from}`,
        outcome: `Back to an earlier decision from ${from}.`,
        evidence: 'hypothetical',
        citations: edge.citations.map(cite),
        next: decisionId(edge.to % (from + 1)),
        when: [{ variable: 'rounds', atMost: plan.loops.rounds - 1 }],
        effects: [{ variable: 'rounds', add: 1 }],
      });
    }
  }

  const document: ScenarioDocument = {
    format: FORMAT_VERSION,
    id: 'generated',
    title: 'A generated scenario',
    summary: 'Generated for property tests.',
    language: 'en',
    authors: ['Property test'],
    licence: 'CC0-1.0',
    start: decisionId(0),
    sources: texts.map((_, s) => ({ id: `s${s}`, title: `Source ${s}`, file: sourceFile(s) })),
    actors: Array.from({ length: plan.actorCount }, (_, a) => ({ id: `a${a}`, name: `Actor ${a}` })),
    ...(variables.length ? { variables } : {}),
    decisions,
    endings: plan.endings.map((e, i) => ({
      id: endingId(i),
      title: `Ending ${i}`,
      text: `The world at ending ${i}.`,
      ...(e.evidence ? { evidence: e.evidence } : {}),
      citations: e.citations.map(cite),
      questions: [`Question about ending ${i}?`],
    })),
  };
  return { document, sources: Object.fromEntries(texts.map((text, s) => [sourceFile(s), text])) };
}

interface VariableRange {
  id: string;
  min: number;
  max: number;
}

function effectOn(variable: VariableRange, set: boolean, amount: number) {
  const span = variable.max - variable.min;
  if (set) return { variable: variable.id, set: variable.min + (Math.abs(amount) % (span + 1)) };
  // An add of at most the whole range is valid; adding it to a value near a bound is clamped. (`+ 0` turns -0 into 0.)
  return { variable: variable.id, add: Math.sign(amount) * (Math.abs(amount) % (span + 1)) + 0 };
}

function conditionOn(
  variable: VariableRange,
  pick: { low: number; high: number; bounds: 'atLeast' | 'atMost' | 'both' },
) {
  const atLeast = variable.min + (pick.low % (variable.max - variable.min + 1));
  const atMost = atLeast + (pick.high % (variable.max - atLeast + 1));
  if (pick.bounds === 'atLeast') return { variable: variable.id, atLeast };
  if (pick.bounds === 'atMost') return { variable: variable.id, atMost };
  return { variable: variable.id, atLeast, atMost };
}
