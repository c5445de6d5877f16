/**
 * The full check of a scenario file: the format's validation, then the engine's analysis of every
 * reachable world state (where a player could be stuck, options never offered). The CLI, the
 * build and the browser all call this one function.
 */
import type { Diagnostic, DocPath } from '../scenario/diagnostic.ts';
import { formatPath, hasErrors, sortDiagnostics } from '../scenario/diagnostic.ts';
import { validateScenario, type ReadFile, type ScenarioBundle } from '../scenario/validate.ts';
import type { ParseLimits } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { analyzeScenario, type Analysis } from './analyze.ts';

export interface CheckResult {
  bundle?: ScenarioBundle;
  analysis?: Analysis;
  diagnostics: Diagnostic[];
}

export function checkScenario(
  file: string,
  content: Uint8Array | string,
  readFile: ReadFile,
  limits?: ParseLimits,
): CheckResult {
  const validation = validateScenario(file, content, readFile, limits);
  if (!validation.bundle || !validation.parsed) return { diagnostics: validation.diagnostics };
  const { parsed, bundle } = validation;
  const extra: Diagnostic[] = [];
  const at = (severity: Diagnostic['severity'], path: DocPath, message: string) => {
    const { line, col } = parsed.locate(path);
    extra.push({ file, line, col, severity, path: formatPath(path), message });
  };
  let analysis: Analysis;
  try {
    analysis = analyzeScenario(bundle.scenario);
  } catch (error) {
    // The analysis refuses world states too big to explore: a problem of the file, reported like any other.
    if (!(error instanceof Error) || !/configurations/i.test(error.message)) throw error;
    at(
      'error',
      ['variables'],
      `${error.message}. Narrow the variables' ranges or the effects that change them, so every reachable world state can be checked.`,
    );
    return { diagnostics: sortDiagnostics([...validation.diagnostics, ...extra]) };
  }
  const decisionPath = (scenario: Scenario, id: string): DocPath => [
    'decisions',
    scenario.decisions.findIndex((d) => d.id === id),
    'id',
  ];
  const describeWorld = (world: Record<string, number>) =>
    Object.entries(world)
      .map(([name, value]) => `${name} = ${value}`)
      .join(', ') || 'the initial state';

  for (const { decision, world } of analysis.stuck.slice(0, 5)) {
    at(
      'error',
      decisionPath(bundle.scenario, decision),
      `a player can get stuck at "${decision}": no option is offered when ${describeWorld(world)}`,
    );
  }
  for (const { decision, world } of analysis.trapped.slice(0, 5)) {
    at(
      'error',
      decisionPath(bundle.scenario, decision),
      `from "${decision}" with ${describeWorld(world)} no ending can be reached`,
    );
  }
  for (const { decision, option } of analysis.neverOffered) {
    const d = bundle.scenario.decisions.findIndex((x) => x.id === decision);
    const o = bundle.scenario.decisions[d]!.options.findIndex((x) => x.id === option);
    at(
      'warning',
      ['decisions', d, 'options', o, 'when'],
      `option "${option}" is never offered: its conditions never hold in any reachable world state`,
    );
  }
  for (const ending of analysis.unreachableEndings) {
    at(
      'warning',
      ['endings', bundle.scenario.endings.findIndex((e) => e.id === ending), 'id'],
      `ending "${ending}" can never be reached`,
    );
  }
  const diagnostics = sortDiagnostics([...validation.diagnostics, ...extra]);
  return hasErrors(diagnostics) ? { analysis, diagnostics } : { bundle, analysis, diagnostics };
}
