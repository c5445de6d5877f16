/**
 * When the file's shape is wrong somewhere, the later checks (quotes, references, variables) can
 * still run on the parts that are well-formed, so the author sees every problem at once. This finds
 * those parts: a misspelt field is read under the name it was meant to have (or left out), and a
 * list item (an option, a decision point, a source...) that is wrong in itself is set aside. What is
 * left is checked by the same schema; paths in it are translated back to the author's file.
 *
 * Nothing is guessed at the top level: a problem with a top-level field (a missing `start`, a
 * `decisions` that is not a list) leaves only the shape messages, as before.
 */
import type { z } from 'zod';
import { didYouMean } from '../lib/similar.ts';
import { isRecord } from '../lib/is-record.ts';
import type { DocPath } from './diagnostic.ts';
import { shapeScenario } from './format.ts';
import { fieldsAt } from './schema-issues.ts';
import type { Scenario } from './schema.ts';

export interface Salvaged {
  scenario: Scenario;
  writtenIn: 1 | 2;
  /** True when list items were set aside: checks of the whole (reachability, unused ids) would mislead. */
  partial: boolean;
  /** Ids of the items set aside: a reference to one of them is not a broken reference. */
  setAside: ReadonlySet<string>;
  /** A path in the salvaged scenario -> the same place in the author's file; undefined inside a stand-in item. */
  original: (path: DocPath) => DocPath | undefined;
}

type Issue = z.core.$ZodIssue;
const ROUNDS = 8;
// Words for the reader only: a stand-in for one that is missing misleads no later check, whereas
// setting its option aside would leave its decision point with too few options, and so on.
const PROSE = new Set(['label', 'outcome', 'title', 'situation', 'text', 'summary', 'name', 'description']);
const STAND_IN = 'missing';

export function salvage(value: unknown, firstIssues: readonly Issue[], firstSchema: z.ZodType): Salvaged | undefined {
  if (!isRecord(value)) return undefined;
  const origin = new WeakMap<object, DocPath>();
  const tree = copy(value, [], origin) as Record<string, unknown>;
  const setAside = new Set<string>();
  const standIns = new WeakSet<object>();
  let partial = false;
  let issues = firstIssues;
  let schema = firstSchema;
  for (let round = 0; round < ROUNDS; round++) {
    const prune: Array<{ list: unknown[]; item: unknown }> = [];
    for (const issue of issues) {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const holder = at(tree, path);
        if (!isRecord(holder)) return undefined;
        const known = fieldsAt(schema, path);
        for (const key of issue.keys) {
          const meant = didYouMean(key, known);
          if (meant && !(meant in holder)) holder[meant] = holder[key];
          delete holder[key];
        }
        continue;
      }
      const key = path[path.length - 1];
      const holder = at(tree, path.slice(0, -1));
      if (issue.input === undefined && typeof key === 'string' && PROSE.has(key) && isRecord(holder)) {
        holder[key] = STAND_IN;
        continue;
      }
      const target = itemHolding(tree, path);
      if (!target) return undefined;
      prune.push(target);
    }
    for (const { list, item } of prune) {
      const index = list.indexOf(item);
      if (index < 0) continue;
      if (isRecord(item) && typeof item.id === 'string') setAside.add(item.id);
      list.splice(index, 1);
      partial = true;
      // A decision point needs two options: one set aside is stood in for by a copy of another, under
      // an id no one uses, whose own findings are dropped (they would repeat the other's).
      const sibling = list.find((other) => isRecord(other) && !standIns.has(other));
      if (isRecord(sibling) && isRecord(item) && 'outcome' in sibling) {
        const standIn = { ...sibling, id: `${String(sibling.id)}-stand-in-${index}` };
        standIns.add(standIn);
        list.splice(index, 0, standIn);
      }
    }
    const shaped = shapeScenario(tree);
    if (shaped.ok) {
      return {
        scenario: shaped.scenario,
        writtenIn: shaped.writtenIn,
        partial,
        setAside,
        original: (path) => translate(tree, path, origin, standIns),
      };
    }
    issues = shaped.issues;
    schema = shaped.schema;
  }
  return undefined;
}

/** A deep copy of the plain tree, remembering where each list item that is a block of fields came from. */
function copy(node: unknown, path: DocPath, origin: WeakMap<object, DocPath>): unknown {
  if (Array.isArray(node)) {
    return node.map((item, i) => {
      const copied = copy(item, [...path, i], origin);
      if (isRecord(copied)) origin.set(copied, [...path, i]);
      return copied;
    });
  }
  if (isRecord(node)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(node)) out[key] = copy(item, [...path, key], origin);
    return out;
  }
  return node;
}

function at(tree: unknown, path: DocPath): unknown {
  let node = tree;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isRecord(node) && typeof key === 'string') node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * The innermost list item that is a block of fields and holds the problem at `path`: the option,
 * citation or decision point to set aside. Undefined when the problem is at the top level.
 */
function itemHolding(tree: unknown, path: DocPath): { list: unknown[]; item: unknown } | undefined {
  let found: { list: unknown[]; item: unknown } | undefined;
  let node = tree;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') {
      const item = node[key];
      if (isRecord(item)) found = { list: node, item };
      node = item;
    } else if (isRecord(node) && typeof key === 'string') node = node[key];
    else break;
  }
  return found;
}

function translate(
  tree: unknown,
  path: DocPath,
  origin: WeakMap<object, DocPath>,
  standIns: WeakSet<object>,
): DocPath | undefined {
  let result: DocPath | undefined = path;
  let node = tree;
  path.forEach((key, i) => {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isRecord(node) && typeof key === 'string') node = node[key];
    else node = undefined;
    if (isRecord(node) && standIns.has(node)) result = undefined;
    const from = isRecord(node) ? origin.get(node) : undefined;
    if (from && result) result = [...from, ...path.slice(i + 1)];
  });
  return result;
}
