/**
 * A deterministic generated scenario for the bench: N decision points arranged as a story of
 * chapters. Each chapter is a small tree of decisions with some merges inside it; its loose ends
 * lead to the first decision of one of the next chapters (where paths merge again) or, at the
 * bottom of the story, to an ending. A few bounded variables change along the way and gate some
 * options, and every claim cites a passage of one generated source text.
 */
import type { Condition, Decision, Effect, Ending, Option, Scenario, Variable } from '../src/scenario/schema.ts';
import { seededRandom, type Random } from './random.ts';
import { generateSourceText, quoteFrom } from './source-text.ts';
import { toYamlText } from './yaml-text.ts';

export interface GeneratorOptions {
  decisions: number;
  seed: number;
}

export interface GeneratedScenario {
  scenario: Scenario;
  /** The scenario file as an author would save it. */
  yaml: string;
  /** The source file's path as the scenario names it, and its text. */
  sourceFile: string;
  sourceText: string;
}

export const DEFAULT_GENERATOR_OPTIONS: GeneratorOptions = { decisions: 10_000, seed: 20_241_117 };

const SOURCE_FILE = 'sources/report.txt';
const ENDING_COUNT = 8;
const CHAPTER_SIZE = { min: 6, max: 20 };
const VARIABLES: Variable[] = [
  { id: 'tension', label: 'Tension', min: 0, max: 4, initial: 1 },
  { id: 'trust', label: 'Trust', min: 0, max: 4, initial: 2 },
  { id: 'supplies', label: 'Supplies', min: 0, max: 3, initial: 2 },
];
const ACTORS = ['council', 'envoy', 'governor', 'agency'];
const OPTION_VERBS = [
  'negotiate',
  'wait',
  'escalate',
  'appeal',
  'withdraw',
  'publish',
  'inspect',
  'compromise',
  'delay',
  'mediate',
];
const EVIDENCE = ['reported', 'stated-position', 'analysis', 'hypothetical'] as const;

export function generateScenario(options: GeneratorOptions = DEFAULT_GENERATOR_OPTIONS): GeneratedScenario {
  if (options.decisions < 2) throw new Error('The bench scenario needs at least 2 decision points');
  const random = seededRandom(options.seed);
  const source = generateSourceText(random, Math.max(50, Math.ceil(options.decisions / 10)));
  const cite = () => [{ source: 'report', quote: quoteFrom(source, random) }];
  const chapters = chapterSizes(options.decisions, random);
  const firstDecisionOf = prefixSums(chapters);
  const endings = Array.from({ length: ENDING_COUNT }, (_, e) => ending(e, cite));

  let leafExits = 0;
  const decisions: Decision[] = [];
  // One world state known to be reachable at each decision point: conditions are drawn so they
  // hold in it, so every option is offered somewhere, as in a scenario an author has checked.
  const sampleWorld = new Map<string, World>([[decisionId(0), initialWorld()]]);
  chapters.forEach((size, chapter) => {
    const first = firstDecisionOf[chapter]!;
    const nextChapters = [2 * chapter + 1, 2 * chapter + 2, 2 * chapter + 3].filter((c) => c < chapters.length);
    let exits = 0;
    const exit = (): string => {
      // The first exits reach each next chapter in turn, so every chapter can be reached;
      // the third next chapter is shared with a sibling chapter, so paths from both merge there.
      const covering = exits < nextChapters.length;
      exits++;
      if (nextChapters.length === 0 || (!covering && random.chance(0.02)))
        return endings[leafExits++ % ENDING_COUNT]!.id;
      return decisionId(firstDecisionOf[covering ? nextChapters[exits - 1]! : random.pick(nextChapters)]!);
    };
    let assigned = 1;
    for (let local = 0; local < size; local++) {
      const targets: string[] = [];
      const optionCount = random.int(2, 4);
      for (let o = 0; o < optionCount; o++) {
        // A decision with nothing waiting after it must open the next one, or the chapter would stop short.
        const mustGrow = assigned === local + 1 && o === optionCount - 1;
        if (assigned < size && (mustGrow || random.chance(0.55))) targets.push(decisionId(first + assigned++));
        else if (assigned > local + 1 && random.chance(0.15))
          targets.push(decisionId(first + random.int(local + 1, assigned - 1)));
        else targets.push(exit());
      }
      const id = decisionId(first + local);
      const made = decision(id, local === 0, targets, sampleWorld.get(id)!, random, cite);
      decisions.push(made);
      for (const option of made.options)
        if (!sampleWorld.has(plainNext(option)))
          sampleWorld.set(plainNext(option), worldAfter(sampleWorld.get(id)!, option.effects));
    }
  });

  const scenario: Scenario = {
    format: 2,
    id: 'bench-generated',
    title: `A generated crisis in ${options.decisions} decisions`,
    summary: 'A generated scenario used to measure the engine. It is not about a real event.',
    language: 'en',
    authors: ['bench/generate.ts'],
    licence: 'CC0-1.0',
    start: decisionId(0),
    sources: [{ id: 'report', title: 'A generated report', file: SOURCE_FILE }],
    actors: ACTORS.map((id) => ({ id, name: `The ${id}` })),
    variables: VARIABLES,
    decisions,
    endings,
  };
  const yaml = toYamlText(scenario as unknown as Parameters<typeof toYamlText>[0], INLINE_LISTS);
  return { scenario, yaml, sourceFile: SOURCE_FILE, sourceText: source.text };
}

export const decisionId = (index: number): string => `d-${index + 1}`;

type World = Record<string, number>;

function decision(
  id: string,
  opensChapter: boolean,
  targets: string[],
  world: World,
  random: Random,
  cite: () => Option['citations'],
): Decision {
  const verbs = [...OPTION_VERBS];
  const step = id.slice(2);
  const options = targets.map((next, o): Option => {
    const verb = verbs.splice(random.int(0, verbs.length - 1), 1)[0]!;
    const effects = optionEffects(opensChapter, random);
    // The first two options are always offered, so no world state leaves a player stuck or with a choice of one.
    const when = o > 1 && random.chance(0.2) ? [conditionHolding(world, random)] : undefined;
    return {
      id: verb,
      label: `${capitalise(verb)} at step ${step}`,
      outcome: `The ${random.pick(ACTORS)} chose to ${verb}.`,
      evidence: random.pick(EVIDENCE),
      citations: cite(),
      next,
      ...(effects.length > 0 ? { effects } : {}),
      ...(when ? { when } : {}),
    };
  });
  return {
    id,
    actor: random.pick(ACTORS),
    title: `Step ${step}`,
    situation: `The situation at step ${step} calls for a decision.`,
    ...(random.chance(0.3) ? { citations: cite() } : {}),
    options,
  };
}

/** A chapter's first decision resets the variables it touches, which keeps the world-state space realistic. */
function optionEffects(opensChapter: boolean, random: Random): Effect[] {
  if (opensChapter) {
    return VARIABLES.filter(() => random.chance(0.7)).map((v) => ({ variable: v.id, set: random.int(v.min, v.max) }));
  }
  if (!random.chance(0.35)) return [];
  return [{ variable: random.pick(VARIABLES).id, add: random.chance(0.5) ? 1 : -1 }];
}

/** A condition on one variable that holds in `world` without being always true. */
function conditionHolding(world: World, random: Random): Condition {
  const variable = random.pick(VARIABLES);
  const value = world[variable.id]!;
  const canBound = { atLeast: value > variable.min, atMost: value < variable.max };
  const bound = canBound.atLeast && (!canBound.atMost || random.chance(0.5)) ? 'atLeast' : 'atMost';
  return bound === 'atLeast'
    ? { variable: variable.id, atLeast: random.int(variable.min + 1, value) }
    : { variable: variable.id, atMost: random.int(value, variable.max - 1) };
}

const initialWorld = (): World => Object.fromEntries(VARIABLES.map((v) => [v.id, v.initial]));

function worldAfter(world: World, effects: readonly Effect[] = []): World {
  const next = { ...world };
  for (const effect of effects) {
    const variable = VARIABLES.find((v) => v.id === effect.variable)!;
    next[effect.variable] = Math.min(
      variable.max,
      Math.max(variable.min, effect.set ?? next[effect.variable]! + (effect.add ?? 0)),
    );
  }
  return next;
}

function ending(index: number, cite: () => Ending['citations']): Ending {
  return {
    id: `ending-${index + 1}`,
    title: `Outcome ${index + 1}`,
    text: `The crisis ends in the way numbered ${index + 1}.`,
    evidence: 'hypothetical',
    citations: cite(),
    questions: ['Which decision mattered most on the way here?'],
  };
}

const INLINE_LISTS = new Set(['authors', 'citations', 'effects', 'when', 'questions']);

function chapterSizes(total: number, random: Random): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    const size = Math.min(left, random.int(CHAPTER_SIZE.min, CHAPTER_SIZE.max));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

function prefixSums(sizes: number[]): number[] {
  const starts: number[] = [];
  let sum = 0;
  for (const size of sizes) {
    starts.push(sum);
    sum += size;
  }
  return starts;
}

const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** Generated options always name their next point directly. */
const plainNext = (option: Option): string => option.next as string;
