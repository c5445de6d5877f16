/**
 * Files written to hurt the reader. Each must come back as a plain diagnostic: no exception, no
 * hang, nothing added to Object.prototype. Inputs awkward to commit as files are built here.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import type { Diagnostic } from '../../src/scenario/diagnostic.ts';
import { MAX_DEPTH, MAX_FILE_BYTES, parseScenarioText } from '../../src/scenario/parse.ts';
import { MAX_ALIASES } from '../../src/scenario/yaml-aliases.ts';

const noFiles = () => undefined;
const check = (content: string | Uint8Array): Diagnostic[] =>
  checkScenario('hostile.yaml', content, noFiles).diagnostics;
const utf8 = (text: string) => new TextEncoder().encode(text);

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
});

/** The one error a hostile file should give, with its message. */
function onlyError(content: string | Uint8Array): Diagnostic {
  const diagnostics = check(content);
  expect(diagnostics.length).toBeGreaterThan(0);
  expect(diagnostics.every((d) => d.severity === 'error' && d.file === 'hostile.yaml')).toBe(true);
  return diagnostics[0]!;
}

function billionLaughs(): string {
  const letters = 'abcdefghij';
  const lines = [`a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < letters.length; i++) {
    const previous = `*${letters[i - 1]}`;
    lines.push(`${letters[i]}: &${letters[i]} [${Array(9).fill(previous).join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

/** 2,000 keys, each merging (<<) five aliases of one anchor: 67 KB, and 73 s of CPU before the aliases were checked in one walk. */
function mergeBomb(): string {
  const lines = ['base: &a {x: 1}'];
  for (let i = 0; i < 2000; i++) lines.push(`k${String(i).padStart(4, '0')}: {<<: [*a, *a, *a, *a, *a]}`);
  return lines.join('\n') + '\n';
}

/** CPU time of `run` in this process, in milliseconds: other processes' load does not count. */
function cpuMilliseconds(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('hostile scenario files', () => {
  it('refuses an alias bomb ("billion laughs")', () => {
    const error = onlyError(billionLaughs());
    expect(error.message).toMatch(/too many aliases/);
    expect(error.message).toMatch(/billion laughs/);
  });

  it('refuses 10,000 merged aliases of one anchor quickly, at the alias past the limit', () => {
    const text = mergeBomb();
    expect(text.length).toBeGreaterThan(65_000);
    let outcome: ReturnType<typeof parseScenarioText> | undefined;
    // The parse step alone, the least of three runs (the first also warms the code up). It takes 0.2-0.5 s of
    // CPU on a busy machine; before, one walk of the whole document per alias made it 73 s.
    const spent = Math.min(
      ...[1, 2, 3].map(() => cpuMilliseconds(() => (outcome = parseScenarioText(text, 'hostile.yaml')))),
    );
    expect(spent).toBeLessThan(1000);
    expect(outcome?.ok).toBe(false);
    const [error] = outcome!.ok ? [] : outcome!.diagnostics;
    expect(error?.message).toBe(
      `the file uses too many aliases (*name): more than ${MAX_ALIASES}; this is how "billion laughs" files attack a reader`,
    );
    // The 101st alias: the 21st key's first, on line 22.
    expect([error?.line, error?.col]).toEqual([22, 14]);
  });

  it('refuses a key written twice in a block of 20,000 quickly (the check once compared every pair of keys)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `key${i}: ${i}`);
    const text = [...keys, 'key7: again'].join('\n') + '\n';
    let outcome: ReturnType<typeof parseScenarioText> | undefined;
    // About 0.2-0.5 s of CPU on a busy machine; comparing each key with every key before it took 3 s and more.
    const spent = Math.min(...[1, 2].map(() => cpuMilliseconds(() => (outcome = parseScenarioText(text, 'f.yaml')))));
    expect(spent).toBeLessThan(1000);
    expect(outcome?.ok).toBe(false);
    const [error] = outcome!.ok ? [] : outcome!.diagnostics;
    expect(error?.message).toBe('the key "key7" appears twice in the same block: keep one');
    expect([error?.line, error?.col]).toEqual([20_001, 1]);
  });

  it('finds the place of each of 20,000 fields quickly (a diagnostic each once searched the whole block)', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `field${i}: ${i}`).join('\n') + '\n';
    const outcome = parseScenarioText(text, 'f.yaml');
    if (!outcome.ok) throw new Error('the file should parse');
    const lines: number[] = [];
    // Tens of milliseconds; searching the block's pairs for each field took seconds.
    const spent = cpuMilliseconds(() => {
      for (let i = 0; i < 20_000; i++) lines.push(outcome.file.locate([`field${i}`]).line);
    });
    expect(spent).toBeLessThan(500);
    expect(lines[0]).toBe(1);
    expect(lines[19_999]).toBe(20_000);
    expect(outcome.file.locate(['field7'], { key: true })).toEqual({ line: 8, col: 1 });
  });

  it('reads the aliases a scenario may use, and refuses one more', () => {
    const uses = (count: number) =>
      ['shared: &s {who: both}', ...Array.from({ length: count }, (_, i) => `k${i}: *s`)].join('\n') + '\n';
    const ok = parseScenarioText(uses(MAX_ALIASES), 'f.yaml');
    expect(ok.ok && (ok.file.value as Record<string, unknown>)[`k${MAX_ALIASES - 1}`]).toEqual({ who: 'both' });
    expect(parseScenarioText(uses(MAX_ALIASES + 1), 'f.yaml').ok).toBe(false);
  });

  it('refuses aliases that repeat too much, even when there are few of them', () => {
    const block = `[${Array(200).fill('x').join(', ')}]`;
    const text = `big: &big ${block}\n` + Array.from({ length: 60 }, (_, i) => `k${i}: *big`).join('\n') + '\n';
    const error = onlyError(text);
    expect(error.message).toMatch(/too many aliases.*repeat more than 10000 values/);
    expect(error.line).toBe(2 + Math.floor(10_000 / 201));
  });

  it('refuses a file over the size limit, as bytes and as text', () => {
    const big = `title: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    expect(onlyError(utf8(big)).message).toMatch(/larger than 1 MB/);
    expect(onlyError(big).message).toMatch(/larger than 1 MB/);
  });

  // Where the first collection too deep begins: the 41st opening bracket, dash or key.
  it.each([
    ['flow lists 2,000 deep', '['.repeat(2000) + ']'.repeat(2000), 1, MAX_DEPTH + 1],
    ['flow maps 2,000 deep', '{a: '.repeat(2000) + '1' + '}'.repeat(2000), 1, 4 * MAX_DEPTH + 1],
    ['block lists 2,000 deep', '- '.repeat(2000) + 'x\n', 1, 2 * MAX_DEPTH + 1],
    [
      'block maps 600 deep',
      Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
      MAX_DEPTH + 1,
      MAX_DEPTH + 1,
    ],
  ])('refuses %s, again and again', (_, text, line, col) => {
    // The yaml library overflows the stack on such files, and a second overflow in the same
    // process could crash it: reading each file three times proves they are stopped before that.
    for (let round = 0; round < 3; round++) {
      const error = onlyError(text);
      expect(error.message).toMatch(new RegExp(`nested more than ${MAX_DEPTH} levels deep`));
      expect([error.line, error.col]).toEqual([line, col]);
    }
  });

  it('reads nesting up to the limit and refuses one level more', () => {
    const nested = (levels: number) => `a: ${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}\n`;
    expect(parseScenarioText(nested(MAX_DEPTH), 'f.yaml').ok).toBe(true);
    expect(parseScenarioText(nested(MAX_DEPTH + 1), 'f.yaml').ok).toBe(false);
  });

  it('reads a file that opens with a banner of #s (an empty-file check once took exponential time on it)', () => {
    const banner = `${'#'.repeat(64)}\n# The bridge\n${'#'.repeat(64)}\nformat: 1\n`;
    expect(parseScenarioText(banner, 'f.yaml').ok).toBe(true);
  });

  it('refuses a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(onlyError(png).message).toMatch(/binary file/);
  });

  it('refuses bytes that are not UTF-8, naming the line', () => {
    const latin1 = new Uint8Array([...utf8('format: 1\ntitle: Caf'), 0xe9, 0x0a]);
    const error = onlyError(latin1);
    expect(error.message).toMatch(/not valid UTF-8/);
    expect(error.line).toBe(2);
  });

  it('refuses UTF-16 and says what to do', () => {
    expect(onlyError(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3a, 0x00])).message).toMatch(/UTF-16.*save it as UTF-8/);
  });

  it.each([
    ['nothing', ''],
    ['no bytes', new Uint8Array()],
    ['white space', '  \n\n\t\n'],
    ['comments', '# to do\n  # later\n'],
    ['a byte order mark', '\uFEFF'],
  ])('calls a file of %s empty', (_, content) => {
    expect(onlyError(content).message).toBe('the file is empty');
  });

  it.each([
    ['__proto__ key', '__proto__: { polluted: yes }\n'],
    ['quoted __proto__ key', '"__proto__": { polluted: yes }\n'],
    ['__proto__ in a flow map', 'a: { __proto__: { polluted: yes } }\n'],
    ['__proto__ behind an alias', 'a: &x { __proto__: { polluted: yes } }\nb: *x\n'],
    ['constructor key', 'constructor: { prototype: { polluted: yes } }\n'],
  ])('refuses a %s and pollutes nothing', (_, text) => {
    expect(onlyError(text).message).toMatch(/is a reserved name and cannot be used as a key/);
  });

  it.each([
    ['!include', 'summary: !include summary.txt\n'],
    ['!!js/function', 'summary: !!js/function "function () { return 1 }"\n'],
    ['!!python/object', 'summary: !!python/object:os.system [ls]\n'],
  ])('refuses the custom tag %s', (_, text) => {
    expect(onlyError(text).message).toMatch(/custom YAML tags are not allowed/);
  });

  it('refuses an alias with no anchor', () => {
    expect(onlyError('title: *missing\n').message).toBe('there is no anchor "&missing" before this alias "*missing"');
  });

  it('refuses an alias inside the block it names', () => {
    expect(onlyError('authors: &me [*me]\n').message).toMatch(/inside the block it names/);
  });

  it('refuses a second YAML document', () => {
    expect(onlyError('format: 1\n---\nformat: 2\n').message).toMatch(/more than one YAML document/);
  });

  it.each([
    ['a string', 'just some words\n'],
    ['a list', '- one\n- two\n'],
    ['null', '~\n'],
  ])('says so when the file is %s, not a block of fields', (_, text) => {
    expect(onlyError(text).message).toMatch(/^the file should be a block of fields/);
  });
});

describe('any input at all', () => {
  const fragments = [
    '[',
    ']',
    '{',
    '}',
    ':',
    ': ',
    '- ',
    '? ',
    ',',
    '\n',
    '  ',
    '\t',
    '&a ',
    '*a',
    '!x ',
    '!!str ',
    '"',
    "'",
    '#',
    '|',
    '>',
    'key',
    'format',
    '__proto__',
    '1',
    'null',
  ];
  const yamlish = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''));

  const wellFormed = (diagnostics: Diagnostic[]) =>
    diagnostics.every((d) => d.line >= 1 && d.col >= 1 && d.message.length > 0 && !d.message.includes('    at '));

  it('gives well-formed diagnostics for YAML-like text and never throws', () => {
    fc.assert(
      fc.property(yamlish, (text) => wellFormed(check(text))),
      { numRuns: 400 },
    );
  });

  it('gives well-formed diagnostics for any text and bytes and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => wellFormed(check(text))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => wellFormed(check(bytes))),
      { numRuns: 200 },
    );
  });
});
