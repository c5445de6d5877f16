/**
 * Random corruptions of a valid generated scenario. Each one breaks a rule of the format in a way
 * that must be reported as an error, and says where: `path` is the document path one of the error
 * diagnostics must carry ('' for problems of the file as a whole, such as bytes that are not text).
 */
import fc from 'fast-check';
import { decisionId, toYaml, validScenario, type GeneratedScenario } from './arbitraries.ts';

export interface Corruption {
  kind: string;
  content: string | Uint8Array;
  sources: Record<string, string | Uint8Array>;
  /** The path of a diagnostic that must be reported as an error. */
  path: string;
}

type Path = Array<string | number>;
type Tree = Record<string, unknown>;
type Corrupter = (generated: GeneratedScenario) => fc.Arbitrary<Corruption>;

type Kind = 'root' | 'source' | 'actor' | 'variable' | 'decision' | 'option' | 'ending' | 'citation';

const REQUIRED: Record<Kind, string[]> = {
  root: [
    'format',
    'id',
    'title',
    'summary',
    'language',
    'authors',
    'licence',
    'start',
    'sources',
    'actors',
    'decisions',
    'endings',
  ],
  source: ['id', 'title', 'file'],
  actor: ['id', 'name'],
  variable: ['id', 'label', 'min', 'max', 'initial'],
  decision: ['id', 'actor', 'title', 'situation', 'options'],
  option: ['id', 'label', 'outcome', 'evidence', 'citations', 'next'],
  ending: ['id', 'title', 'text', 'citations', 'questions'],
  citation: ['source', 'quote'],
};

/** The path of every object of each kind in the document. */
function objectsOf(doc: Tree): Record<Kind, Path[]> {
  const list = (key: string) => (doc[key] as unknown[] | undefined) ?? [];
  const decisions = list('decisions').map((_, d): Path => ['decisions', d]);
  const options = decisions.flatMap((p) =>
    (get(doc, [...p, 'options']) as unknown[]).map((_, o): Path => [...p, 'options', o]),
  );
  const endings = list('endings').map((_, e): Path => ['endings', e]);
  const citationHolders = [...decisions, ...options, ...endings];
  return {
    root: [[]],
    source: list('sources').map((_, s) => ['sources', s]),
    actor: list('actors').map((_, a) => ['actors', a]),
    variable: list('variables').map((_, v) => ['variables', v]),
    decision: decisions,
    option: options,
    ending: endings,
    citation: citationHolders.flatMap((p) =>
      ((get(doc, [...p, 'citations']) as unknown[] | undefined) ?? []).map((_, c): Path => [...p, 'citations', c]),
    ),
  };
}

const deleteRequiredField: Corrupter = (g) => {
  const objects = objectsOf(g.document as Tree);
  const fields = Object.entries(REQUIRED).flatMap(([kind, keys]) =>
    objects[kind as Kind].flatMap((p) => keys.map((key) => [...p, key])),
  );
  return fc.constantFrom(...fields).map((path) => edit(g, 'delete a required field', path, (doc) => remove(doc, path)));
};

const wrongType: Corrupter = (g) => {
  const wrong = (value: unknown) =>
    typeof value === 'string'
      ? 7
      : typeof value === 'number'
        ? 'seven'
        : Array.isArray(value)
          ? // Not a string: in format 2 a text (situation, outcome, next...) may be a string or a list.
            7
          : ['an object was expected'];
  return fc
    .constantFrom(...everyPath(g.document))
    .map((path) => edit(g, 'wrong type', path, (doc) => put(doc, path, wrong(get(doc, path)))));
};

const danglingReference: Corrupter = (g) => {
  const doc = g.document as Tree;
  const objects = objectsOf(doc);
  const references: Path[] = [
    ['start'],
    ...objects.decision.map((p) => [...p, 'actor']),
    ...objects.option.map((p) => [...p, 'next']),
    ...objects.citation.map((p) => [...p, 'source']),
    ...objects.option.flatMap((p) =>
      ((get(doc, [...p, 'effects']) as unknown[] | undefined) ?? []).map((_, e) => [...p, 'effects', e, 'variable']),
    ),
    ...objects.option.flatMap((p) =>
      ((get(doc, [...p, 'when']) as Tree[] | undefined) ?? []).flatMap((condition, c) =>
        'variable' in condition ? [[...p, 'when', c, 'variable']] : [],
      ),
    ),
  ];
  return fc
    .constantFrom(...references)
    .map((path) => edit(g, 'dangling reference', path, (d) => put(d, path, 'nowhere-at-all')));
};

const duplicateId: Corrupter = (g) => {
  const doc = g.document as Tree;
  const decisions = doc.decisions as Tree[];
  const choices: Array<[Path, string]> = [
    [['endings', 0, 'id'], decisionId(0)],
    ...decisions.map((d, i): [Path, string] => [
      ['decisions', i, 'options', 1, 'id'],
      String(get(d, ['options', 0, 'id'])),
    ]),
    ...decisions.slice(1).map((_, i): [Path, string] => [['decisions', i + 1, 'id'], decisionId(i)]),
  ];
  return fc.constantFrom(...choices).map(([path, id]) => edit(g, 'duplicate id', path, (d) => put(d, path, id)));
};

const misquote: Corrupter = (g) =>
  fc
    .tuple(
      fc.constantFrom(...objectsOf(g.document as Tree).citation),
      fc.constantFrom('xylophone', 'never said', 'zebra crossing'),
      fc.boolean(),
    )
    .map(([citation, words, before]) => {
      const path = [...citation, 'quote'];
      return edit(g, 'misquote', path, (d) =>
        put(d, path, before ? `${words} ${String(get(d, path))}` : `${String(get(d, path))} ${words}`),
      );
    });

const unknownField: Corrupter = (g) => {
  const holders = Object.values(objectsOf(g.document as Tree)).flat();
  return fc
    .tuple(fc.constantFrom(...holders), fc.constantFrom('colour', 'titel', 'nxt', 'weight'))
    .map(([holder, key]) => edit(g, 'unknown field', [...holder, key], (d) => put(d, [...holder, key], 'surprise')));
};

/** Adds a variable when there is none, so every scenario can be given effects and conditions. */
function withVariable(doc: Tree): VariableDocument {
  const variables = (doc.variables ??= []) as VariableDocument[];
  if (variables.length === 0) variables.push({ id: 'extra', label: 'Extra', min: 0, max: 3, initial: 0 });
  return variables[0]!;
}

interface VariableDocument {
  id: string;
  label: string;
  min: number;
  max: number;
  initial: number;
}

const outOfRangeEffect: Corrupter = (g) =>
  fc
    .tuple(
      fc.constantFrom(...objectsOf(g.document as Tree).option),
      fc.constantFrom('set-above', 'set-below', 'add-too-much', 'subtract-too-much'),
      fc.integer({ min: 1, max: 5 }),
    )
    .map(([option, how, beyond]) => {
      const effects = ((get(g.document, [...option, 'effects']) as unknown[] | undefined) ?? []).length;
      const field = how.startsWith('set') ? 'set' : 'add';
      return edit(g, 'out-of-range effect', [...option, 'effects', effects, field], (d) => {
        const v = withVariable(d);
        const span = v.max - v.min;
        const amount = {
          'set-above': v.max + beyond,
          'set-below': v.min - beyond,
          'add-too-much': span + beyond,
          'subtract-too-much': -span - beyond,
        }[how];
        put(
          d,
          [...option, 'effects'],
          [...((get(d, [...option, 'effects']) as unknown[] | undefined) ?? []), { variable: v.id, [field]: amount }],
        );
      });
    });

const impossibleCondition: Corrupter = (g) =>
  fc
    .tuple(
      fc.constantFrom(...objectsOf(g.document as Tree).option),
      fc.constantFrom('below-min', 'above-max', 'crossed'),
      fc.integer({ min: 1, max: 5 }),
    )
    .map(([option, how, beyond]) => {
      const conditions = ((get(g.document, [...option, 'when']) as unknown[] | undefined) ?? []).length;
      const at = [...option, 'when', conditions];
      const path = how === 'below-min' ? [...at, 'atLeast'] : how === 'above-max' ? [...at, 'atMost'] : at;
      return edit(g, 'impossible condition', path, (d) => {
        const v = withVariable(d);
        const condition =
          how === 'below-min'
            ? { variable: v.id, atLeast: v.min - beyond }
            : how === 'above-max'
              ? { variable: v.id, atMost: v.max + beyond }
              : { variable: v.id, atLeast: v.max, atMost: v.min };
        put(d, [...option, 'when'], [...((get(d, [...option, 'when']) as unknown[] | undefined) ?? []), condition]);
      });
    });

const brokenVariableRange: Corrupter = (g) =>
  fc
    .tuple(fc.constantFrom('empty-range', 'initial-above', 'initial-below'), fc.integer({ min: 0, max: 4 }))
    .map(([how, beyond]) => {
      const path = ['variables', 0, how === 'empty-range' ? 'max' : 'initial'];
      return edit(g, 'broken variable range', path, (d) => {
        const v = withVariable(d);
        if (how === 'empty-range') v.max = v.min - beyond;
        else v.initial = how === 'initial-above' ? v.max + 1 + beyond : v.min - 1 - beyond;
      });
    });

const missingSourceFile: Corrupter = (g) =>
  fc.constantFrom(...objectsOf(g.document as Tree).source).map((source) => {
    const path = [...source, 'file'];
    return edit(g, 'missing source file', path, (d) => put(d, path, 'sources/not-there.txt'));
  });

/** A decision whose every option leads back to itself: a loop with no way out. */
const loopWithNoWayOut: Corrupter = (g) =>
  fc.constantFrom(...objectsOf(g.document as Tree).decision).map((decision) =>
    edit(g, 'loop with no way out', [...decision, 'id'], (d) => {
      for (const option of get(d, [...decision, 'options']) as Tree[])
        option.next = String(get(d, [...decision, 'id']));
    }),
  );

/** Every option of the first decision needs a variable above its initial value: the player is stuck at once. */
const stuckAtStart: Corrupter = (g) =>
  fc.constant(
    edit(g, 'stuck at the start', ['decisions', 0, 'id'], (d) => {
      d.variables = [
        ...((d.variables as unknown[] | undefined) ?? []),
        { id: 'lock', label: 'Lock', min: 0, max: 1, initial: 0 },
      ];
      for (const option of get(d, ['decisions', 0, 'options']) as Tree[])
        option.when = [{ variable: 'lock', atLeast: 1 }];
    }),
  );

const unreachableDecision: Corrupter = (g) => {
  const decisions = (g.document as Tree).decisions as Tree[];
  return fc.constant(
    edit(g, 'unreachable decision', ['decisions', decisions.length, 'id'], (d) => {
      const copy = structuredClone(decisions[decisions.length - 1]!);
      copy.id = 'orphan';
      (d.decisions as Tree[]).push(copy);
    }),
  );
};

const BAD_BYTES = [[0x00], [0xff], [0xc3, 0x28], [0xfe, 0xff, 0x00], [0xed, 0xa0, 0x80]];

const garbageBytesInScenario: Corrupter = (g) =>
  fc.tuple(fc.nat(), fc.constantFrom(...BAD_BYTES)).map(([at, bad]) => ({
    kind: 'garbage bytes in the scenario file',
    content: splice(new TextEncoder().encode(toYaml(g.document)), at, bad),
    sources: g.sources,
    path: '',
  }));

const garbageBytesInSource: Corrupter = (g) =>
  fc
    .tuple(fc.constantFrom(...Object.keys(g.sources)), fc.nat(), fc.constantFrom(...BAD_BYTES))
    .map(([file, at, bad]) => {
      const s = ((g.document as Tree).sources as Tree[]).findIndex((source) => source.file === file);
      return {
        kind: 'garbage bytes in a source file',
        content: toYaml(g.document),
        sources: { ...g.sources, [file]: splice(new TextEncoder().encode(g.sources[file]!), at, bad) },
        path: `sources.${s}.file`,
      };
    });

/** An unclosed flow sequence put before a top-level key: YAML that cannot be parsed. */
const brokenYaml: Corrupter = (g) => {
  const lines = toYaml(g.document).split('\n');
  const topLevel = lines.flatMap((line, i) => (/^[a-z]/.test(line) ? [i] : []));
  return fc
    .tuple(fc.constantFrom(...topLevel), fc.constantFrom('[unclosed', '{ open: [', 'key: [a, b'))
    .map(([at, garbage]) => ({
      kind: 'broken YAML',
      content: [...lines.slice(0, at), garbage, ...lines.slice(at)].join('\n'),
      sources: g.sources,
      path: '',
    }));
};

export const CORRUPTERS: Record<string, Corrupter> = {
  deleteRequiredField,
  wrongType,
  danglingReference,
  duplicateId,
  misquote,
  unknownField,
  outOfRangeEffect,
  impossibleCondition,
  brokenVariableRange,
  missingSourceFile,
  loopWithNoWayOut,
  stuckAtStart,
  unreachableDecision,
  garbageBytesInScenario,
  garbageBytesInSource,
  brokenYaml,
};

/** A valid scenario, corrupted one way or another. */
export const corruptedScenario: fc.Arbitrary<Corruption> = validScenario.chain((g) =>
  fc.oneof(...Object.values(CORRUPTERS).map((corrupt) => corrupt(g))),
);

function edit(g: GeneratedScenario, kind: string, path: Path, change: (doc: Tree) => void): Corruption {
  const doc = structuredClone(g.document) as Tree;
  change(doc);
  return { kind, content: toYaml(doc), sources: g.sources, path: path.join('.') };
}

function get(tree: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], tree);
}

function put(tree: Tree, path: Path, value: unknown): void {
  const parent = get(tree, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
}

function remove(tree: Tree, path: Path): void {
  const parent = get(tree, path.slice(0, -1)) as Record<string | number, unknown>;
  delete parent[path[path.length - 1]!];
}

/** Every path to a value in the tree, except the root. */
function everyPath(tree: unknown, at: Path = []): Path[] {
  if (tree === null || typeof tree !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(tree)
    ? tree.map((v, i) => [i, v])
    : Object.entries(tree);
  return entries.flatMap(([key, value]) => [[...at, key], ...everyPath(value, [...at, key])]);
}

function splice(bytes: Uint8Array, at: number, inserted: number[]): Uint8Array {
  const position = at % (bytes.length + 1);
  return new Uint8Array([...bytes.subarray(0, position), ...inserted, ...bytes.subarray(position)]);
}
