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
import { analyzeScenario, type Analysis, type TextSiteRef } from './analyze.ts';

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
  // Format 2's path-aware findings name a path, which says more than a world state when facts matter.
  const describePath = (example: string[]) => (example.length ? `after ${example.join(' > ')}` : 'at the start');
  const sitePath = (site: TextSiteRef): DocPath =>
    site.kind === 'situation'
      ? ['decisions', site.decision, 'situation']
      : site.kind === 'outcome'
        ? ['decisions', site.decision, 'options', site.option, 'outcome']
        : ['endings', site.ending, 'text'];
  const siteName = (site: TextSiteRef) => {
    const scenario = bundle.scenario;
    if (site.kind === 'situation') return `the situation of "${scenario.decisions[site.decision]!.id}"`;
    if (site.kind === 'ending') return `the text of ending "${scenario.endings[site.ending]!.id}"`;
    const decision = scenario.decisions[site.decision]!;
    return `the outcome of "${decision.id}/${decision.options[site.option]!.id}"`;
  };
  const optionPath = (decision: string, option: string): DocPath => {
    const d = bundle.scenario.decisions.findIndex((x) => x.id === decision);
    return ['decisions', d, 'options', bundle.scenario.decisions[d]!.options.findIndex((x) => x.id === option)];
  };

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
  for (const { site, example, world } of analysis.noVariant) {
    at(
      'error',
      sitePath(site),
      `no variant of ${siteName(site)} applies ${describePath(example)} (${describeWorld(world)}): add a variant for this path or a fallback without "when" at the end`,
    );
  }
  for (const { decision, option, example, world } of analysis.noRoute) {
    at(
      'error',
      [...optionPath(decision, option), 'next'],
      `no route of "${decision}/${option}" applies when it is chosen ${describePath(example)} (${describeWorld(world)}): add a route for this path or a fallback without "when" at the end`,
    );
  }
  for (const { site, variant } of analysis.unreachedVariants) {
    at('warning', [...sitePath(site), variant], `no path shows variant ${variant + 1} of ${siteName(site)}`);
  }
  // Format 1 keeps the messages it always had; this check came with format 2.
  for (const { decision, option, example } of validation.writtenIn === 1 ? [] : analysis.singleOption) {
    at(
      'warning',
      decisionPath(bundle.scenario, decision),
      `decision point "${decision}" offers only one option ("${option}") ${describePath(example)}: a choice of one is no choice; offer another option there or route past it`,
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
