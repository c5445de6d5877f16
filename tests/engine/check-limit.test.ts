/**
 * A world state too big to analyse is a problem of the file, reported as an error diagnostic, not
 * a crash. Reaching the real limit takes millions of configurations, so the analysis is replaced by
 * one that fails the way the real one does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Analyze from '../../src/engine/analyze.ts';
import { bridgeScenario } from './helpers/bridge.ts';
import { checkGenerated } from './helpers/load.ts';

const failure = vi.hoisted(() => ({ error: undefined as Error | undefined }));

vi.mock('../../src/engine/analyze.ts', async (importOriginal) => {
  const original = await importOriginal<typeof Analyze>();
  return {
    ...original,
    analyzeScenario: (...args: Parameters<typeof original.analyzeScenario>) => {
      if (failure.error) throw failure.error;
      return original.analyzeScenario(...args);
    },
  };
});

afterEach(() => {
  failure.error = undefined;
});

describe('checkScenario when the analysis gives up', () => {
  it('reports too many configurations as an error at the variables', () => {
    failure.error = new Error('More than 2000000 configurations: the world state is too large to analyse');
    const result = checkGenerated(bridgeScenario());
    expect(result.bundle).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      file: 'scenario.yaml',
      path: 'variables',
      message: expect.stringMatching(/^More than 2000000 configurations/),
    });
    expect(errors[0]!.line).toBeGreaterThan(1);
  });

  it('still throws errors that are the program’s fault', () => {
    failure.error = new TypeError('cannot read properties of undefined');
    expect(() => checkGenerated(bridgeScenario())).toThrow(TypeError);
  });

  it('analyses as usual otherwise', () => {
    const result = checkGenerated(bridgeScenario());
    expect(result.bundle).toBeDefined();
    expect(result.analysis?.endings.map((e) => e.ending)).toEqual(['safe', 'costly']);
  });
});
