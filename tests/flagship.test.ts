import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guideDocument } from '../src/authoring/guide.ts';
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

  it('covers the four actors and at least six reachable endings', () => {
    const scenario = result.bundle!.scenario;
    expect(scenario.actors).toHaveLength(4);
    expect(result.analysis!.endings.length).toBeGreaterThanOrEqual(6);
    expect(result.analysis!.unreachableEndings).toEqual([]);
  });

  it('labels outcomes the article does not report as hypothetical, and uses every kind of evidence', () => {
    const scenario = result.bundle!.scenario;
    const reported = scenario.decisions.flatMap((d) =>
      d.options.filter((o) => o.evidence === 'reported').map((o) => o.id),
    );
    expect(reported).toEqual(['allow-limited']);
    // Every citation in the file, wherever it sits (variants, teacher material, map).
    const citationKinds = new Set<unknown>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (typeof o.quote === 'string') citationKinds.add(o.evidence);
        Object.values(o).forEach(walk);
      }
    };
    walk(scenario);
    for (const kind of ['reported', 'stated-position', 'analysis'] as const) expect(citationKinds).toContain(kind);
  });

  it('prints a teacher’s guide with every role brief and both lesson plans, and a handout without the teacher’s notes', () => {
    const bundle = result.bundle!;
    const guide = guideDocument(bundle, 'teacher');
    const handout = guideDocument(bundle, 'student');
    for (const actor of bundle.scenario.actors) expect(guide).toContain(actor.name.replace(/'/g, '&#39;'));
    expect(guide).toContain('<h3>30 minutes</h3>');
    expect(guide).toContain('<h3>45 minutes</h3>');
    expect(guide).toContain('For the teacher only');
    expect(handout).not.toContain('For the teacher only');
    expect(handout).not.toContain('How the branches run');
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
