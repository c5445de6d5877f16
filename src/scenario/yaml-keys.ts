/**
 * Keys written twice in one block, found with one set per block. The yaml library's own check
 * (uniqueKeys) compares each new key with every key before it in the block: a block of 20,000 keys
 * took seconds, and the time grows with the square of the keys. This reports the same errors, at the
 * same places, in one pass: scalar keys are equal when their values are (as the library compares them),
 * other keys (lists, maps, aliases as keys) never are.
 */
import { isScalar, visit, type Document } from 'yaml';
import type { YamlErrorLike } from './yaml-errors.ts';

export function findDuplicateKeys(doc: Document.Parsed): YamlErrorLike[] {
  const found: YamlErrorLike[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        // NaN is the one value a set finds equal to itself that `===` does not.
        if (typeof key.value === 'number' && Number.isNaN(key.value)) continue;
        if (!seen.has(key.value)) seen.add(key.value);
        else {
          const offset = key.range?.[0] ?? 0;
          // A plain record, not an Error: a file of 50,000 repeated keys would spend its second on stack traces.
          found.push({ code: 'DUPLICATE_KEY', pos: [offset, offset + 1], message: 'Map keys must be unique' });
        }
      }
    },
  });
  // In the order of the text, as the library reports them (a block's keys after the blocks inside it).
  return found.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** `errors` with `more` put among them by position, the others keeping their order. */
export function mergeByPosition(errors: readonly YamlErrorLike[], more: readonly YamlErrorLike[]): YamlErrorLike[] {
  const merged: YamlErrorLike[] = [];
  let next = 0;
  for (const error of errors) {
    while (next < more.length && more[next]!.pos[0] < error.pos[0]) merged.push(more[next++]!);
    merged.push(error);
  }
  return merged.concat(more.slice(next));
}
