/**
 * Renaming an id renames what refers to it: a decision point's or ending's id in `start`, `next`,
 * routes and `passed` conditions; an option's in `chose` conditions; an actor's, a source's or a
 * variable's wherever one is named. The result is a list of places to set, so each is one small
 * edit of the author's file.
 */
import { isRecord } from '../../lib/is-record.ts';
import type { Json, Key, Path } from './yaml-edit.ts';

export type RenameKind = 'point' | 'option' | 'actor' | 'source' | 'variable';

export interface Rename {
  kind: RenameKind;
  from: string;
  to: string;
  /** For an option: the id of its decision point. */
  decision?: string;
}

/** Keys whose string values name the thing of each kind. */
const KEYS: Record<RenameKind, readonly string[]> = {
  point: ['start', 'next', 'to', 'passed', 'notPassed'],
  option: ['chose', 'notChose'],
  actor: ['actor'],
  source: ['source'],
  variable: ['variable'],
};

/** Every place to change, with its new value. */
export function renameEdits(scenario: unknown, rename: Rename): Array<{ path: Path; value: Json }> {
  const { kind, from, to } = rename;
  if (from === to || from === '' || to === '') return [];
  const edits: Array<{ path: Path; value: Json }> = [];
  const renamed = (name: string): string | undefined => {
    if (kind === 'option') {
      if (name === from) return to;
      if (rename.decision && name === `${rename.decision}/${from}`) return `${rename.decision}/${to}`;
      return undefined;
    }
    // An option named through its decision point ("point/option") follows the point's new id.
    if (kind === 'point' && name.startsWith(`${from}/`)) return `${to}/${name.slice(from.length + 1)}`;
    return name === from ? to : undefined;
  };
  const walk = (node: unknown, path: Key[], key: Key | undefined, inStage: boolean) => {
    const refers =
      typeof key === 'string' && KEYS[kind].includes(key) && !(kind === 'point' && key === 'to' && inStage);
    const pointOption = kind === 'point' && (key === 'chose' || key === 'notChose');
    if (typeof node === 'string' && (refers || pointOption)) {
      const name = renamed(node);
      if (name !== undefined && (refers || node.startsWith(`${from}/`))) edits.push({ path, value: name });
      return;
    }
    if (Array.isArray(node)) {
      if ((refers || pointOption) && node.every((item) => typeof item === 'string')) {
        node.forEach((item, i) => walk(item, [...path, i], key, inStage));
        return;
      }
      node.forEach((item, i) => walk(item, [...path, i], i, inStage));
      return;
    }
    if (isRecord(node))
      for (const [k, child] of Object.entries(node)) walk(child, [...path, k], k, inStage || k === 'stage');
  };
  walk(scenario, [], undefined, false);
  return edits;
}
