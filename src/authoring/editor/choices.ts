/**
 * What the editor's lists offer: the decision points and endings an option can lead to, the options
 * a condition can name (by id, or "point/option" when two points share an option id, as the
 * checker asks), conditions read back in words, and fresh ids. Works on the file's plain value,
 * which may be unfinished: anything missing is skipped, never trusted.
 */
import { isRecord } from '../../lib/is-record.ts';

export interface PointChoice {
  id: string;
  kind: 'decision point' | 'ending';
  title: string;
}

export interface OptionChoice {
  /** What a condition writes: the option id, or "point/option" when the id is not unique. */
  ref: string;
  point: string;
  pointTitle: string;
  label: string;
}

const list = (value: unknown, key: string): Record<string, unknown>[] =>
  isRecord(value) && Array.isArray(value[key]) ? (value[key] as unknown[]).filter(isRecord) : [];
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Decision points, then endings: where an option's `next` may lead. */
export function pointsOf(scenario: unknown): PointChoice[] {
  const of = (key: string, kind: PointChoice['kind']) =>
    list(scenario, key)
      .filter((item) => str(item.id) !== '')
      .map((item) => ({ id: str(item.id), kind, title: str(item.title) }));
  return [...of('decisions', 'decision point'), ...of('endings', 'ending')];
}

/** Every option of every decision point, named as a condition must name it. */
export function optionsOf(scenario: unknown): OptionChoice[] {
  const all = list(scenario, 'decisions').flatMap((decision) =>
    list(decision, 'options')
      .filter((option) => str(option.id) !== '')
      .map((option) => ({
        id: str(option.id),
        point: str(decision.id),
        pointTitle: str(decision.title),
        label: str(option.label),
      })),
  );
  const count = new Map<string, number>();
  for (const option of all) count.set(option.id, (count.get(option.id) ?? 0) + 1);
  return all.map(({ id, ...rest }) => ({ ref: count.get(id)! > 1 ? `${rest.point}/${id}` : id, ...rest }));
}

/** Ids of a list (actors, sources, variables, places …) for a select. */
export function idsOf(scenario: unknown, path: readonly string[]): Array<{ id: string; name: string }> {
  let node: unknown = scenario;
  for (const key of path.slice(0, -1)) node = isRecord(node) ? node[key] : undefined;
  return list(node, path[path.length - 1]!)
    .filter((item) => str(item.id) !== '')
    .map((item) => ({ id: str(item.id), name: str(item.name) || str(item.title) || str(item.label) }));
}

export const CONDITION_KINDS = ['chose', 'notChose', 'passed', 'notPassed', 'variable'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export const CONDITION_WORDS: Record<ConditionKind, string> = {
  chose: 'the player chose',
  notChose: 'the player did not choose',
  passed: 'the player decided at',
  notPassed: 'the player has not decided at',
  variable: 'a meter is between',
};

/** The kind of a condition, or undefined for one the forms cannot show (anyOf). */
export function conditionKind(condition: unknown): ConditionKind | undefined {
  if (!isRecord(condition)) return undefined;
  return CONDITION_KINDS.find((kind) => condition[kind] !== undefined);
}

/** A condition in words: "the player chose “Take pupils to the park” at “Where do pupils play?”". */
export function describeCondition(condition: unknown, scenario: unknown): string {
  const kind = conditionKind(condition);
  if (!kind || !isRecord(condition)) return 'a condition written in the file (anyOf): edit it there';
  if (kind === 'variable') {
    const bounds = [
      condition.atLeast !== undefined ? `at least ${String(condition.atLeast)}` : '',
      condition.atMost !== undefined ? `at most ${String(condition.atMost)}` : '',
    ].filter(Boolean);
    return `“${str(condition.variable)}” is ${bounds.join(' and ') || 'anything'}`;
  }
  const names = ([] as unknown[]).concat(condition[kind]).map(String);
  if (kind === 'chose' || kind === 'notChose') {
    const options = optionsOf(scenario);
    const words = names.map((name) => {
      const option = options.find((o) => o.ref === name || `${o.point}/${name.split('/').pop()}` === name);
      return option ? `“${option.label || option.ref}” at “${option.pointTitle || option.point}”` : `“${name}”`;
    });
    return `${CONDITION_WORDS[kind]} ${words.join(' or ')}`;
  }
  const points = pointsOf(scenario);
  const words = names.map((name) => `“${points.find((p) => p.id === name)?.title || name}”`);
  return `${CONDITION_WORDS[kind]} ${words.join(' or ')}`;
}

/** `base`, or `base-2`, `base-3` … : the first id not yet taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const tidy =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'item';
  if (!used.has(tidy)) return tidy;
  const stem = tidy.replace(/-\d+$/, '');
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Every id used for decision points and endings (they share one set), for a new one. */
export const pointIds = (scenario: unknown): string[] => pointsOf(scenario).map((p) => p.id);
