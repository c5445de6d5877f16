import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../src/engine/check.ts';
import { readBeside, readBytes } from '../src/node/scenario-files.ts';
import { scenarioJsonSchema } from '../src/scenario/schema.ts';

const FILE = 'scenarios/atacms-2024/scenario.yaml';
const SHARED_SOURCE = '../shared/sources/atacms-strikes-inside-russia.txt';

describe('the flagship scenario', () => {
  const result = checkScenario(FILE, readBytes(FILE), readBeside(FILE));

  it('validates with no errors or warnings', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.bundle).toBeDefined();
  });

  it('covers the four actors and at least four reachable endings', () => {
    const scenario = result.bundle!.scenario;
    expect(scenario.actors).toHaveLength(4);
    expect(result.analysis!.endings.length).toBeGreaterThanOrEqual(4);
    expect(result.analysis!.unreachableEndings).toEqual([]);
  });

  it('labels outcomes the article does not report as hypothetical, and uses every kind of evidence', () => {
    const scenario = result.bundle!.scenario;
    const reported = scenario.decisions.flatMap((d) =>
      d.options.filter((o) => o.evidence === 'reported').map((o) => o.id),
    );
    expect(reported).toEqual(['allow-limited']);
    const citationKinds = new Set(
      [
        ...scenario.decisions.flatMap((d) => [...(d.citations ?? []), ...d.options.flatMap((o) => o.citations)]),
        ...scenario.endings.flatMap((e) => e.citations),
      ].map((c) => c.evidence),
    );
    for (const kind of ['reported', 'stated-position', 'analysis'] as const) expect(citationKinds).toContain(kind);
  });

  it.runIf(existsSync(SHARED_SOURCE))('keeps its source text exactly as received', () => {
    expect(readFileSync('scenarios/atacms-2024/sources/atacms-strikes-inside-russia.txt')).toEqual(
      readFileSync(SHARED_SOURCE),
    );
  });
});

describe('the JSON Schema for editors', () => {
  it('is up to date with the format (regenerate with npm run schema)', () => {
    const committed = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
