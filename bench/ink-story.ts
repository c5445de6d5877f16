/**
 * The same decision structure as a scenario, written as an ink story, so inkjs (a peer engine
 * for branching stories) can be measured on equal terms: one knot per decision point and ending,
 * one sticky choice per option, the same conditions, and the same clamped effects.
 */
import { plainText, targetsOf } from '../src/scenario/texts.ts';
import type { Condition, Effect, Option, Scenario, Variable } from '../src/scenario/schema.ts';

/** Ink names may not contain dashes. */
export const inkName = (id: string): string => id.replaceAll('-', '_');

export function inkStory(scenario: Scenario): string {
  const variables = new Map(scenario.variables.map((v) => [v.id, v]));
  const lines: string[] = scenario.variables.map((v) => `VAR ${inkName(v.id)} = ${v.initial}`);
  lines.push(`-> ${inkName(scenario.start)}`, '');
  for (const decision of scenario.decisions) {
    lines.push(`=== ${inkName(decision.id)} ===`, plainText(decision.situation));
    for (const option of decision.options) lines.push(...choice(option, variables));
    lines.push('');
  }
  for (const ending of scenario.endings)
    lines.push(`=== ${inkName(ending.id)} ===`, plainText(ending.text), '-> END', '');
  return lines.join('\n');
}

function choice(option: Option, variables: Map<string, Variable>): string[] {
  const conditions = (option.when ?? []).map((c) => `{${condition(c)}} `).join('');
  return [
    `+ ${conditions}[${option.label}]`,
    ...(option.effects ?? []).map((effect) => `  ~ ${assignment(effect, variables.get(effect.variable)!)}`),
    `  ${plainText(option.outcome)}`,
    `  -> ${inkName(targetsOf(option)[0]!)}`,
  ];
}

function condition(c: Condition): string {
  // Generated scenarios only have variable conditions.
  const name = inkName(c.variable!);
  const parts = [
    c.atLeast !== undefined ? `${name} >= ${c.atLeast}` : '',
    c.atMost !== undefined ? `${name} <= ${c.atMost}` : '',
  ];
  return parts.filter(Boolean).join(' && ');
}

function assignment(effect: Effect, variable: Variable): string {
  const name = inkName(effect.variable);
  const wanted = effect.set !== undefined ? `${effect.set}` : `${name} + ${effect.add ?? 0}`;
  return `${name} = MAX(${variable.min}, MIN(${variable.max}, ${wanted}))`;
}
