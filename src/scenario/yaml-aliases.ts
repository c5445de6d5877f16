/**
 * Every alias (*name) of a parsed YAML document, checked in one walk: it names an anchor before it,
 * it is not inside the block it names, and together the aliases do not blow the file up.
 *
 * One walk on purpose. The yaml library finds an alias's anchor by walking the whole document from
 * the start (Alias.resolve without its private cache), and its own alias limit (toJS's maxAliasCount)
 * walks the document again for each alias inside an anchored block: a 67 KB file of 10,000 aliases
 * took 73 s that way. Here the anchors seen so far are kept in a map as the walk goes, so each alias
 * costs one look-up, and the size of every block is known by the time an alias repeats it.
 */
import { isAlias, isMap, isPair, isSeq, type Document } from 'yaml';

/** More aliases than this in one file are refused; a scenario needs a few, if any. */
export const MAX_ALIASES = 100;
/** Values (scalars, lists, maps) the aliases may repeat in all, counted with what their blocks hold. */
export const MAX_REPEATED_VALUES = 10_000;

export interface AliasProblem {
  message: string;
  offset: number;
}

const BOMB = 'this is how "billion laughs" files attack a reader';

export function checkAliases(doc: Document.Parsed): AliasProblem[] {
  const problems: AliasProblem[] = [];
  /** Each anchor name -> the last node given it so far: the one an alias at this point names. */
  const anchors = new Map<string, unknown>();
  /** Values in each finished anchored node, counting what its aliases repeat. Not set yet: the walk is inside it. */
  const sizes = new Map<unknown, number>();
  let aliases = 0;
  let repeated = 0;
  let stopped = false;

  // Recursion is safe: findTooDeep has refused files nested more than MAX_DEPTH levels before this runs.
  // Document order, a node before what it holds and a key before its value, as the yaml library reads anchors.
  const size = (node: unknown): number => {
    if (stopped || node === null || typeof node !== 'object') return 0;
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      const target = anchors.get(node.source);
      if (target === undefined) {
        problems.push({ message: `there is no anchor "&${node.source}" before this alias "*${node.source}"`, offset });
        return 1;
      }
      const targetSize = sizes.get(target);
      // An alias inside the block it names would make the value contain itself, forever.
      if (targetSize === undefined) {
        problems.push({
          message: `the alias "*${node.source}" is inside the block it names, so it would contain itself`,
          offset,
        });
        return 1;
      }
      aliases += 1;
      repeated += targetSize;
      if (aliases > MAX_ALIASES || repeated > MAX_REPEATED_VALUES) {
        stopped = true;
        problems.push({
          message:
            aliases > MAX_ALIASES
              ? `the file uses too many aliases (*name): more than ${MAX_ALIASES}; ${BOMB}`
              : `the file uses too many aliases (*name): they repeat more than ${MAX_REPEATED_VALUES} values; ${BOMB}`,
          offset,
        });
      }
      return targetSize;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    let total = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) total += isPair(item) ? size(item.key) + size(item.value) : size(item);
    }
    // Only an anchored node can be named by an alias. Capped, so a bomb's sizes stay finite numbers.
    if (anchor) sizes.set(node, Math.min(total, Number.MAX_SAFE_INTEGER));
    return total;
  };
  size(doc.contents);
  return problems;
}
