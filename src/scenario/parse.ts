/**
 * Text of a scenario file -> a plain tree plus a way to find any path's line and column.
 * The file is untrusted: every way it can be wrong becomes a Diagnostic, never an exception.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, DocPath } from './diagnostic.ts';

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_DEPTH = 40;
const MAX_ALIASES = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Position {
  line: number;
  col: number;
}

export interface ParsedFile {
  value: unknown;
  /** Line and column of the deepest node along `path` that exists in the file. */
  locate: (path: DocPath) => Position;
}

export type ParseOutcome = { ok: true; file: ParsedFile } | { ok: false; diagnostics: Diagnostic[] };

/** Decodes bytes as UTF-8, refusing binary files and invalid sequences. */
export function decodeText(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  const fail = (message: string, line = 1): { ok: false; diagnostics: Diagnostic[] } => ({
    ok: false,
    diagnostics: [{ file, line, col: 1, severity: 'error', path: '', message }],
  });
  if (bytes.length > MAX_FILE_BYTES) {
    return fail(`the file is ${formatSize(bytes.length)}; the limit is ${formatSize(MAX_FILE_BYTES)}`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail('this looks like a binary file, not text (it contains a NUL byte)', lineAtByte(bytes, nul));
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail('the file is not valid UTF-8 text: save it as UTF-8 in your editor', firstBadUtf8Line(bytes));
  }
}

export function parseScenarioText(source: string, file: string): ParseOutcome {
  const at = (message: string, line = 1, col = 1, path = ''): Diagnostic => ({ file, line, col, severity: 'error', path, message });
  const text = source.replace(/^\uFEFF/, '');
  if (text.length > MAX_FILE_BYTES) return { ok: false, diagnostics: [at(`the file is larger than ${formatSize(MAX_FILE_BYTES)}`)] };
  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) return { ok: false, diagnostics: [at('the file is empty')] };

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (error) {
    return { ok: false, diagnostics: [at(describeCrash(error))] };
  }
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  const problems: Diagnostic[] = [];
  for (const error of doc.errors) {
    const { line, col } = position(error.pos[0]);
    problems.push(at(describeYamlError(error.code, error.message), line, col));
  }
  for (const warning of doc.warnings) {
    const { line, col } = position(warning.pos[0]);
    const message =
      warning.code === 'TAG_RESOLVE_FAILED'
        ? `custom YAML tags are not allowed here (${warning.message.replace(/^Unresolved tag: /, '')}): write plain values`
        : warning.message;
    problems.push(at(message, line, col));
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };

  const depth = maxDepth(doc.contents);
  if (depth > MAX_DEPTH) return { ok: false, diagnostics: [at(`the file is nested ${depth} levels deep; the limit is ${MAX_DEPTH}`)] };

  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        const { line, col } = position(pair.key.range?.[0] ?? 0);
        problems.push(at(`"${String(pair.key.value)}" is a reserved name and cannot be used as a key`, line, col));
      }
    },
  });
  if (problems.length > 0) return { ok: false, diagnostics: problems };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return { ok: false, diagnostics: [at(describeCrash(error))] };
  }
  return { ok: true, file: { value, locate: (path) => locate(doc, path, position) } };
}

function locate(doc: Document.Parsed, path: DocPath, position: (offset: number) => Position): Position {
  let node: unknown = doc.contents;
  let offset = doc.contents?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
      if (isScalar(node) || isMap(node) || isSeq(node)) offset = node.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!item) break;
      node = item;
      offset = (item as Node).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return position(offset);
}

/** Depth of nested maps and sequences, walked without recursion so a hostile file cannot overflow the stack. */
function maxDepth(root: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      deepest = Math.max(deepest, depth);
      if (depth > MAX_DEPTH) return depth;
      for (const item of node.items) stack.push([isPair(item) ? item.value : item, depth + 1]);
    }
  }
  return deepest;
}

function describeYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same block: keep one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `YAML syntax: ${message.split('\n')[0]}`;
    default:
      return `YAML: ${message.split('\n')[0]}`;
  }
}

function describeCrash(error: unknown): string {
  if (error instanceof RangeError) return 'the file is nested too deeply to read';
  if (error instanceof Error && /alias/i.test(error.message)) {
    return 'the file uses too many aliases (*name): this is how "billion laughs" files attack a reader';
  }
  return 'the file could not be read as YAML';
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 10) line++;
  return line;
}

function firstBadUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

