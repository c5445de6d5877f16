/**
 * Edits of a scenario file that touch only the part that changed. The `yaml` package's Document API
 * reads the file with the source range of every node; an edit replaces, inserts or removes exactly
 * the text of that node (a scalar, a key with its value, a list item with the comments above it),
 * so the author's comments, key order, quoting and line breaks stay as they were everywhere else.
 * (Document.toString() alone would reformat the whole file: `[Test]` becomes `[ Test ]`, folded
 * text is refolded.) An unedited file is therefore saved byte for byte as it was opened.
 *
 * Every edit is text -> text: pure, and easy to undo (keep the texts).
 */
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node, type Scalar } from 'yaml';

export type Key = string | number;
export type Path = readonly Key[];
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The width new and re-written text folds at; the flagship's lines are under 100 characters. */
const LINE_WIDTH = 100;
/** Strings longer than this are written as folded blocks (`>-`), as authors write long text. */
const LONG_TEXT = 72;

export class EditError extends Error {}

/**
 * The last file read, kept: an edit parses the text the previous edit wrote, and the forms read the
 * same text's value. Duplicate keys are the checker's to report, and checking them here would cost
 * more than the rest of the parse (the yaml library compares every key with every other).
 */
let last: { text: string; doc: Document; value?: unknown } | undefined;
function parse(text: string): Document {
  if (last?.text !== text) last = { text, doc: parseDocument(text, { uniqueKeys: false }) };
  return last.doc;
}

/** The file's value as plain data (what the forms show). */
export function readValue(text: string): unknown {
  parse(text);
  last!.value ??= last!.doc.toJS();
  return last!.value;
}

/**
 * Where the scalar last set by setScalar sits, so typing in one field (an edit per keystroke)
 * replaces its characters again without parsing the whole file each time.
 */
let typing:
  | { text: string; path: string; start: number; end: number; type: Scalar.Type | undefined; inFlow: boolean }
  | undefined;

/**
 * setIn for a field being typed in: the same result, but a run of edits to one scalar costs no
 * parse after the first. Returns the new text.
 */
export function setScalar(text: string, path: Path, value: string | number | boolean): string {
  const key = JSON.stringify(path);
  if (typing && typing.text === text && typing.path === key) {
    const inline = renderInline(value, typing.type, typing.inFlow);
    if (
      inline !== undefined &&
      !(typeof value === 'string' && value.length > LONG_TEXT && typing.type?.startsWith('BLOCK'))
    ) {
      const out = splice(text, typing.start, typing.end, inline);
      // The style the text now has, as a parse of it would read it.
      const type = inline.startsWith("'") ? 'QUOTE_SINGLE' : inline.startsWith('"') ? 'QUOTE_DOUBLE' : 'PLAIN';
      typing = { ...typing, text: out, end: typing.start + inline.length, type };
      return out;
    }
  }
  const out = setIn(text, path, value);
  typing = undefined;
  const found = find(parse(out), path);
  if (found?.node && isScalar(found.node) && found.node.range && !found.node.type?.startsWith('BLOCK'))
    typing = {
      text: out,
      path: key,
      start: found.node.range[0],
      end: contentEnd(out, found.node),
      type: found.node.type,
      inFlow: found.inFlow,
    };
  return out;
}

/** The value at a path in plain data, or undefined. */
export function valueAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<Key, unknown>)[key];
  }
  return node;
}

// ---- Positions in the text -------------------------------------------------------------------

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (text: string, pos: number) => {
  const end = text.indexOf('\n', pos);
  return end < 0 ? text.length : end;
};
const column = (text: string, pos: number) => pos - lineStart(text, pos);

/** Where a node's own text ends, before trailing blank lines and comments on later lines. */
function contentEnd(text: string, node: Node): number {
  const [start, valueEnd] = node.range!;
  let end = valueEnd;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

/** The `-` of a block list item. */
function dashOf(text: string, item: Node): number {
  let pos = item.range![0] - 1;
  while (pos >= 0 && text[pos] !== '-') {
    if (!/[ \t]/.test(text[pos]!)) throw new EditError('a list item without its dash');
    pos--;
  }
  return pos;
}

/** Where a list item's lines start: its dash line, with the comment lines just above it. */
function itemStart(text: string, seq: Node & { items: unknown[] }, index: number): number {
  const item = seq.items[index] as Node;
  let start = lineStart(text, dashOf(text, item));
  const floor = index > 0 ? lineEnd(text, contentEnd(text, seq.items[index - 1] as Node)) + 1 : 0;
  while (start > floor) {
    const above = lineStart(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(above, start - 1))) break;
    start = above;
  }
  return start;
}

/** Where a list item's lines end: the next item's start, or past the last item's last line. */
function itemEnd(text: string, seq: Node & { items: unknown[] }, index: number): number {
  if (index + 1 < seq.items.length) return itemStart(text, seq, index + 1);
  return Math.min(text.length, lineEnd(text, contentEnd(text, seq.items[index] as Node)) + 1);
}

// ---- Rendering new text ----------------------------------------------------------------------

function renderDocument(doc: Document, hint?: { node: unknown; type: Scalar.Type | undefined }): string {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && (node.value.length > LONG_TEXT || node.value.includes('\n')))
        node.type = 'BLOCK_FOLDED';
    },
  });
  if (hint && isScalar(hint.node) && hint.type && typeof hint.node.value === 'string') hint.node.type = hint.type;
  return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, flowCollectionPadding: true });
}

/** `{ key: value }` or `[value]` as block YAML, each line after the first indented by `indent`. */
function renderEntry(entry: Json, indent: number, scalarType?: Scalar.Type): string {
  const doc = new Document(entry);
  const contents = doc.contents;
  const node = isMap(contents) ? (contents.items[0]?.value ?? null) : isSeq(contents) ? contents.items[0] : null;
  const out = renderDocument(doc, { node, type: scalarType }).replace(/\n$/, '');
  return out
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(indent) + line))
    .join('\n');
}

/** A scalar on one line, in the style it had where possible; undefined when it needs lines of its own. */
function renderInline(value: Json, type: Scalar.Type | undefined, inFlow: boolean): string | undefined {
  if (value !== null && typeof value === 'object') return undefined;
  if (typeof value === 'string' && value.includes('\n')) return undefined;
  const doc = new Document(value);
  const scalar = doc.contents as Scalar;
  if (typeof value === 'string') {
    if (type && type !== 'BLOCK_FOLDED' && type !== 'BLOCK_LITERAL') scalar.type = type;
    if (inFlow && scalar.type !== 'QUOTE_DOUBLE' && /[,[\]{}#:&*!|>'"%@`]/.test(value)) scalar.type = 'QUOTE_SINGLE';
  }
  const out = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  return out.includes('\n') ? undefined : out;
}

// ---- Finding nodes ---------------------------------------------------------------------------

interface Found {
  /** The collection holding the node, and the node's key or index in it. */
  parent: Node;
  key: Key;
  node: Node | null;
  /** For a map entry: the key's node. */
  keyNode?: Node;
  /** Whether the parent or any collection above it is written in flow style ([...], {...}). */
  inFlow: boolean;
}

function find(doc: Document, path: Path): Found | undefined {
  let node = doc.contents as Node | null;
  let inFlow = false;
  let found: Found | undefined;
  for (const key of path) {
    if (isMap(node)) {
      inFlow ||= Boolean(node.flow);
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return undefined;
      found = { parent: node, key, node: (pair.value as Node | null) ?? null, keyNode: pair.key as Node, inFlow };
    } else if (isSeq(node)) {
      inFlow ||= Boolean(node.flow);
      if (typeof key !== 'number' || key < 0 || key >= node.items.length) return undefined;
      found = { parent: node, key, node: node.items[key] as Node, inFlow };
    } else return undefined;
    node = found.node;
  }
  return found;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const splice = (text: string, start: number, end: number, insert: string) =>
  text.slice(0, start) + insert + text.slice(end);

/** The outermost flow collection on the path, so a structural edit inside it rewrites it as a block. */
function outermostFlow(doc: Document, path: Path): Path | undefined {
  let node = doc.contents as Node | null;
  for (let i = 0; i < path.length; i++) {
    if ((isMap(node) || isSeq(node)) && node.flow) return path.slice(0, i);
    const found = find(doc, path.slice(0, i + 1));
    if (!found) return undefined;
    node = found.node;
  }
  return (isMap(node) || isSeq(node)) && node.flow ? path : undefined;
}

// ---- The edits -------------------------------------------------------------------------------

/** Sets the value at `path` (creating the maps on the way), or removes the key when `value` is undefined. */
export function setIn(text: string, path: Path, value: Json | undefined): string {
  if (path.length === 0) throw new EditError('cannot replace the whole file');
  const doc = parse(text);
  const found = find(doc, path);
  if (value === undefined) return found ? removeEntry(text, doc, path, found) : text;
  if (!found) return addMissing(text, doc, path, value);
  // The same value again (a form re-sending what it shows): the bytes stay as they are.
  if (sameJson(valueAt(doc.toJS(), path), value)) return text;
  const { node, parent, inFlow } = found;
  // A scalar replaced by a scalar: only its own characters change.
  if (node && isScalar(node) && node.range) {
    const inline = renderInline(value, node.type, inFlow);
    if (
      inline !== undefined &&
      !(node.type?.startsWith('BLOCK') && typeof value === 'string' && value.length > LONG_TEXT)
    )
      return splice(text, node.range[0], contentEnd(text, node), inline);
  }
  const flow = outermostFlow(doc, path.slice(0, -1));
  if (flow !== undefined) return replaceWhole(text, doc, flow, blockValue(doc, flow, path.slice(flow.length), value));
  return replaceEntry(text, found, path[path.length - 1]!, value, isScalar(node) ? node.type : undefined, parent);
}

/** Inserts `value` into the list at `path` before `index` (at the end when index is the length). */
export function insertIn(text: string, path: Path, index: number, value: Json): string {
  const doc = parse(text);
  const found = find(doc, path);
  const seq = found?.node;
  if (!found || seq === null || !isSeq(seq) || seq.items.length === 0) {
    const current = found ? valueAt(doc.toJS(), path) : undefined;
    const list = Array.isArray(current) ? [...(current as Json[])] : [];
    list.splice(index, 0, value);
    return setIn(text, path, list);
  }
  const flow = outermostFlow(doc, path);
  if (flow !== undefined) {
    const list = [...(valueAt(doc.toJS(), path) as Json[])];
    list.splice(index, 0, value);
    return replaceWhole(text, doc, flow, blockValue(doc, flow, path.slice(flow.length), list));
  }
  const indent = column(text, dashOf(text, seq.items[0] as Node));
  const block = ' '.repeat(indent) + renderEntry([value], indent) + '\n';
  return insertBlock(text, seq as Node & { items: unknown[] }, index, block);
}

/** Removes the item at `index` of the list at `path`; a list left empty is removed with its key. */
export function removeAt(text: string, path: Path, index: number): string {
  const doc = parse(text);
  const found = find(doc, path);
  const seq = found?.node;
  if (!found || !isSeq(seq) || index < 0 || index >= seq.items.length)
    throw new EditError(`no item ${index + 1} at ${path.join('.')}`);
  if (seq.items.length === 1) return setIn(text, path, undefined);
  const flow = outermostFlow(doc, path);
  if (flow !== undefined) {
    const list = [...(valueAt(doc.toJS(), path) as Json[])];
    list.splice(index, 1);
    return replaceWhole(text, doc, flow, blockValue(doc, flow, path.slice(flow.length), list));
  }
  const items = seq as Node & { items: unknown[] };
  let start = itemStart(text, items, index);
  const end = itemEnd(text, items, index);
  // The last item of a file without a final newline: take the line break before it instead.
  if (end === text.length && !text.endsWith('\n') && start > 0) start--;
  return text.slice(0, start) + text.slice(end);
}

/** Moves the item at `from` of the list at `path` so that it ends up at index `to`. */
export function moveItem(text: string, path: Path, from: number, to: number): string {
  if (from === to) return text;
  const block = itemText(text, path, from);
  if (block === undefined) {
    const list = [...(valueAt(readValue(text), path) as Json[])];
    const [item] = list.splice(from, 1);
    list.splice(to, 0, item!);
    return setIn(text, path, list);
  }
  const without = removeAt(text, path, from);
  const seq = find(parse(without), path)!.node as Node & { items: unknown[] };
  return insertBlock(without, seq, to, block);
}

/** Inserts a copy of the item at `index` just after it, comments and all; `changes` then edit the copy. */
export function duplicateItem(text: string, path: Path, index: number, changes: Record<string, Json> = {}): string {
  const block = itemText(text, path, index);
  let out: string;
  if (block === undefined) {
    const item = valueAt(readValue(text), [...path, index]) as Json;
    out = insertIn(text, path, index + 1, item);
  } else {
    const seq = find(parse(text), path)!.node as Node & { items: unknown[] };
    out = insertBlock(text, seq, index + 1, block);
  }
  for (const [key, value] of Object.entries(changes)) out = setIn(out, [...path, index + 1, key], value);
  return out;
}

/** An item's own lines (with the comments above it), for a block list; undefined in flow style. */
function itemText(text: string, path: Path, index: number): string | undefined {
  const doc = parse(text);
  const found = find(doc, path);
  const seq = found?.node;
  if (!isSeq(seq) || index < 0 || index >= seq.items.length)
    throw new EditError(`no item ${index + 1} at ${path.join('.')}`);
  if (outermostFlow(doc, path) !== undefined) return undefined;
  const items = seq as Node & { items: unknown[] };
  const block = text.slice(itemStart(text, items, index), itemEnd(text, items, index));
  return block.endsWith('\n') ? block : block + '\n';
}

function insertBlock(text: string, seq: Node & { items: unknown[] }, index: number, block: string): string {
  if (index < seq.items.length) {
    const at = itemStart(text, seq, index);
    return splice(text, at, at, block);
  }
  const at = itemEnd(text, seq, seq.items.length - 1);
  const before = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return splice(text, at, at, before + block);
}

/** A key that is not there yet: added at the end of the deepest map that is. */
function addMissing(text: string, doc: Document, path: Path, value: Json): string {
  let depth = path.length - 1;
  while (depth > 0 && !find(doc, path.slice(0, depth))) depth--;
  const parentPath = path.slice(0, depth);
  let nested: Json = value;
  for (let i = path.length - 1; i > depth; i--) nested = { [String(path[i])]: nested };
  const key = path[depth]!;
  const parent = depth === 0 ? (doc.contents as Node | null) : find(doc, parentPath)!.node;
  if (!isMap(parent)) {
    if (parent === null || isScalar(parent)) {
      // `key:` with no value yet, or a scalar where a map goes: the map takes its place.
      return setIn(text, parentPath, { [String(key)]: nested });
    }
    throw new EditError(`${parentPath.join('.') || 'the file'} is not a map`);
  }
  const flow = outermostFlow(doc, parentPath);
  if (flow !== undefined) return replaceWhole(text, doc, flow, blockValue(doc, flow, path.slice(flow.length), value));
  if (parent.items.length === 0) return setIn(text, parentPath, { [String(key)]: nested });
  const first = parent.items[0]!.key as Node;
  const indent = column(text, first.range![0]);
  const last = parent.items[parent.items.length - 1]!;
  const lastNode = (isPair(last) && (last.value as Node | null)) || (last.key as Node);
  const at = lineEnd(text, contentEnd(text, lastNode));
  return splice(text, at, at, '\n' + ' '.repeat(indent) + renderEntry({ [String(key)]: nested }, indent));
}

function removeEntry(text: string, doc: Document, path: Path, found: Found): string {
  const { parent, key } = found;
  if (isSeq(parent)) return removeAt(text, path.slice(0, -1), key as number);
  const map = parent as Node & { items: Array<{ key: Node; value: Node | null }> };
  if (map.items.length === 1) return setIn(text, path.slice(0, -1), {});
  const flow = outermostFlow(doc, path.slice(0, -1));
  if (flow !== undefined) {
    const obj = { ...(valueAt(doc.toJS(), path.slice(0, -1)) as Record<string, Json>) };
    delete obj[String(key)];
    return replaceWhole(text, doc, flow, blockValue(doc, flow, path.slice(flow.length, -1), obj));
  }
  const index = map.items.findIndex((p) => p.key === found.keyNode);
  const own = found.keyNode!.range![0];
  if (index + 1 < map.items.length) return splice(text, own, map.items[index + 1]!.key.range![0], '');
  const previous = map.items[index - 1]!;
  const from = lineEnd(text, contentEnd(text, previous.value ?? previous.key));
  const to = lineEnd(text, contentEnd(text, found.node ?? found.keyNode!));
  return splice(text, from, to, '');
}

/** Rewrites one entry (a key with its value, or a list item) as block YAML at its place. */
function replaceEntry(
  text: string,
  found: Found,
  key: Key,
  value: Json,
  scalarType: Scalar.Type | undefined,
  parent: Node,
): string {
  if (isSeq(parent)) {
    const dash = dashOf(text, found.node!);
    const indent = column(text, dash);
    return splice(text, dash, contentEnd(text, found.node!), renderEntry([value], indent, scalarType));
  }
  const start = found.keyNode!.range![0];
  const end = found.node ? contentEnd(text, found.node) : contentEnd(text, found.keyNode!) + 1;
  return splice(text, start, end, renderEntry({ [String(key)]: value }, column(text, start), scalarType));
}

/** Rewrites the entry at `path` (a flow collection being edited) in block style. */
function replaceWhole(text: string, doc: Document, path: Path, value: Json): string {
  const found = find(doc, path);
  if (!found) throw new EditError(`nothing at ${path.join('.')}`);
  return replaceEntry(text, found, path[path.length - 1]!, value, undefined, found.parent);
}

/** The value at `base` with `rest` (relative to it) set to `value`. */
function blockValue(doc: Document, base: Path, rest: Path, value: Json): Json {
  const whole = JSON.parse(JSON.stringify(valueAt(doc.toJS(), base) ?? null)) as Json;
  if (rest.length === 0) return value;
  let node = whole as Record<Key, Json>;
  for (const key of rest.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<Key, Json>;
  }
  node[rest[rest.length - 1]!] = value;
  return whole;
}
