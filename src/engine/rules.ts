/**
 * The rules of a scenario as the player needs them: for a decision point, its options with
 * resolved conditions, effects bound to their ranges and routes; for any text, its variants with
 * resolved conditions. Built lazily and cached, so compiling a scenario costs nothing up front and
 * a player pays only for the decision points it visits (the machine in compile.ts is constant-size
 * and looks everything up here).
 */
import type { Condition, Decision, Ending, Option, Scenario } from '../scenario/schema.ts';
import { endingVariants, outcomeVariants, routesOf, situationVariants, type TextVariant } from '../scenario/texts.ts';
import {
  allHold,
  compileWhen,
  pathFacts,
  resolverFor,
  type Choice,
  type Facts,
  type Resolve,
  type Test,
} from './conditions.ts';
import { applyEffects, bindEffects, initialWorld, type BoundEffect } from './world.ts';

export interface RuleOption {
  id: string;
  decision: string;
  source: Option;
  /** Undefined: always offered. */
  when: Test[] | undefined;
  effects: BoundEffect[];
  /** Undefined `when`: the fallback. A plain `next` is one route without conditions. */
  routes: Array<{ when: Test[] | undefined; to: string }>;
}

export interface RuleDecision {
  id: string;
  source: Decision;
  options: RuleOption[];
}

export interface RuleVariant extends TextVariant {
  tests: Test[] | undefined;
}

export class Rules {
  private decisions?: Map<string, Decision>;
  private endings?: Map<string, Ending>;
  private readonly compiled = new Map<string, RuleDecision>();
  private readonly variantCache = new WeakMap<object, RuleVariant[]>();
  private resolver?: Resolve;

  constructor(readonly scenario: Scenario) {}

  private get resolve(): Resolve {
    return (this.resolver ??= resolverFor(this.scenario));
  }

  private tests(when: readonly Condition[] | undefined): Test[] | undefined {
    return when ? compileWhen(when, this.resolve) : undefined;
  }

  sourceDecision(id: string): Decision | undefined {
    this.decisions ??= new Map(this.scenario.decisions.map((d) => [d.id, d]));
    return this.decisions.get(id);
  }

  sourceEnding(id: string): Ending | undefined {
    this.endings ??= new Map(this.scenario.endings.map((e) => [e.id, e]));
    return this.endings.get(id);
  }

  isEnding(id: string): boolean {
    return this.sourceEnding(id) !== undefined;
  }

  /** The decision point's options, compiled on first use. */
  decision(id: string): RuleDecision | undefined {
    const cached = this.compiled.get(id);
    if (cached) return cached;
    const source = this.sourceDecision(id);
    if (!source) return undefined;
    const compiled: RuleDecision = {
      id,
      source,
      options: source.options.map((option) => ({
        id: option.id,
        decision: id,
        source: option,
        when: this.tests(option.when),
        effects: bindEffects(this.scenario, option.effects),
        routes: routesOf(option).map((route) => ({ when: this.tests(route.when), to: route.to })),
      })),
    };
    this.compiled.set(id, compiled);
    return compiled;
  }

  /** Where an option leads on a path, judged on the facts just after it was chosen; undefined when no route applies. */
  route(option: RuleOption, after: Facts): string | undefined {
    for (const route of option.routes) if (allHold(route.when, after)) return route.to;
    return undefined;
  }

  private variantsOf(key: object, make: () => TextVariant[]): RuleVariant[] {
    let variants = this.variantCache.get(key);
    if (!variants) {
      variants = make().map((v) => ({ ...v, tests: this.tests(v.when) }));
      this.variantCache.set(key, variants);
    }
    return variants;
  }

  situation(decision: Decision): RuleVariant[] {
    return this.variantsOf(decision, () => situationVariants(decision));
  }

  outcome(option: Option): RuleVariant[] {
    return this.variantsOf(option, () => outcomeVariants(option));
  }

  endingText(ending: Ending): RuleVariant[] {
    return this.variantsOf(ending, () => endingVariants(ending));
  }
}

/** The first variant whose conditions hold; undefined when none does (the checker reports such paths). */
export function pickVariant(variants: readonly RuleVariant[], facts: Facts): RuleVariant | undefined {
  for (const variant of variants) if (allHold(variant.tests, facts)) return variant;
  return undefined;
}

/**
 * The decision points a list of choices passes through, as the machine would take them: entry i
 * is where choice i is made, the last entry where the choices lead. Stops early at a choice that
 * is not offered there.
 */
export function pointsAlong(rules: Rules, options: readonly string[]): string[] {
  let at = rules.scenario.start;
  let world = initialWorld(rules.scenario);
  const path: Choice[] = [];
  const points = [at];
  for (const id of options) {
    const option = rules.decision(at)?.options.find((o) => o.id === id);
    if (!option || !allHold(option.when, pathFacts(world, path))) break;
    world = applyEffects(world, option.effects);
    path.push({ decision: at, option: id });
    const next = rules.route(option, pathFacts(world, path));
    if (next === undefined) break;
    at = next;
    points.push(at);
  }
  return points;
}
