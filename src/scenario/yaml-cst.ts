/**
 * Reading the yaml parser's token tree (its CST) before it becomes a document. The yaml library
 * builds documents recursively: a file nested a few thousand levels deep overflows the stack
 * there, and in Node 20 the next deep file read by the same process can then crash it outright.
 * So depth is measured here first, by walks that use no recursion. The same tokens show where an
 * unclosed bracket or quote began, which the library's errors point past.
 */
import type { CST } from 'yaml';

/** Visits every token in the order it appears in the text, with how many collections enclose it. */
function walk(tokens: readonly CST.Token[], visit: (token: CST.Token, depth: number) => 'stop' | void): void {
  // Pushed in reverse so tokens pop in text order.
  const stack: Array<[CST.Token, number]> = tokens.map((token): [CST.Token, number] => [token, 0]).reverse();
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (visit(token, depth) === 'stop') return;
    if (token.type === 'document' && token.value) stack.push([token.value, depth]);
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of [...token.items].reverse()) {
        if (item.value) stack.push([item.value, depth + 1]);
        if (item.key) stack.push([item.key, depth + 1]);
      }
    }
  }
}

const isCollection = (token: CST.Token) =>
  token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';

/** Offset of the first collection nested deeper than `limit`, if any. */
export function findTooDeep(tokens: readonly CST.Token[], limit: number): number | undefined {
  let found: number | undefined;
  walk(tokens, (token, depth) => {
    if (isCollection(token) && depth + 1 > limit) {
      found = token.offset;
      return 'stop';
    }
  });
  return found;
}

export interface Opening {
  offset: number;
  /** The character that opened it: [, {, " or '. */
  char: string;
}

/** Flow collections and quoted values that start before `offset` and are never closed; the last one opened. */
export function findUnclosedBefore(tokens: readonly CST.Token[], offset: number): Opening | undefined {
  let last: Opening | undefined;
  walk(tokens, (token) => {
    if (token.offset > offset) return;
    if (token.type === 'flow-collection') {
      const closer = token.start.source === '[' ? 'flow-seq-end' : 'flow-map-end';
      if (!token.end.some((end) => end.type === closer)) last = { offset: token.offset, char: token.start.source };
    } else if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
      const quote = token.source[0]!;
      if (token.source.length < 2 || !closesQuote(token.source, quote)) last = { offset: token.offset, char: quote };
    }
  });
  return last;
}

function closesQuote(source: string, quote: string): boolean {
  if (!source.endsWith(quote)) return false;
  if (quote === "'") return true;
  let backslashes = 0;
  for (let i = source.length - 2; i > 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}
