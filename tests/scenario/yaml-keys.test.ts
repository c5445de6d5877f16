/**
 * findDuplicateKeys replaces the yaml library's own check for keys written twice (uniqueKeys, quadratic in
 * the keys of a block): it must find the same keys at the same offsets, in the same order.
 */
import { Composer, Parser } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys, mergeByPosition } from '../../src/scenario/yaml-keys.ts';

function compose(text: string, uniqueKeys: boolean) {
  const tokens = [...new Parser().parse(text)];
  return [...new Composer({ prettyErrors: false, strict: true, uniqueKeys }).compose(tokens, true, text.length)][0]!;
}

describe('keys written twice', () => {
  it.each([
    ['plain keys', 'a: 1\nb: 2\na: 3\n'],
    ['quoted and plain', '"a": 1\na: 2\n'],
    ['single and double quotes', '\'a\': 1\n"a": 2\n'],
    ['keys with anchors', '&x a: 1\n&y a: 2\n'],
    ['a tagged key', '!!str a: 1\na: 2\n'],
    ['empty keys', ': 1\n: 2\n'],
    ['a flow map', '{a: 1, b: 2, a: 3}\n'],
    ['a flow map in a block', 'x: {a: 1, "a": 2}\n'],
    ['explicit keys', '? a\n: 1\n? a\n: 2\n'],
    ['numbers and strings', '1: a\n"1": b\n1: c\n'],
    ['true and True', 'true: 1\nTrue: 2\n'],
    ['NaN (never equal)', '.nan: 1\n.nan: 2\n'],
    ['0 and -0', '0: a\n-0: b\n'],
    ['one-pair maps in a flow list', '[a: 1, a: 2]\n'],
    ['a map in a list', 'l:\n  - a: 1\n    a: 2\n'],
    ['lists as keys (never equal)', '? [a]\n: 1\n? [a]\n: 2\n'],
    ['aliases as keys (never equal)', 'a: &q 1\n*q : 2\n*q : 3\n'],
    ['null and ~', 'null: 1\n~: 2\n'],
    ['hex and decimal', '0x1: a\n1: b\n'],
    ['inner and outer blocks', 'a:\n  b: 1\n  b: 2\nc: 3\nc: 4\n'],
    ['three times', 'a: 1\na: 2\na: 3\n'],
  ])('%s: as the library finds them', (_, text) => {
    const library = compose(text, true)
      .errors.filter((e) => e.code === 'DUPLICATE_KEY')
      .map((e) => e.pos[0]);
    const ours = findDuplicateKeys(compose(text, false)).map((e) => e.pos[0]);
    expect(ours).toEqual(library);
  });

  it('puts them among the other errors by position', () => {
    const at = (offset: number, code: 'BAD_INDENT' | 'DUPLICATE_KEY') => ({
      code,
      pos: [offset, offset + 1] as [number, number],
      message: '',
    });
    const merged = mergeByPosition(
      [at(5, 'BAD_INDENT'), at(2, 'BAD_INDENT'), at(30, 'BAD_INDENT')],
      [at(10, 'DUPLICATE_KEY'), at(40, 'DUPLICATE_KEY')],
    );
    expect(merged.map((e) => e.pos[0])).toEqual([5, 2, 10, 30, 40]);
  });
});
