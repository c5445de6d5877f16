/**
 * The flagship played through the compiled machine, in Node: every path to an ending, and on each
 * path which text variant the engine showed at every screen. The truth and fairness tests and the
 * browser tests all read paths from here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkScenario } from '../src/engine/check.ts';
import { compileScenario } from '../src/engine/compile.ts';
import { replay } from '../src/engine/game-actor.ts';
import { ScenarioIndex, viewOf, type CitationView, type GameView } from '../src/engine/view.ts';
import { readBeside, readBytes } from '../src/node/scenario-files.ts';
import { formatDiagnostic } from '../src/scenario/diagnostic.ts';

export const FLAGSHIP = 'atacms-2024';
export const flagshipFile = fileURLToPath(new URL(`../scenarios/${FLAGSHIP}/scenario.yaml`, import.meta.url));

export const checked = checkScenario(flagshipFile, readBytes(flagshipFile), readBeside(flagshipFile));
if (!checked.bundle)
  throw new Error(`The flagship does not validate:\n${checked.diagnostics.map(formatDiagnostic).join('\n')}`);
export const bundle = checked.bundle;
export const scenario = bundle.scenario;
export const index = new ScenarioIndex(bundle);
export const machine = compileScenario(scenario);

/** A text as the author wrote it: a variant of a situation, an outcome or an ending. */
export interface RawVariant {
  text: string;
  when?: unknown[];
  evidence?: string;
  stage?: unknown[];
  citations?: Array<{ source: string; quote: string; evidence?: string; note?: string }>;
}
type RawText = string | RawVariant[];
export interface RawOption {
  id: string;
  label: string;
  evidence: string;
  outcome: RawText;
  citations?: RawVariant['citations'];
  effects?: Array<{ variable: string; add?: number; set?: number; reason?: string }>;
  when?: unknown[];
  next: string | Array<{ when?: unknown[]; to: string }>;
}
export interface RawDecision {
  id: string;
  actor: string;
  situation: RawText;
  citations?: RawVariant['citations'];
  options: RawOption[];
}
export interface RawEnding {
  id: string;
  title: string;
  text: RawText;
  citations?: RawVariant['citations'];
}

/**
 * The scenario file as the author wrote it, read with the plain YAML parser: the variant lists,
 * in order, independent of how the engine stores them.
 */
export const raw = parse(readFileSync(flagshipFile, 'utf8')) as {
  start: string;
  decisions: RawDecision[];
  endings: RawEnding[];
  teacher?: Record<string, unknown>;
  educatorNotes?: string;
  variables: Array<{ id: string; hidden?: boolean }>;
  actors: Array<{ id: string }>;
};

export const variantsOf = (text: RawText, citations?: RawVariant['citations']): RawVariant[] =>
  typeof text === 'string' ? [{ text, ...(citations ? { citations } : {}) }] : text;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every text variant of the scenario by key (`situation:<decision>#<n>`, `outcome:<option>#<n>`, `ending:<id>#<n>`). */
export const allVariants = new Map<string, RawVariant>();
for (const d of raw.decisions) {
  variantsOf(d.situation, d.citations).forEach((v, i) => allVariants.set(`situation:${d.id}#${i}`, v));
  for (const o of d.options)
    variantsOf(o.outcome, o.citations).forEach((v, i) => allVariants.set(`outcome:${o.id}#${i}`, v));
}
for (const e of raw.endings)
  variantsOf(e.text, e.citations).forEach((v, i) => allVariants.set(`ending:${e.id}#${i}`, v));

const hidden = new Set(raw.variables.filter((v) => v.hidden).map((v) => v.id));

/**
 * Every effect on a visible meter by key (`reason:<option>/<variable>`), with the reason students
 * read beside the meter's change (undefined where the author gave none).
 */
export const allReasons = new Map<string, { option: string; text: string | undefined }>();
for (const d of raw.decisions)
  for (const o of d.options)
    for (const e of o.effects ?? [])
      if (!hidden.has(e.variable)) allReasons.set(`reason:${o.id}/${e.variable}`, { option: o.id, text: e.reason });

/** Which variant of `kind:owner` has exactly this text; throws when the engine shows text the author did not write. */
export function variantKey(kind: 'situation' | 'outcome' | 'ending', owner: string, shown: string): string {
  const matches = [...allVariants.entries()].filter(
    ([key, v]) => key.startsWith(`${kind}:${owner}#`) && squash(v.text) === squash(shown),
  );
  if (matches.length !== 1)
    throw new Error(
      `${kind} of ${owner}: the engine shows a text that ${matches.length ? 'several' : 'no'} variants have`,
    );
  return matches[0]![0];
}

/** The view after a list of choices; throws when the engine refuses one. */
export function viewAfter(options: readonly string[]): GameView {
  const result = replay(machine, options);
  if (!result.ok)
    throw new Error(
      `the engine refuses "${result.error.option}" at step ${result.error.step + 1} of ${options.join('.')}`,
    );
  const view = viewOf(index, result.value.getSnapshot());
  result.value.stop();
  return view;
}

/** Every sequence of choices from the start to an ending, in depth-first order of the options shown. */
export function everyPath(limit = 2000): string[][] {
  const paths: string[][] = [];
  const walk = (options: string[]) => {
    if (paths.length > limit) throw new Error(`the flagship has more than ${limit} paths`);
    const view = viewAfter(options);
    if (view.kind === 'ending') paths.push(options);
    else for (const option of view.options) walk([...options, option.id]);
  };
  walk([]);
  return paths;
}

/** One text a student reads on a path, and the choices made before it (for an outcome, including its own). */
export interface Shown {
  key: string;
  text: string;
  citations: CitationView[];
  chosen: string[];
}

/** A path played through the machine: every screen's text, identified by variant, and the ending. */
export interface PlayedPath {
  options: string[];
  ending: string;
  shown: Shown[];
  /** The reason shown beside each meter a choice moved, with the choices made up to it. */
  reasons: Shown[];
  /** At each decision point on the path: its id and the ids of the options offered. */
  offered: Array<{ decision: string; options: string[] }>;
  final: GameView & { kind: 'ending' };
}

export function play(options: readonly string[]): PlayedPath {
  const shown: Shown[] = [];
  const reasons: Shown[] = [];
  const offered: PlayedPath['offered'] = [];
  for (let k = 0; k < options.length; k++) {
    const view = viewAfter(options.slice(0, k));
    if (view.kind !== 'decision') throw new Error(`the path ${options.join('.')} ends early`);
    offered.push({ decision: view.decisionId, options: view.options.map((o) => o.id) });
    shown.push({
      key: variantKey('situation', view.decisionId, view.situation),
      text: view.situation,
      citations: view.citations,
      chosen: options.slice(0, k),
    });
    const after = viewAfter(options.slice(0, k + 1));
    const step = after.path[k]!;
    shown.push({
      key: variantKey('outcome', step.optionId, step.outcome),
      text: step.outcome,
      citations: step.citations,
      chosen: options.slice(0, k + 1),
    });
    for (const meter of after.meters.filter((m) => m.change !== 0))
      reasons.push({
        key: `reason:${step.optionId}/${meter.id}`,
        text: meter.reason ?? '',
        citations: [],
        chosen: options.slice(0, k + 1),
      });
  }
  const final = viewAfter(options);
  if (final.kind !== 'ending') throw new Error(`the path ${options.join('.')} does not end`);
  shown.push({
    key: variantKey('ending', final.endingId, final.text),
    text: final.text,
    citations: final.citations,
    chosen: [...options],
  });
  return { options: [...options], ending: final.endingId, shown, reasons, offered, final };
}

let cache: PlayedPath[] | undefined;
/** Every path, played (computed once per test file). */
export function everyPlayedPath(): PlayedPath[] {
  cache ??= everyPath().map(play);
  return cache;
}

/**
 * A few paths that between them show every text variant and reach every ending: what the browser
 * plays when playing every path would take too long. Greedy: each next path adds the most unseen texts.
 */
export function coveringPaths(paths: readonly PlayedPath[]): PlayedPath[] {
  const unseen = new Set(paths.flatMap((p) => [...p.shown.map((s) => s.key), `reached:${p.ending}`]));
  const keysOf = (p: PlayedPath) => new Set([...p.shown.map((s) => s.key), `reached:${p.ending}`]);
  const chosen: PlayedPath[] = [];
  while (unseen.size > 0) {
    let best: PlayedPath | undefined;
    let gain = 0;
    for (const p of paths) {
      const g = [...keysOf(p)].filter((k) => unseen.has(k)).length;
      if (g > gain) [best, gain] = [p, g];
    }
    if (!best) break;
    chosen.push(best);
    for (const k of keysOf(best)) unseen.delete(k);
  }
  // In depth-first order, so the browser can move between neighbours with "Try instead".
  return chosen.sort((a, b) => paths.indexOf(a) - paths.indexOf(b));
}
