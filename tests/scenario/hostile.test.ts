/**
 * Files written to hurt the reader. Each must come back as a plain diagnostic: no exception, no
 * hang, nothing added to Object.prototype. Inputs awkward to commit as files are built here.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import type { Diagnostic } from '../../src/scenario/diagnostic.ts';
import { MAX_DEPTH, MAX_FILE_BYTES, parseScenarioText } from '../../src/scenario/parse.ts';

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

describe('hostile scenario files', () => {
  it('refuses an alias bomb ("billion laughs")', () => {
    expect(onlyError(billionLaughs()).message).toMatch(/too many aliases/);
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
