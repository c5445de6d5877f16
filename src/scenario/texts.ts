/**
 * Format 2 lets a situation, an outcome, an ending's text and an option's `next` be one value or a
 * list of conditional variants. These helpers give every consumer the list form, so nothing
 * downstream needs to tell the two apart.
 */
import type { DocPath } from './diagnostic.ts';
import type {
  Citation,
  Condition,
  Decision,
  Ending,
  Evidence,
  Option,
  Route,
  Scenario,
  StageDirection,
  VariantText,
} from './schema.ts';

/** One variant of a text as shown: its own conditions (none on a fallback), words, citations, stage. */
export interface TextVariant {
  when?: Condition[];
  text: string;
  citations: Citation[];
  /** Outcome variants: the stage directions of the choice on this path (the variant's or else the option's). */
  stage?: StageDirection[];
  /** Outcome variants: what kind of claim (the variant's or else the option's). */
  evidence?: Evidence;
}

function variants(value: VariantText, citations: Citation[], extra: Partial<TextVariant> = {}): TextVariant[] {
  if (typeof value === 'string') return [{ text: value, citations, ...extra }];
  return value.map((v) => ({
    ...(v.when ? { when: v.when } : {}),
    text: v.text,
    citations: v.citations,
    ...extra,
    ...(v.stage ? { stage: v.stage } : {}),
    ...(v.evidence ? { evidence: v.evidence } : {}),
  }));
}

export const situationVariants = (decision: Decision): TextVariant[] =>
  variants(decision.situation, decision.citations ?? []);

export const outcomeVariants = (option: Option): TextVariant[] =>
  variants(option.outcome, option.citations, {
    evidence: option.evidence,
    ...(option.stage ? { stage: option.stage } : {}),
  });

export const endingVariants = (ending: Ending): TextVariant[] => variants(ending.text, ending.citations);

/** An option's routes: a plain `next` is one route without conditions. */
export const routesOf = (option: Option): Route[] =>
  typeof option.next === 'string' ? [{ to: option.next }] : option.next;

/** Every decision point or ending an option may lead to, in the order written, without repeats. */
export const targetsOf = (option: Option): string[] =>
  typeof option.next === 'string' ? [option.next] : [...new Set(option.next.map((route) => route.to))];

/** The text to show where no path is known (structure views, graph labels): the plain text, or the fallback (last) variant. */
export const plainText = (value: VariantText): string => (typeof value === 'string' ? value : value.at(-1)!.text);

export type TextKind = 'situation' | 'outcome' | 'ending';

export interface TextSite {
  kind: TextKind;
  /** The field holding the text, e.g. decisions.2.situation. */
  path: DocPath;
  variants: TextVariant[];
  /** Whether the text is written as a list of variants. */
  isList: boolean;
}

/**
 * Every text students read that may have variants, with where it is. `listsOnly` skips texts
 * written as one string: most checks of variants need only the lists, and a large scenario has tens
 * of thousands of plain texts.
 */
export function forEachText(scenario: Scenario, visit: (site: TextSite) => void, listsOnly = false): void {
  // Plain loops: a callback per decision point would be made again for each of thousands.
  const decisions = scenario.decisions;
  for (let d = 0; d < decisions.length; d++) {
    const decision = decisions[d]!;
    if (!listsOnly || typeof decision.situation !== 'string')
      visit({
        kind: 'situation',
        path: ['decisions', d, 'situation'],
        variants: situationVariants(decision),
        isList: typeof decision.situation !== 'string',
      });
    const options = decision.options;
    for (let o = 0; o < options.length; o++) {
      const option = options[o]!;
      if (!listsOnly || typeof option.outcome !== 'string')
        visit({
          kind: 'outcome',
          path: ['decisions', d, 'options', o, 'outcome'],
          variants: outcomeVariants(option),
          isList: typeof option.outcome !== 'string',
        });
    }
  }
  scenario.endings.forEach((ending, e) => {
    if (!listsOnly || typeof ending.text !== 'string')
      visit({
        kind: 'ending',
        path: ['endings', e, 'text'],
        variants: endingVariants(ending),
        isList: typeof ending.text !== 'string',
      });
  });
}

type Guards = 'option' | 'variant' | 'route';

/** Every `when` list in the scenario (options, variants, routes) with where it is and what it guards. */
export function forEachWhen(
  scenario: Scenario,
  visit: (when: Condition[], path: DocPath, guards: Guards) => void,
): void {
  // Paths are made only where there is a `when` (most options have none), in plain loops that
  // hold no function: one made per option would cost an allocation for each of tens of thousands.
  const listed = (value: VariantText, at: DocPath) => {
    if (typeof value !== 'string') value.forEach((v, i) => v.when && visit(v.when, [...at, i, 'when'], 'variant'));
  };
  const routes = (list: Route[], d: number, o: number) =>
    list.forEach(
      (route, r) => route.when && visit(route.when, ['decisions', d, 'options', o, 'next', r, 'when'], 'route'),
    );
  const decisions = scenario.decisions;
  for (let d = 0; d < decisions.length; d++) {
    const decision = decisions[d]!;
    if (typeof decision.situation !== 'string') listed(decision.situation, ['decisions', d, 'situation']);
    const options = decision.options;
    for (let o = 0; o < options.length; o++) {
      const option = options[o]!;
      if (option.when) visit(option.when, ['decisions', d, 'options', o, 'when'], 'option');
      if (typeof option.outcome !== 'string') listed(option.outcome, ['decisions', d, 'options', o, 'outcome']);
      if (typeof option.next !== 'string') routes(option.next, d, o);
    }
  }
  scenario.endings.forEach((ending, e) => listed(ending.text, ['endings', e, 'text']));
}

export interface FoundCondition {
  condition: Condition;
  path: DocPath;
  guards: Guards;
}

/** Every single condition, anyOf members included, with its path, found afresh on each call. */
export function findConditions(scenario: Scenario): FoundCondition[] {
  const list: FoundCondition[] = [];
  const each = (conditions: Condition[], at: DocPath, guards: Guards) =>
    conditions.forEach((condition, c) => {
      const path = [...at, c];
      list.push({ condition, path, guards });
      if (condition.anyOf) each(condition.anyOf, [...path, 'anyOf'], guards);
    });
  forEachWhen(scenario, (when, at, guards) => each(when, at, guards));
  return list;
}

/** Every list of stage directions, with where it is. */
export function forEachStage(scenario: Scenario, visit: (stage: StageDirection[], path: DocPath) => void): void {
  scenario.decisions.forEach((decision, d) =>
    decision.options.forEach((option, o) => {
      const at: DocPath = ['decisions', d, 'options', o];
      if (option.stage) visit(option.stage, [...at, 'stage']);
      if (typeof option.outcome !== 'string')
        option.outcome.forEach((v, i) => v.stage && visit(v.stage, [...at, 'outcome', i, 'stage']));
    }),
  );
}
