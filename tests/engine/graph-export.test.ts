/**
 * Graph export: the Mermaid and dot text, read back, hold every decision point and ending with its
 * title and every option as an edge with its label, however the titles are punctuated.
 */
import { targetsOf } from '../../src/scenario/texts.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/authoring/graph-export.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { validScenario, type ScenarioDocument } from './arbitraries.ts';
import { bridgeScenario } from './helpers/bridge.ts';
import { generatedBundle } from './helpers/load.ts';

interface ReadGraph {
  /** Node name -> label. */
  nodes: Map<string, string>;
  endings: Set<string>;
  edges: string[];
}

/** Reads back the Mermaid flowchart exportGraph writes. Labels are quoted, with " written as #quot;. */
function readMermaid(text: string): ReadGraph {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('flowchart TD');
  const label = (quoted: string) => {
    expect(quoted, 'a quoted label has no quote inside').toMatch(/^"[^"]*"$/);
    return quoted.slice(1, -1).replaceAll('#quot;', '"');
  };
  const graph: ReadGraph = { nodes: new Map(), endings: new Set(), edges: [] };
  for (const line of lines.slice(1)) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(/^ {2}(\w+)\[(".*")\]$/))) graph.nodes.set(m[1]!, label(m[2]!));
    else if ((m = line.match(/^ {2}(\w+)\(\[(".*")\]\)$/))) graph.nodes.set(m[1]!, label(m[2]!));
    else if ((m = line.match(/^ {2}(\w+) -->\|(".*")\| (\w+)$/)))
      graph.edges.push(`${m[1]} -> ${m[3]}: ${label(m[2]!)}`);
    else if ((m = line.match(/^ {2}class ([\w,]+) ending$/)))
      m[1]!.split(',').forEach((name) => graph.endings.add(name));
    else expect(line).toMatch(/^ {2}classDef ending /);
  }
  return graph;
}

/** Reads back the Graphviz dot text exportGraph writes. Strings are quoted, with \ and " escaped by a backslash. */
function readDot(text: string): ReadGraph & { name: string } {
  const string = String.raw`"((?:[^"\\]|\\.)*)"`;
  const unquote = (s: string) => s.replace(/\\(.)/g, '$1');
  const lines = text.trimEnd().split('\n');
  const header = lines[0]!.match(new RegExp(`^digraph ${string} \\{$`));
  expect(header, lines[0]).not.toBeNull();
  expect(lines.at(-1)).toBe('}');
  const graph = {
    name: unquote(header![1]!),
    nodes: new Map<string, string>(),
    endings: new Set<string>(),
    edges: [] as string[],
  };
  for (const line of lines.slice(1, -1)) {
    let m: RegExpMatchArray | null;
    if ((m = line.match(new RegExp(`^ {2}${string} \\[label=${string}(, shape=doubleoctagon)?\\];$`)))) {
      graph.nodes.set(unquote(m[1]!), unquote(m[2]!));
      if (m[3]) graph.endings.add(unquote(m[1]!));
    } else if ((m = line.match(new RegExp(`^ {2}${string} -> ${string} \\[label=${string}\\];$`)))) {
      graph.edges.push(`${unquote(m[1]!)} -> ${unquote(m[2]!)}: ${unquote(m[3]!)}`);
    } else {
      expect(['  rankdir=TB;', '  node [shape=box];']).toContain(line);
    }
  }
  return graph;
}

/** The scenario's own graph, with each node named by `name`. */
function expectedGraph(scenario: Scenario, name: (id: string) => string) {
  return {
    nodes: new Map([...scenario.decisions, ...scenario.endings].map((node) => [name(node.id), node.title])),
    endings: new Set(scenario.endings.map((e) => name(e.id))),
    edges: scenario.decisions
      .flatMap((d) => d.options.flatMap((o) => targetsOf(o).map((to) => `${name(d.id)} -> ${name(to)}: ${o.label}`)))
      .sort(),
  };
}

function expectBothFormatsMatch(scenario: Scenario): void {
  const dot = readDot(exportGraph(scenario, 'dot'));
  expect(dot.name).toBe(scenario.id);
  expect({ nodes: dot.nodes, endings: dot.endings, edges: dot.edges.sort() }).toEqual(
    expectedGraph(scenario, (id) => id),
  );

  const mermaid = readMermaid(exportGraph(scenario, 'mermaid'));
  // Mermaid names nodes its own way; titles are unique in these scenarios, so a title finds its node.
  const titles = [...scenario.decisions, ...scenario.endings].map((node) => node.title);
  expect(new Set(titles).size, 'titles are unique in this test').toBe(titles.length);
  const byTitle = new Map([...mermaid.nodes].map(([name, title]) => [title, name]));
  const idToName = new Map(
    [...scenario.decisions, ...scenario.endings].map((node) => [
      node.id,
      byTitle.get(node.title) ?? `(no node titled ${node.title})`,
    ]),
  );
  expect({ ...mermaid, edges: mermaid.edges.sort() }).toEqual(expectedGraph(scenario, (id) => idToName.get(id)!));
}

/** The bridge scenario with ids and titles that are hard to write in Mermaid and dot. */
function awkwardBridge(): Scenario {
  const generated = bridgeScenario();
  const text = JSON.stringify(generated.document).replaceAll('"council"', '"a-b"').replaceAll('"traffic"', '"a_b"');
  const document = JSON.parse(text) as ScenarioDocument;
  document.id = 'quote-test';
  document.decisions[0]!.title = 'The "old" bridge: repair \\ or wait?';
  document.decisions[1]!.options[0]!.label = 'Say "enough" \\ close it';
  document.endings[0]!.title = '“Light” traffic';
  return generatedBundle({ ...generated, document }).scenario;
}

describe('exportGraph', () => {
  it('writes every decision point, ending and option of the bridge scenario', () => {
    expectBothFormatsMatch(generatedBundle(bridgeScenario()).scenario);
  });

  it('escapes quotes and backslashes, and keeps ids that differ only by - and _ apart', () => {
    const scenario = awkwardBridge();
    expectBothFormatsMatch(scenario);
    const mermaid = exportGraph(scenario, 'mermaid');
    expect(mermaid).toContain('#quot;old#quot;');
    expect(exportGraph(scenario, 'dot')).toContain(String.raw`"The \"old\" bridge: repair \\ or wait?"`);
    expect(readMermaid(mermaid).nodes.size).toBe(scenario.decisions.length + scenario.endings.length);
  });

  it('writes every node and edge of random scenarios', () => {
    fc.assert(
      fc.property(validScenario, (generated) => expectBothFormatsMatch(generatedBundle(generated).scenario)),
      { numRuns: 20 },
    );
  });
});
