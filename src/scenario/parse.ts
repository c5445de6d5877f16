/**
 * Text of a scenario file -> a plain tree plus a way to find any path's line and column.
 * The file is untrusted: every way it can be wrong becomes a Diagnostic, never an exception.
 */
import {
  Composer,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
  type CST,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Diagnostic, DocPath } from './diagnostic.ts';
import { checkAliases } from './yaml-aliases.ts';
import { findTooDeep } from './yaml-cst.ts';
import { findDuplicateKeys, mergeByPosition } from './yaml-keys.ts';
import { describeYamlProblems } from './yaml-errors.ts';

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_DEPTH = 40;
// Callers may pass a little more than the limit (the CLI reads one byte past it), so the message names no size read.
const tooLarge = (limit: number) => `the file is larger than ${formatSize(limit)}, the limit for a scenario file`;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Position {
  line: number;
  col: number;
}

export interface ParsedFile {
  value: unknown;
  /** The file's text as read, when known: a check can skip its walk when a word is not in it at all. */
  text?: string;
  /** Line and column of the deepest node along `path` that exists in the file. */
  /** With `key`, the position of the last key on the path itself, for problems with a field's name. */
  locate: (path: DocPath, options?: { key?: boolean }) => Position;
}

export type ParseOutcome = { ok: true; file: ParsedFile } | { ok: false; diagnostics: Diagnostic[] };

/** Decodes bytes as UTF-8, refusing binary files and invalid sequences. */
export function decodeText(
  bytes: Uint8Array,
  file: string,
): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  const fail = (message: string, line = 1): { ok: false; diagnostics: Diagnostic[] } => ({
    ok: false,
    diagnostics: [{ file, line, col: 1, severity: 'error', path: '', message }],
  });
  if (bytes.length > MAX_FILE_BYTES) return fail(tooLarge(MAX_FILE_BYTES));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('the file is saved as UTF-16: save it as UTF-8 in your editor');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail('this looks like a binary file, not text (it contains a NUL byte)', lineAtByte(bytes, nul));
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail('the file is not valid UTF-8 text: save it as UTF-8 in your editor', firstBadUtf8Line(bytes));
  }
}

export interface ParseLimits {
  /** Files longer than this are refused before parsing; MAX_FILE_BYTES unless a caller (such as the bench) needs more. */
  maxBytes: number;
}

export function parseScenarioText(source: string, file: string, limits?: ParseLimits): ParseOutcome {
  const at = (message: string, line = 1, col = 1, path = ''): Diagnostic => ({
    file,
    line,
    col,
    severity: 'error',
    path,
    message,
  });
  const text = source.replace(/^\uFEFF/, '');
  const maxBytes = limits?.maxBytes ?? MAX_FILE_BYTES;
  if (text.length > maxBytes) return { ok: false, diagnostics: [at(tooLarge(maxBytes))] };
  if (onlyCommentsOrBlank(text)) return { ok: false, diagnostics: [at('the file is empty')] };

  const lineCounter = new LineCounter();
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const atOffset = (message: string, offset: number) => {
    const { line, col } = position(offset);
    return at(message, line, col);
  };

  let tokens: CST.Token[];
  let doc: Document.Parsed;
  try {
    tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
    const tooDeep = findTooDeep(tokens, MAX_DEPTH);
    if (tooDeep !== undefined) {
      return {
        ok: false,
        diagnostics: [
          atOffset(
            `the file is nested more than ${MAX_DEPTH} levels deep here; a scenario never needs so many`,
            tooDeep,
          ),
        ],
      };
    }
    doc = composeOne(tokens, text.length);
  } catch (error) {
    return { ok: false, diagnostics: [at(describeCrash(error))] };
  }

  const errors = mergeByPosition(doc.errors, findDuplicateKeys(doc));
  const yamlProblems = describeYamlProblems([...errors, ...doc.warnings], text, tokens);
  if (yamlProblems.length > 0)
    return { ok: false, diagnostics: yamlProblems.map((p) => atOffset(p.message, p.offset)) };

  const problems: { message: string; offset: number }[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        problems.push({
          message: `"${String(pair.key.value)}" is a reserved name and cannot be used as a key`,
          offset: pair.key.range?.[0] ?? 0,
        });
      }
    },
  });
  problems.push(...checkAliases(doc));
  if (problems.length > 0) {
    problems.sort((a, b) => a.offset - b.offset);
    return { ok: false, diagnostics: problems.map((p) => atOffset(p.message, p.offset)) };
  }

  let value: unknown;
  try {
    // checkAliases has bounded the aliases in one walk; the library's own count (maxAliasCount) walks the
    // whole document again for every alias inside an anchored block, so it is turned off.
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    return { ok: false, diagnostics: [at(describeCrash(error))] };
  }
  const pairs = pairIndex();
  return {
    ok: true,
    file: { value, text, locate: (path, options) => locate(doc, path, position, pairs, options?.key ?? false) },
  };
}

/**
 * True when no line holds anything but white space or a comment. Line by line on purpose: a single
 * regular expression for this backtracks exponentially on a banner of #s followed by content.
 */
function onlyCommentsOrBlank(text: string): boolean {
  return text.split(/\r\n|\r|\n/).every((line) => {
    const content = line.trim();
    return content === '' || content.startsWith('#');
  });
}

/** The first document of the text; a second one is reported as an error on the first. */
function composeOne(tokens: CST.Token[], length: number): Document.Parsed {
  // Keys written twice are found by findDuplicateKeys, in one pass: the library's check is quadratic.
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, strict: true });
  let first: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens, true, length)) {
    if (!first) first = doc;
    else {
      first.errors.push(
        new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
      );
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document, even for an empty stream.
  return first!;
}

type PairIndex = (map: YAMLMap) => Map<unknown, Pair>;

/**
 * Each block's pairs by key (the first pair with a key, as a search would find it), built the first time a
 * path goes through the block: a file with 36,000 unknown fields gets 36,000 diagnostics, and searching the
 * block for each one took 7 s.
 */
function pairIndex(): PairIndex {
  const indexes = new WeakMap<YAMLMap, Map<unknown, Pair>>();
  return (map) => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        if (isPair(item) && isScalar(item.key) && !index.has(item.key.value)) index.set(item.key.value, item);
      }
      indexes.set(map, index);
    }
    return index;
  };
}

function locate(
  doc: Document.Parsed,
  path: DocPath,
  position: (offset: number) => Position,
  pairs: PairIndex,
  atKey: boolean,
): Position {
  let node: unknown = doc.contents;
  let offset = doc.contents?.range?.[0] ?? 0;
  for (const [step, key] of path.entries()) {
    if (isMap(node)) {
      const pair = pairs(node).get(key);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      if (atKey && step === path.length - 1) break;
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

function describeCrash(error: unknown): string {
  if (error instanceof RangeError) return 'the file is nested too deeply to read';
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
  const mb = bytes / 1024 / 1024;
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
