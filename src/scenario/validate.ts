/**
 * Scenario file text (and its source files) -> a checked ScenarioBundle, or every problem found.
 * The same function runs in the CLI, the build and the browser; file access is passed in.
 */
import type { Diagnostic, DocPath, Severity } from './diagnostic.ts';
import { formatPath, hasErrors, sortDiagnostics } from './diagnostic.ts';
import { decodeText, parseScenarioText, type ParsedFile, type ParseLimits } from './parse.ts';
import { quoteChecker } from './quote.ts';
import type { Citation, Effect, Route, Scenario } from './schema.ts';
import { shapeScenario } from './format.ts';
import { schemaDiagnostics } from './schema-issues.ts';
import { checkStructure } from './structure.ts';
import { findConditions, forEachText, type FoundCondition } from './texts.ts';
import { namesIn, optionResolver } from './option-refs.ts';
import { checkLengths, checkStage, checkTeacher, checkVariantOrder } from './checks-format2.ts';
import { didYouMean } from '../lib/similar.ts';
import { salvage, type Salvaged } from './salvage.ts';
import { describePlace, withPlaces } from './place.ts';
import { misquote } from './misquote.ts';
import { checkLeftovers } from './leftovers.ts';

/** A scenario that passed validation, with the text of each source by source id. */
export interface ScenarioBundle {
  scenario: Scenario;
  sources: Record<string, string>;
}

/** Reads a file named relative to the scenario file; undefined when there is no such file. */
export type ReadFile = (relativePath: string) => Uint8Array | string | undefined;

export interface ValidationResult {
  bundle?: ScenarioBundle;
  /** Parsed file, for later checks (such as the engine's analysis) that need line numbers. */
  parsed?: ParsedFile;
  /**
   * The format the file is written in. A format-1 file gets exactly the checks and messages it
   * always got; the checks format 2 brought (lengths, a choice of one) apply to format-2 files.
   */
  writtenIn?: 1 | 2;
  diagnostics: Diagnostic[];
}

export function validateScenario(
  file: string,
  content: Uint8Array | string,
  readFile: ReadFile,
  limits?: ParseLimits,
): ValidationResult {
  const decoded = typeof content === 'string' ? { ok: true as const, text: content } : decodeText(content, file);
  if (!decoded.ok) return { diagnostics: decoded.diagnostics };
  const parsedOutcome = parseScenarioText(decoded.text, file, limits);
  if (!parsedOutcome.ok) return { diagnostics: sortDiagnostics(parsedOutcome.diagnostics) };
  return validateParsed(parsedOutcome.file, file, readFile);
}

/** The checks after reading the YAML: the schema, then references, variables, citations and structure. */
export function validateParsed(parsed: ParsedFile, file: string, readFile: ReadFile): ValidationResult {
  // A format-1 file is checked with the format-1 schema, then migrated: everything below sees format 2.
  const shaped = shapeScenario(parsed.value);
  if (!shaped.ok) {
    const shapeProblems = schemaDiagnostics(shaped.issues, shaped.schema, parsed, file);
    // The parts that are well-formed are still checked, so every problem shows at once.
    const salvaged = salvage(parsed.value, shaped.issues, shaped.schema);
    const later = salvaged
      ? runChecks(salvaged.scenario, salvaged.writtenIn, readFile, reporter(parsed, file, salvaged))
      : [];
    const seen = new Set(shapeProblems.map((d) => `${d.line}:${d.col}:${d.message}`));
    const extra = later.filter((d) => !seen.has(`${d.line}:${d.col}:${d.message}`));
    const diagnostics = withPlaces(sortDiagnostics([...shapeProblems, ...extra]), parsed.value);
    return { parsed, diagnostics, writtenIn: salvaged?.writtenIn };
  }
  const scenario = shaped.scenario;
  const writtenIn = shaped.writtenIn;
  const report = reporter(parsed, file);
  const sources = runChecks(scenario, writtenIn, readFile, report, true);
  const diagnostics = withPlaces(sortDiagnostics(report.list), parsed.value);
  const bundle = hasErrors(diagnostics)
    ? undefined
    : { scenario, sources: Object.fromEntries([...sources].map(([id, s]) => [id, s.raw])) };
  return { bundle, parsed, diagnostics, writtenIn };
}

function runChecks(scenario: Scenario, writtenIn: 1 | 2, readFile: ReadFile, report: Reporter): Diagnostic[];
function runChecks(
  scenario: Scenario,
  writtenIn: 1 | 2,
  readFile: ReadFile,
  report: Reporter,
  whole: true,
): Map<string, LoadedSource>;
function runChecks(
  scenario: Scenario,
  writtenIn: 1 | 2,
  readFile: ReadFile,
  report: Reporter,
  whole?: true,
): Diagnostic[] | Map<string, LoadedSource> {
  const sources = loadSources(scenario, readFile, report);
  checkIds(scenario, report);
  // Found once for the checks that read every condition; never kept on the scenario object,
  // which may be the document's own (see schema-accept.ts).
  const conditions = findConditions(scenario);
  checkReferences(scenario, conditions, report);
  checkVariables(scenario, conditions, report);
  const cited = checkCitations(scenario, sources, report);
  checkVariantOrder(scenario, report);
  checkStage(scenario, report);
  checkTeacher(scenario, report);
  checkLeftovers(scenario, sources, report);
  // Reachability and unused ids look at the whole scenario: with parts set aside they would mislead.
  if (whole || !report.partial) {
    checkStructure(scenario, report);
    checkUnused(scenario, cited, conditions, report);
  }
  if (writtenIn === 2) checkLengths(scenario, report);
  return whole ? sources : report.list;
}

export interface Reporter {
  list: Diagnostic[];
  /** True when checking a scenario with parts set aside (see salvage.ts). */
  partial?: boolean;
  /** The file as read, for naming places in the author's words. */
  tree?: unknown;
  /** The file's text, when known: lets a check that looks for a word skip its walk when the word is absent. */
  text?: string;
  /** The line a path is on in the author's file; undefined for a part made up while checking. */
  lineOf(path: DocPath): number | undefined;
  error(path: DocPath, message: string, detail?: Detail): void;
  warning(path: DocPath, message: string, detail?: Detail): void;
}

/** What a diagnostic may carry besides its message (structured data for screens and tools). */
export type Detail = Pick<Diagnostic, 'difference'>;

// "there is no actor "x"", "decision point "d" has no option "o"": the ids a broken reference names.
const NAMED = /"([^"]+)"/g;
const isMissingReference = (message: string) => /^there is no |has no option /.test(message);

function reporter(parsed: ParsedFile, file: string, salvaged?: Salvaged): Reporter {
  const list: Diagnostic[] = [];
  const add = (severity: Severity) => (at: DocPath, message: string, detail?: Detail) => {
    // A reference to an item set aside for its own problem is not broken: its problem is already reported.
    if (salvaged && isMissingReference(message)) {
      const named = [...message.matchAll(NAMED)].map((m) => m[1]!.split('/')[0]!);
      if (named.some((id) => salvaged.setAside.has(id))) return;
    }
    const path = salvaged ? salvaged.original(at) : at;
    if (!path) return;
    const { line, col } = parsed.locate(path);
    list.push({ file, line, col, severity, path: formatPath(path), message, ...detail });
  };
  const lineOf = (at: DocPath) => {
    const path = salvaged ? salvaged.original(at) : at;
    return path ? parsed.locate(path).line : undefined;
  };
  return {
    list,
    partial: salvaged?.partial,
    tree: parsed.value,
    text: parsed.text,
    lineOf,
    error: add('error'),
    warning: add('warning'),
  };
}

interface LoadedSource {
  raw: string;
  hasQuote: (quote: string) => boolean;
}

function loadSources(scenario: Scenario, readFile: ReadFile, report: Reporter): Map<string, LoadedSource> {
  const loaded = new Map<string, LoadedSource>();
  scenario.sources.forEach((source, index) => {
    const content = readFile(source.file);
    if (content === undefined) {
      report.error(['sources', index, 'file'], `source file "${source.file}" was not found beside the scenario`);
      return;
    }
    const decoded =
      typeof content === 'string' ? { ok: true as const, text: content } : decodeText(content, source.file);
    if (!decoded.ok) {
      report.error(['sources', index, 'file'], `source file "${source.file}": ${decoded.diagnostics[0]?.message}`);
      return;
    }
    if (decoded.text.trim() === '') {
      report.error(['sources', index, 'file'], `source file "${source.file}" is empty`);
      return;
    }
    loaded.set(source.id, { raw: decoded.text, hasQuote: quoteChecker(decoded.text) });
  });
  return loaded;
}

/** Ids seen so far in one namespace: each id's number in the order seen, and the lists they came from. */
interface SeenIds {
  numbers: Map<string, number>;
  lists: Array<{ what: string; at: (index: number) => DocPath; first: number }>;
  count: number;
}

function checkIds(scenario: Scenario, report: Reporter): void {
  // Where each id was first seen is described only when it is used again, which is rare: until
  // then an id is kept with a number, not with a function describing it.
  const describe = (seen: SeenIds, number: number) => {
    const list = seen.lists.findLast((l) => l.first <= number)!;
    return firstUse(list.what, list.at(number - list.first), number - list.first, report);
  };
  const unique = (
    items: ReadonlyArray<{ id: string }>,
    at: (index: number) => DocPath,
    what: string,
    seen: SeenIds = { numbers: new Map(), lists: [], count: 0 },
  ) => {
    const first = seen.count;
    seen.lists.push({ what, at, first });
    for (let index = 0; index < items.length; index++) {
      const id = items[index]!.id;
      const earlier = seen.numbers.get(id);
      if (earlier !== undefined)
        report.error([...at(index), 'id'], `the id "${id}" is already used by ${describe(seen, earlier)}`);
      else seen.numbers.set(id, first + index);
    }
    seen.count = first + items.length;
    return seen;
  };
  unique(scenario.sources, (i) => ['sources', i], 'source');
  unique(scenario.actors, (i) => ['actors', i], 'actor');
  unique(scenario.variables, (i) => ['variables', i], 'variable');
  // Decision points and endings share one namespace: an option's "next" may name either.
  const steps = unique(scenario.decisions, (i) => ['decisions', i], 'decision point');
  unique(scenario.endings, (i) => ['endings', i], 'ending', steps);
  // Options are checked within each decision point; most have two to four, so a pairwise look
  // costs less than a map per decision point, which is made only when there is a repeat.
  const repeatedOptions = (options: ReadonlyArray<{ id: string }>, d: number) =>
    unique(options, (i) => ['decisions', d, 'options', i], 'option');
  for (let d = 0; d < scenario.decisions.length; d++) {
    const options = scenario.decisions[d]!.options;
    let repeated = false;
    for (let i = 1; i < options.length && !repeated; i++)
      for (let j = 0; j < i; j++) if (options[i]!.id === options[j]!.id) repeated = true;
    if (repeated) repeatedOptions(options, d);
  }
  if (scenario.map) {
    unique(scenario.map.places, (i) => ['map', 'places', i], 'place');
    unique(scenario.map.ranges ?? [], (i) => ['map', 'ranges', i], 'range');
  }
}

/** "option 1 of decision point “council”, on line 30": the author's words and the line, not a path. */
function firstUse(what: string, path: DocPath, index: number, report: Reporter): string {
  const owner = path.length > 2 ? ` of ${describePlace(formatPath(path.slice(0, -2)), report.tree)}` : '';
  const line = report.lineOf([...path, 'id']);
  return `${what} ${index + 1}${owner}${line ? `, on line ${line}` : ''}: give each its own id`;
}

function checkReferences(scenario: Scenario, conditions: readonly FoundCondition[], report: Reporter): void {
  // Sets, not arrays, and paths made only for a broken reference: a large scenario has tens of
  // thousands of references into thousands of ids.
  const ids = (items: ReadonlyArray<{ id: string }>) => new Set(items.map((item) => item.id));
  const decisions = ids(scenario.decisions);
  const steps = new Set(decisions);
  for (const ending of scenario.endings) steps.add(ending.id);
  const refer = (value: string, known: ReadonlySet<string>, what: string, path: () => DocPath) => {
    if (known.has(value)) return;
    const guess = didYouMean(value, known);
    report.error(path(), `there is no ${what} "${value}"${guess ? `: did you mean "${guess}"?` : ''}`);
  };
  refer(scenario.start, decisions, 'decision point', () => ['start']);
  const actors = ids(scenario.actors);
  const variables = ids(scenario.variables);
  // Plain loops holding no function, and paths made only when a reference is broken: a function
  // in a loop body that reads the loop's variables costs an allocation per option, even unmade.
  const broken = (value: string, known: ReadonlySet<string>, what: string, ...path: Array<string | number>) =>
    refer(value, known, what, () => path);
  const decisionsList = scenario.decisions;
  for (let d = 0; d < decisionsList.length; d++) {
    const decision = decisionsList[d]!;
    if (!actors.has(decision.actor)) broken(decision.actor, actors, 'actor', 'decisions', d, 'actor');
    const options = decision.options;
    for (let o = 0; o < options.length; o++) {
      const option = options[o]!;
      const next = option.next;
      if (typeof next !== 'string') checkRoutes(next, steps, broken, d, o);
      else if (!steps.has(next)) broken(next, steps, 'decision point or ending', 'decisions', d, 'options', o, 'next');
      const effects = option.effects;
      if (effects)
        for (let e = 0; e < effects.length; e++)
          if (!variables.has(effects[e]!.variable))
            broken(effects[e]!.variable, variables, 'variable', 'decisions', d, 'options', o, 'effects', e, 'variable');
    }
  }
  // Built on the first option name: most scenarios name none, and it indexes every option.
  let resolver: ReturnType<typeof optionResolver> | undefined;
  const resolve = (name: string) => (resolver ??= optionResolver(scenario))(name);
  for (const { condition, path } of conditions) {
    if (condition.variable !== undefined) refer(condition.variable, variables, 'variable', () => [...path, 'variable']);
    for (const key of ['chose', 'notChose'] as const) {
      const names = namesIn(condition[key]);
      names.forEach((name, n) => {
        const resolved = resolve(name);
        if (!resolved.ok)
          report.error(typeof condition[key] === 'string' ? [...path, key] : [...path, key, n], resolved.message);
      });
    }
    for (const key of ['passed', 'notPassed'] as const) {
      namesIn(condition[key]).forEach((name, n) =>
        refer(name, decisions, 'decision point', () =>
          typeof condition[key] === 'string' ? [...path, key] : [...path, key, n],
        ),
      );
    }
  }
  const places = ids(scenario.map?.places ?? []);
  scenario.map?.ranges?.forEach((range, r) =>
    refer(range.center, places, 'place', () => ['map', 'ranges', r, 'center']),
  );
}

type Broken = (value: string, known: ReadonlySet<string>, what: string, ...path: Array<string | number>) => void;

function checkRoutes(routes: readonly Route[], steps: ReadonlySet<string>, broken: Broken, d: number, o: number) {
  routes.forEach((route, r) =>
    broken(route.to, steps, 'decision point or ending', 'decisions', d, 'options', o, 'next', r, 'to'),
  );
}

function checkVariables(scenario: Scenario, conditions: readonly FoundCondition[], report: Reporter): void {
  // A variable whose own range is wrong is reported once, not again at every option that uses it.
  const byId = new Map(
    scenario.variables.filter((variable) => variable.min < variable.max).map((variable) => [variable.id, variable]),
  );
  scenario.variables.forEach((variable, v) => {
    if (variable.min >= variable.max)
      report.error(['variables', v, 'max'], `"max" (${variable.max}) must be greater than "min" (${variable.min})`);
    else if (variable.initial < variable.min || variable.initial > variable.max) {
      report.error(
        ['variables', v, 'initial'],
        `"initial" (${variable.initial}) is outside the range ${variable.min} to ${variable.max}`,
      );
    }
  });
  // Plain loops: callbacks per decision point and per option would be made for each of thousands.
  const inRange = (effect: Effect, d: number, o: number, e: number) => {
    const variable = byId.get(effect.variable);
    if (!variable) return;
    const outOfRange = effect.set !== undefined && (effect.set < variable.min || effect.set > variable.max);
    const tooLarge = effect.add !== undefined && Math.abs(effect.add) > variable.max - variable.min;
    // Words and paths are made only for a problem: a large scenario has tens of thousands of effects.
    if (!outOfRange && !tooLarge) return;
    const range = `${variable.label} runs from ${variable.min} to ${variable.max}`;
    const at: DocPath = ['decisions', d, 'options', o, 'effects', e];
    if (outOfRange) report.error([...at, 'set'], `sets "${variable.id}" to ${effect.set}, outside its range: ${range}`);
    if (tooLarge)
      report.error([...at, 'add'], `adds ${effect.add} to "${variable.id}", more than its whole range: ${range}`);
  };
  const decisions = scenario.decisions;
  for (let d = 0; d < decisions.length; d++) {
    const options = decisions[d]!.options;
    for (let o = 0; o < options.length; o++) {
      const effects = options[o]!.effects;
      if (effects) for (let e = 0; e < effects.length; e++) inRange(effects[e]!, d, o, e);
    }
  }
  for (const { condition, path, guards } of conditions) {
    const variable = condition.variable === undefined ? undefined : byId.get(condition.variable);
    if (!variable) continue;
    // Format 1 only had option conditions; their words stay as they were.
    const never = guards === 'option' ? 'the option is never offered' : 'this condition never holds';
    const neverCan = guards === 'option' ? 'the option can never be offered' : 'this condition can never hold';
    for (const bound of ['atLeast', 'atMost'] as const) {
      const value = condition[bound];
      if (value === undefined || (value >= variable.min && value <= variable.max)) continue;
      const above = value > variable.max;
      const alwaysHolds = (bound === 'atLeast') !== above;
      report.error(
        [...path, bound],
        `${bound} ${value} is ${above ? 'above the top' : 'below the bottom'} of the range of "${variable.id}" (${variable.min} to ${variable.max}), ${alwaysHolds ? 'so this bound always holds' : `so ${never}`}`,
      );
    }
    if (condition.atLeast !== undefined && condition.atMost !== undefined && condition.atLeast > condition.atMost) {
      report.error(path, `atLeast ${condition.atLeast} is above atMost ${condition.atMost}: ${neverCan}`);
    }
  }
}

/** Citations name a known source and quote it word for word. Returns the ids of the sources cited. */
function checkCitations(scenario: Scenario, sources: Map<string, LoadedSource>, report: Reporter): Set<string> {
  const known = new Set(scenario.sources.map((source) => source.id));
  const cited = new Set<string>();
  // Most citations name the source the one before named: its lookups are kept, since a set or map
  // lookup of a string read from a large file costs more than comparing it with the last one.
  let lastId: string | undefined;
  let lastSource: LoadedSource | undefined;
  forEachCitation(scenario, (citation, owner, c) => {
    if (citation.source !== lastId) {
      cited.add(citation.source);
      if (!known.has(citation.source)) {
        const guess = didYouMean(citation.source, known);
        report.error(
          [...owner(), 'citations', c, 'source'],
          `there is no source "${citation.source}"${guess ? `: did you mean "${guess}"?` : ''}`,
        );
        return;
      }
      lastId = citation.source;
      lastSource = sources.get(citation.source);
    }
    const source = lastSource;
    if (!source || source.hasQuote(citation.quote)) return;
    const { message, detail } = misquote(citation.quote, citation.source, source.raw, source.hasQuote);
    report.error([...owner(), 'citations', c, 'quote'], message, detail);
  });
  return cited;
}

function checkUnused(
  scenario: Scenario,
  cited: ReadonlySet<string>,
  conditions: readonly FoundCondition[],
  report: Reporter,
): void {
  scenario.sources.forEach((source, s) => {
    if (!cited.has(source.id)) report.warning(['sources', s, 'id'], `source "${source.id}" is never cited`);
  });
  const deciding = new Set(scenario.decisions.map((decision) => decision.actor));
  scenario.actors.forEach((actor, a) => {
    if (!deciding.has(actor.id)) report.warning(['actors', a, 'id'], `actor "${actor.id}" never decides anything`);
  });
  const used = new Set<string>();
  for (const decision of scenario.decisions) {
    for (const option of decision.options) {
      option.effects?.forEach((effect) => used.add(effect.variable));
    }
  }
  for (const { condition } of conditions) if (condition.variable !== undefined) used.add(condition.variable);
  scenario.variables.forEach((variable, v) => {
    if (!used.has(variable.id))
      report.warning(['variables', v, 'id'], `variable "${variable.id}" is never changed or tested`);
  });
}

/**
 * Calls `visit` with every citation in the scenario, a way to make the path of what holds it and
 * its index there: every variant of every text included. Paths are made only when asked for (for
 * a problem): a large scenario has tens of thousands of citations. `owner` gives the right path
 * only during the call to `visit`.
 */
export function forEachCitation(
  scenario: Scenario,
  visit: (citation: Citation, owner: () => DocPath, index: number) => void,
): void {
  const each = (citations: readonly Citation[] | undefined, at: () => DocPath) => {
    if (citations) for (let c = 0; c < citations.length; c++) visit(citations[c]!, at, c);
  };
  // One path function for all decision points and one for all options, reading where the loop is:
  // a function per option would be made for every one of tens of thousands.
  const decisions = scenario.decisions;
  let d = 0;
  let o = 0;
  const decisionPath = (): DocPath => ['decisions', d];
  const optionPath = (): DocPath => ['decisions', d, 'options', o];
  for (d = 0; d < decisions.length; d++) {
    const decision = decisions[d]!;
    if (decision.citations) each(decision.citations, decisionPath);
    const options = decision.options;
    for (o = 0; o < options.length; o++) each(options[o]!.citations, optionPath);
  }
  scenario.endings.forEach((ending, e) => each(ending.citations, () => ['endings', e]));
  // Variants carry their own citations; a plain text's are the ones visited above.
  forEachText(
    scenario,
    (site) => site.variants.forEach((variant, v) => each(variant.citations, () => [...site.path, v])),
    true,
  );
  scenario.map?.places.forEach((place, p) => each(place.citations, () => ['map', 'places', p]));
  scenario.map?.ranges?.forEach((range, r) => each(range.citations, () => ['map', 'ranges', r]));
  scenario.teacher?.background?.forEach((item, b) => each(item.citations, () => ['teacher', 'background', b]));
  scenario.teacher?.glossary?.forEach((item, g) => each(item.citations, () => ['teacher', 'glossary', g]));
}
