/** The scenario's structure as text for diagram tools: Mermaid (renders in GitHub and many editors) or Graphviz dot. */
import type { Scenario } from '../scenario/schema.ts';
import { targetsOf } from '../scenario/texts.ts';

export type GraphFormat = 'mermaid' | 'dot';

export function exportGraph(scenario: Scenario, format: GraphFormat): string {
  return format === 'mermaid' ? mermaid(scenario) : dot(scenario);
}

function mermaid(scenario: Scenario): string {
  const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
  const lines = ['flowchart TD'];
  for (const d of scenario.decisions) lines.push(`  ${safe(d.id)}[${label(d.title)}]`);
  for (const e of scenario.endings) lines.push(`  ${safe(e.id)}([${label(e.title)}])`);
  for (const d of scenario.decisions) {
    for (const o of d.options)
      for (const next of targetsOf(o)) lines.push(`  ${safe(d.id)} -->|${label(o.label)}| ${safe(next)}`);
  }
  lines.push(`  classDef ending stroke-width:3px`);
  if (scenario.endings.length) lines.push(`  class ${scenario.endings.map((e) => safe(e.id)).join(',')} ending`);
  return lines.join('\n') + '\n';
}

function dot(scenario: Scenario): string {
  const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = [`digraph ${quote(scenario.id)} {`, '  rankdir=TB;', '  node [shape=box];'];
  for (const d of scenario.decisions) lines.push(`  ${quote(d.id)} [label=${quote(d.title)}];`);
  for (const e of scenario.endings) lines.push(`  ${quote(e.id)} [label=${quote(e.title)}, shape=doubleoctagon];`);
  for (const d of scenario.decisions) {
    for (const o of d.options)
      for (const next of targetsOf(o)) lines.push(`  ${quote(d.id)} -> ${quote(next)} [label=${quote(o.label)}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Mermaid node names cannot hold dashes. Ids never repeat a separator, so this mapping cannot collide. */
const safe = (id: string) => `n_${id.replace(/_/g, '__').replace(/-/g, '_')}`;
