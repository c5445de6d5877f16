import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  duplicateItem,
  insertIn,
  moveItem,
  readValue,
  removeAt,
  setIn,
  setScalar,
  valueAt,
  type Json,
  type Path,
} from '../../../src/authoring/editor/yaml-edit.ts';

const root = join(import.meta.dirname, '../../..');
const FILES = [
  'scenarios/atacms-2024/scenario.yaml',
  'tests/fixtures/valid/two-decisions/scenario.yaml',
  'tests/fixtures/valid/format-2-bridge/scenario.yaml',
  'tests/fixtures/valid/loop-with-way-out/scenario.yaml',
  'tests/fixtures/valid/workshop-small/scenario.yaml',
];
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const comments = (text: string) => text.split('\n').filter((line) => /^\s*#/.test(line));

/** Every list and map in a value, with its path. */
function collections(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  if (value === null || typeof value !== 'object') return [];
  const here = path.length > 0 ? [{ path, value }] : [];
  const children = Array.isArray(value)
    ? value.flatMap((item, i) => collections(item, [...path, i]))
    : Object.entries(value).flatMap(([key, item]) => collections(item, [...path, key]));
  return [...here, ...children];
}

/** A small seeded random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('editing a scenario file in place', () => {
  it('leaves an unedited file byte for byte as it was, and setting a value to itself changes nothing', () => {
    for (const file of FILES) {
      const text = read(file);
      const value = readValue(text) as Record<string, Json>;
      expect(setIn(text, ['title'], value.title!), file).toBe(text);
      expect(setIn(text, ['decisions', 0], (value.decisions as Json[])[0]!), file).toBe(text);
      expect(setIn(text, ['authors'], value.authors!), file).toBe(text);
    }
  });

  it('changes one field and nothing else: comments, order and quoting stay', () => {
    const text = read('scenarios/atacms-2024/scenario.yaml');
    const edited = setIn(text, ['decisions', 0, 'options', 1, 'label'], 'A new label: with a colon');
    const before = text.split('\n');
    const after = edited.split('\n');
    expect(after.length).toBe(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    expect(changed.length).toBe(1);
    expect(after[changed[0]!]).toMatch(/label: ['"]A new label: with a colon['"]$/);
    expect(comments(edited)).toEqual(comments(text));
    const value = readValue(edited) as { decisions: Array<{ options: Array<{ label: string }> }> };
    expect(value.decisions[0]!.options[1]!.label).toBe('A new label: with a colon');
  });

  it('keeps the comments of an edited file (a comment above an item moves with it)', () => {
    const text = [
      '# The scenario',
      'id: demo # its id',
      'authors: [Test]',
      'items:',
      '  # the first',
      '  - id: a',
      '    label: A',
      '  # the second',
      '  - id: b',
      '    label: B # bee',
      '',
    ].join('\n');
    const moved = moveItem(text, ['items'], 1, 0);
    expect(moved).toBe(
      [
        '# The scenario',
        'id: demo # its id',
        'authors: [Test]',
        'items:',
        '  # the second',
        '  - id: b',
        '    label: B # bee',
        '  # the first',
        '  - id: a',
        '    label: A',
        '',
      ].join('\n'),
    );
    const relabelled = setIn(moved, ['items', 0, 'label'], 'Bee');
    expect(relabelled).toContain('    label: Bee # bee\n');
    const added = insertIn(relabelled, ['authors'], 1, 'Another');
    expect(readValue(added)).toMatchObject({ authors: ['Test', 'Another'] });
    expect(added.startsWith('# The scenario\nid: demo # its id\n')).toBe(true);
    const copy = duplicateItem(added, ['items'], 1, { id: 'a-copy' });
    expect(copy).toContain('  # the first\n  - id: a\n    label: A\n  # the first\n  - id: a-copy\n    label: A\n');
    expect(removeAt(copy, ['items'], 0)).not.toContain('# the second');
  });

  it('writes new keys, nested maps, text variants and long text as block YAML that reads back', () => {
    const text = read('tests/fixtures/valid/two-decisions/scenario.yaml');
    let edited = setIn(text, ['teacher', 'ageBand'], '14+');
    edited = setIn(
      edited,
      ['decisions', 0, 'situation'],
      [
        { when: [{ chose: 'close-road' }], text: 'A'.repeat(120), citations: [{ source: 'note', quote: 'x' }] },
        { text: 'Otherwise.', citations: [] },
      ],
    );
    const value = readValue(edited) as Record<string, unknown>;
    expect(valueAt(value, ['teacher', 'ageBand'])).toBe('14+');
    expect(valueAt(value, ['decisions', 0, 'situation', 0, 'text'])).toBe('A'.repeat(120));
    expect(valueAt(value, ['decisions', 0, 'situation', 1, 'text'])).toBe('Otherwise.');
  });

  it('matches the same edits made on plain data, over random edits of every fixture and the flagship', () => {
    for (const file of FILES) {
      const next = random(file.length * 7919);
      let text = read(file);
      let expected = readValue(text) as Json;
      for (let step = 0; step < 30; step++) {
        const lists = collections(expected).filter((c) => Array.isArray(c.value) && (c.value as Json[]).length > 0);
        const target = lists[Math.floor(next() * lists.length)]!;
        const list = target.value as Json[];
        const at = (value: Json, path: Path) => valueAt(value, path) as Json[];
        const i = Math.floor(next() * list.length);
        const j = Math.floor(next() * list.length);
        const kind = Math.floor(next() * 5);
        const label = `${file} step ${step}: ${['set', 'insert', 'remove', 'move', 'duplicate'][kind]} ${target.path.join('.')} ${i} ${j}`;
        const after = clone(expected);
        if (kind === 0) {
          const value: Json = next() < 0.5 ? `text ${step}: with, [marks] and 'quotes' #${step}` : step;
          text = setIn(text, [...target.path, i], value);
          at(after, target.path)[i] = value;
        } else if (kind === 1) {
          const value: Json = next() < 0.5 ? { id: `new-${step}`, text: 'n'.repeat(step * 5) } : `new ${step}`;
          text = insertIn(text, target.path, j, value);
          at(after, target.path).splice(j, 0, value);
        } else if (kind === 2) {
          if (list.length < 2) continue;
          text = removeAt(text, target.path, i);
          at(after, target.path).splice(i, 1);
        } else if (kind === 3) {
          text = moveItem(text, target.path, i, j);
          const moved = at(after, target.path);
          const [item] = moved.splice(i, 1);
          moved.splice(j, 0, item!);
        } else {
          text = duplicateItem(text, target.path, i);
          at(after, target.path).splice(i + 1, 0, clone(list[i]!));
        }
        expected = after;
        expect(readValue(text), label).toEqual(expected);
      }
    }
  });
});

describe('typing in one field', () => {
  it('gives exactly what setIn gives, keystroke by keystroke, for plain, quoted and flow scalars', () => {
    const text = read('tests/fixtures/valid/format-2-bridge/scenario.yaml');
    const value = readValue(text) as Record<string, unknown>;
    const paths: Path[] = [['title'], ['decisions', 0, 'options', 0, 'label'], ['authors', 0]];
    for (const path of paths) {
      let typed = text;
      let reference = text;
      const word = `${String(valueAt(value, path))}: a, [b] #c 'd'`;
      for (let i = 1; i <= word.length; i++) {
        typed = setScalar(typed, path, word.slice(0, i));
        reference = setIn(reference, path, word.slice(0, i));
        expect(typed, `${path.join('.')} after ${i}`).toBe(reference);
      }
      expect(valueAt(readValue(typed), path)).toBe(word);
    }
  });
});
