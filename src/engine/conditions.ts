/**
 * Conditions, resolved once and evaluated on a path. The same resolved form serves the player
 * (facts read from the path it is on) and the analysis (facts compiled into 0/1 world variables,
 * see analyze.ts), so both judge a condition the same way.
 */
import type { Condition } from '../scenario/schema.ts';
import { namesIn, optionResolver, type OptionRef } from '../scenario/option-refs.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { World } from './world.ts';

export type Test =
  | { kind: 'range'; variable: string; atLeast: number; atMost: number }
  | { kind: 'chose'; options: OptionRef[] }
  | { kind: 'notChose'; options: OptionRef[] }
  | { kind: 'passed'; decisions: string[] }
  | { kind: 'notPassed'; decisions: string[] }
  | { kind: 'anyOf'; tests: Test[] };

/** What a condition can ask of a path. */
export interface Facts {
  value(variable: string): number;
  chose(decision: string, option: string): boolean;
  passed(decision: string): boolean;
}

/** Resolves option names in a validated scenario (where every name resolves). */
export type Resolve = (name: string) => OptionRef;

export function resolverFor(scenario: Scenario): Resolve {
  const resolve = optionResolver(scenario);
  return (name) => {
    const resolved = resolve(name);
    if (!resolved.ok) throw new Error(`${resolved.message}: validate the scenario first`);
    return resolved.ref;
  };
}

export function compileCondition(condition: Condition, resolve: Resolve): Test {
  if (condition.variable !== undefined)
    return {
      kind: 'range',
      variable: condition.variable,
      atLeast: condition.atLeast ?? -Infinity,
      atMost: condition.atMost ?? Infinity,
    };
  if (condition.chose !== undefined) return { kind: 'chose', options: namesIn(condition.chose).map(resolve) };
  if (condition.notChose !== undefined) return { kind: 'notChose', options: namesIn(condition.notChose).map(resolve) };
  if (condition.passed !== undefined) return { kind: 'passed', decisions: namesIn(condition.passed) };
  if (condition.notPassed !== undefined) return { kind: 'notPassed', decisions: namesIn(condition.notPassed) };
  return { kind: 'anyOf', tests: (condition.anyOf ?? []).map((c) => compileCondition(c, resolve)) };
}

export const compileWhen = (when: readonly Condition[], resolve: Resolve): Test[] =>
  when.map((condition) => compileCondition(condition, resolve));

export function testHolds(test: Test, facts: Facts): boolean {
  switch (test.kind) {
    case 'range': {
      const value = facts.value(test.variable);
      return value >= test.atLeast && value <= test.atMost;
    }
    case 'chose':
      return test.options.some((o) => facts.chose(o.decision, o.option));
    case 'notChose':
      return !test.options.some((o) => facts.chose(o.decision, o.option));
    case 'passed':
      return test.decisions.some((d) => facts.passed(d));
    case 'notPassed':
      return !test.decisions.some((d) => facts.passed(d));
    case 'anyOf':
      return test.tests.some((t) => testHolds(t, facts));
  }
}

/** Whether all tests hold; no tests (undefined) always hold. */
export function allHold(tests: readonly Test[] | undefined, facts: Facts): boolean {
  if (!tests) return true;
  for (const test of tests) if (!testHolds(test, facts)) return false;
  return true;
}

/** The choices a path is made of, as far as conditions are concerned. */
export interface Choice {
  decision: string;
  option: string;
}

/** Facts read from a world and the choices made so far (a path holds a handful of steps, so it is scanned). */
export function pathFacts(world: World, path: readonly Choice[]): Facts {
  return {
    value: (variable) => world[variable] ?? 0,
    chose: (decision, option) => path.some((s) => s.option === option && s.decision === decision),
    passed: (decision) => path.some((s) => s.decision === decision),
  };
}

/** Whether a test reads anything but variables, i.e. whether it needs the path. */
export const readsPath = (test: Test): boolean =>
  test.kind === 'anyOf' ? test.tests.some(readsPath) : test.kind !== 'range';
