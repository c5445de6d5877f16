/**
 * Property tests over random scenarios: every valid one checks clean, compiles, and every path
 * through the real machine ends, in exactly the numbers the analysis reports; every corruption is
 * rejected with an error at the right place, and nothing throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/engine/analyze.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import type { Diagnostic } from '../../src/scenario/diagnostic.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { findConditions } from '../../src/scenario/texts.ts';
import { validScenario } from './arbitraries.ts';
import { CORRUPTERS } from './corruptions.ts';
import { checkGenerated, checkInMemory, generatedBundle } from './helpers/load.ts';
import { walkEveryPath, type WalkedPath } from './helpers/walk.ts';

const errorsIn = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');

describe('random valid scenarios', () => {
  it('pass the full check with no errors and compile', () => {
    fc.assert(
      fc.property(validScenario, (generated) => {
        const result = checkGenerated(generated);
        expect(errorsIn(result.diagnostics)).toEqual([]);
        expect(result.bundle).toBeDefined();
        expect(() => compileScenario(result.bundle!.scenario)).not.toThrow();
      }),
      { numRuns: 50 },
    );
  });

  it('end in a final state along every path the machine allows', () => {
    fc.assert(
      fc.property(validScenario, (generated) => {
        const { scenario } = generatedBundle(generated);
        const endings = scenario.endings.map((e) => e.id);
        for (const { options, snapshot } of walkEveryPath(compileScenario(scenario), scenario)) {
          expect(snapshot.status, `path ${options.join(' > ')}`).toBe('done');
          expect(endings).toContain(snapshot.context.at);
          expect(snapshot.context.path.map((step) => step.option)).toEqual(options);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('have exactly the paths, endings, lengths and configurations the analysis reports', () => {
    fc.assert(
      fc.property(validScenario, (generated) => {
        const { scenario } = generatedBundle(generated);
        const walked = walkEveryPath(compileScenario(scenario), scenario);
        const analysis = analyzeScenario(scenario);
        const counted = bruteForceFigures(scenario, walked);
        expect(analysis.hasLoop).toBe(false);
        expect(analysis.stuck).toEqual([]);
        expect(analysis.trapped).toEqual([]);
        expect(analysis.paths).toBe(BigInt(walked.length));
        expect(analysis.endings.map((e) => ({ ...e, paths: Number(e.paths) }))).toEqual(counted.endings);
        expect(analysis.unreachableEndings).toEqual(counted.unreachable);
        expect(analysis.configurations).toBe(counted.configurations);
      }),
      { numRuns: 40 },
    );
  });
});

/** The analysis's figures, counted one path at a time. */
function bruteForceFigures(scenario: Scenario, walked: WalkedPath[]) {
  const endings = scenario.endings.flatMap((ending) => {
    const lengths = walked.filter((p) => p.snapshot.context.at === ending.id).map((p) => p.options.length);
    return lengths.length
      ? [{ ending: ending.id, paths: lengths.length, shortest: Math.min(...lengths), longest: Math.max(...lengths) }]
      : [];
  });
  const unreachable = scenario.endings.map((e) => e.id).filter((id) => !endings.some((e) => e.ending === id));
  // A configuration is a decision point or ending together with the world state there.
  const start = Object.fromEntries(scenario.variables.map((v) => [v.id, v.initial]));
  // Format 2: the path facts conditions read are part of the state, as the analysis tracks them.
  const read = factsRead(scenario);
  const facts = (chosen: Array<{ decision: string; option: string }>) =>
    read.map((fact) =>
      chosen.some((c) => (fact.includes('/') ? `${c.decision}/${c.option}` === fact : c.decision === fact)),
    );
  const configurations = new Set([JSON.stringify([scenario.start, start, facts([])])]);
  for (const { snapshot } of walked) {
    const { path } = snapshot.context;
    path.forEach((step, i) =>
      configurations.add(
        JSON.stringify([path[i + 1]?.decision ?? snapshot.context.at, step.world, facts(path.slice(0, i + 1))]),
      ),
    );
  }
  return { endings, unreachable, configurations: configurations.size };
}

/** The facts some condition reads: "decision/option" for chose and notChose, a decision id for passed and notPassed. */
function factsRead(scenario: Scenario): string[] {
  const found = new Set<string>();
  const names = (v: string | string[] | undefined) => (v === undefined ? [] : typeof v === 'string' ? [v] : v);
  for (const { condition: c } of findConditions(scenario)) {
    for (const name of [...names(c.chose), ...names(c.notChose)]) found.add(name);
    for (const name of [...names(c.passed), ...names(c.notPassed)]) found.add(name);
  }
  return [...found].sort();
}

describe('random corruptions of valid scenarios', () => {
  it.each(Object.entries(CORRUPTERS))('%s: rejected with an error at the right place, never a crash', (_, corrupt) => {
    fc.assert(
      fc.property(
        validScenario.chain((generated) => corrupt(generated)),
        (corruption) => {
          const result = checkInMemory(corruption.content, corruption.sources);
          const errors = errorsIn(result.diagnostics);
          expect(result.bundle).toBeUndefined();
          expect(errors.length).toBeGreaterThan(0);
          const lines = linesOf(corruption.content);
          for (const error of errors) {
            expect(error.line).toBeGreaterThanOrEqual(1);
            expect(error.line).toBeLessThanOrEqual(lines);
            expect(error.col).toBeGreaterThanOrEqual(1);
          }
          expect(
            errors.map((e) => e.path),
            JSON.stringify(errors, null, 1),
          ).toContain(corruption.path);
        },
      ),
      { numRuns: 15 },
    );
  });
});

function linesOf(content: string | Uint8Array): number {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  return text.split('\n').length;
}
