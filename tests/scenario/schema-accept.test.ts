/**
 * The fast walk of schema-accept.ts against zod's safeParse: for every document it accepts, the
 * value must be exactly safeParse's (key order included: JSON.stringify tells it, deep equality
 * does not), and it must accept every valid document the tests and fixtures hold, so the slow way
 * stays the exception. What it refuses goes to safeParse, so a refusal can only cost time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { accepter, REJECTED } from '../../src/scenario/schema-accept.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
import { ScenarioSchemaV1 } from '../../src/scenario/schema-v1.ts';
import { generateScenario } from '../../bench/generate.ts';
import { toYaml, validScenario } from '../engine/arbitraries.ts';
import { corruptedScenario } from '../engine/corruptions.ts';

const schemas = [
  ['format 2', ScenarioSchema, accepter(ScenarioSchema)!],
  ['format 1', ScenarioSchemaV1, accepter(ScenarioSchemaV1)!],
] as const;

/** Whether the fast walk accepted the document (under some schema), failing the test on any difference from zod. */
function agrees(document: unknown): boolean {
  let acceptedAny = false;
  for (const [name, schema, accept] of schemas) {
    const zod = schema.safeParse(document);
    const fast = accept(document);
    if (zod.success) expect(fast, `${name}: refused a valid document`).not.toBe(REJECTED);
    if (fast === REJECTED) continue;
    acceptedAny = true;
    expect(zod.success, `${name}: accepted an invalid document`).toBe(true);
    expect(fast).toStrictEqual(zod.data);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
  }
  return acceptedAny;
}

const parsed = (text: string): unknown => {
  const outcome = parseScenarioText(text, 'scenario.yaml', { maxBytes: Infinity });
  return outcome.ok ? outcome.file.value : undefined;
};

const scenarioFiles = () => {
  const files = ['scenarios/atacms-2024/scenario.yaml'];
  for (const kind of ['valid', 'invalid'])
    for (const name of readdirSync(join('tests/fixtures', kind))) {
      const file = join('tests/fixtures', kind, name, 'scenario.yaml');
      if (existsSync(file)) files.push(file);
    }
  return files;
};

describe('the fast schema walk gives what safeParse gives', () => {
  it('on the flagship and every fixture', () => {
    let accepted = 0;
    for (const file of scenarioFiles()) if (agrees(parsed(readFileSync(file, 'utf8')))) accepted++;
    // The flagship, the valid fixtures and the invalid ones whose problems lie past the schema.
    expect(accepted).toBeGreaterThan(20);
  });

  it('on a generated bench scenario, keeping the document as it is', () => {
    const document = parsed(generateScenario({ seed: 3, decisions: 300 }).yaml);
    expect(agrees(document)).toBe(true);
    expect(schemas[0][2](document)).toBe(document);
  });

  it('on random valid scenarios and random corruptions of them', () => {
    fc.assert(
      fc.property(validScenario, (g) => {
        expect(agrees(parsed(toYaml(g.document)))).toBe(true);
      }),
      { numRuns: 100, seed: 5 },
    );
    fc.assert(
      fc.property(corruptedScenario, (c) => {
        if (typeof c.content === 'string') agrees(parsed(c.content));
      }),
      { numRuns: 150, seed: 6 },
    );
  });

  it('copies only what differs: keys in the schema order, texts trimmed, defaults filled in', () => {
    const text = readFileSync('tests/fixtures/valid/two-decisions/scenario.yaml', 'utf8');
    const document = parseYaml(text) as Record<string, unknown>;
    const decisions = document.decisions as Array<Record<string, unknown>>;
    const { id, ...rest } = decisions[0]!;
    decisions[0] = { ...rest, id, title: `  ${String(rest.title)}  ` };
    delete document.variables;
    const reordered = { endings: document.endings, ...document };
    expect(agrees(reordered)).toBe(true);
    const value = schemas[1][2](reordered) as Record<string, unknown>;
    expect(Object.keys(value)[0]).toBe('format');
    expect(value.variables).toEqual([]);
    const first = (value.decisions as Array<Record<string, unknown>>)[0]!;
    expect(first.title).toBe(String(rest.title).trim());
    expect(Object.keys(first)[0]).toBe('id');
    // An untouched part is the document's own.
    expect(value.sources).toBe(document.sources);
  });

  it('refuses what zod refuses, and leaves to zod an alias that nests without end', () => {
    const text = readFileSync('tests/fixtures/valid/two-decisions/scenario.yaml', 'utf8');
    const document = parseYaml(text) as Record<string, unknown>;
    expect(agrees({ ...document, extra: 1 })).toBe(false);
    expect(agrees({ ...document, title: '   ' })).toBe(false);
    const condition: Record<string, unknown> = {};
    condition.anyOf = [condition];
    expect(schemas[0][2]({ ...document, format: 2, decisions: [{ options: [{ when: [condition] }] }] })).toBe(REJECTED);
  });
});
