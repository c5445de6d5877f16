/**
 * `npm run scenario -- paths --json` and `--list`: the JSON has the endings, the paths per ending
 * and the endings after each first option, as the real machine plays them; the list shows real paths.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { analysisJson, formatPathList, pathLimit } from '../../src/cli/format-analysis.ts';
import { listPaths } from '../../src/engine/analyze.ts';
import { checkFolder, repoRoot } from '../engine/helpers/load.ts';
import { walkEveryPath } from '../engine/helpers/walk.ts';

const folder = join(repoRoot, 'tests/fixtures/valid/format-2-bridge');

describe('paths --json', () => {
  it('gives endings, paths per ending and the endings after each first option, as the machine plays them', () => {
    const result = checkFolder(folder);
    const json = JSON.parse(analysisJson(result));
    const scenario = result.bundle!.scenario;
    const walked = walkEveryPath(compileScenario(scenario), scenario);
    const endingsOf = (paths: typeof walked) => [...new Set(paths.map((p) => p.snapshot.context.at))].sort();
    expect([...json.endings].sort()).toEqual(endingsOf(walked));
    for (const ending of json.endings)
      expect(json.pathsPerEnding[ending]).toBe(walked.filter((p) => p.snapshot.context.at === ending).length);
    const start = scenario.decisions.find((d) => d.id === scenario.start)!;
    expect(Object.keys(json.byFirstOption)).toEqual(start.options.map((o) => o.id));
    for (const option of start.options)
      expect([...json.byFirstOption[option.id]].sort()).toEqual(
        endingsOf(walked.filter((p) => p.options[0] === option.id)),
      );
    expect(json.byFirstOption).toEqual({ repair: ['safe', 'waiting'], wait: ['waiting'] });
  });
});

describe('paths --list', () => {
  it('lists every path the machine allows, with labels, up to the limit', () => {
    const result = checkFolder(folder);
    const scenario = result.bundle!.scenario;
    const walked = walkEveryPath(compileScenario(scenario), scenario).map((p) => p.options.join(' > '));
    const listed = listPaths(scenario, 100).map((p) => p.choices.map((c) => c.option).join(' > '));
    expect([...listed].sort()).toEqual([...walked].sort());
    const text = formatPathList(result, 2);
    expect(text.split('\n')[0]).toBe('The bridge, again (bridge-2): 2 of 4 paths (--limit N for more)');
    expect(text).toContain('1. repair (Repair now) > limit (Limit to light traffic) => safe');
  });

  it('takes a limit of 1 or more', () => {
    expect(pathLimit(undefined)).toBe(20);
    expect(pathLimit('5')).toBe(5);
    expect(() => pathLimit('0')).toThrow(/--limit/);
    expect(() => pathLimit('x')).toThrow(/--limit/);
  });
});
