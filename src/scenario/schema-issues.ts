/** Turns the schema's complaints into plain-language diagnostics that point at the right place. */
import type { z } from 'zod';
import { didYouMean } from '../lib/similar.ts';
import type { Diagnostic, DocPath } from './diagnostic.ts';
import { formatPath } from './diagnostic.ts';
import type { ParsedFile } from './parse.ts';

type Issue = z.core.$ZodIssue;

export function schemaDiagnostics(
  given: readonly Issue[],
  root: z.ZodType,
  parsed: ParsedFile,
  file: string,
): Diagnostic[] {
  const issues = expandUnions(given);
  const out: Diagnostic[] = [];
  // A misspelt field is also a missing one; the did-you-mean says both, so the second message is left out.
  const explainedMissing = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = documentPath(issue);
    const known = fieldsAt(root, path);
    for (const key of issue.keys) {
      const suggestion = didYouMean(key, known);
      if (suggestion) explainedMissing.add(formatPath([...path, suggestion]));
      const hint = suggestion
        ? `: did you mean "${suggestion}"?`
        : known.length
          ? ` (allowed here: ${known.join(', ')})`
          : '';
      out.push(diagnostic(parsed, file, [...path, key], `unknown field "${key}"${hint}`, { key: true }));
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = documentPath(issue);
    if (isMissing(issue) && explainedMissing.has(formatPath(path))) continue;
    out.push(diagnostic(parsed, file, path, describe(issue, path)));
  }
  return out;
}

/**
 * Format 2 lets some fields be a string or a list (variants, routes, names). zod reports a failed
 * union as one "Invalid input" at the field, with each alternative's issues inside. When the value
 * has the shape of one alternative (its issues are deeper than the field itself), that
 * alternative's issues are the ones that say what is wrong; when it has none of the shapes, one
 * issue says which shapes the field takes.
 */
function expandUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    if (
      issue.code !== 'invalid_union' ||
      !('errors' in issue) ||
      !Array.isArray(issue.errors) ||
      issue.errors.length === 0
    )
      return [issue];
    const branches = issue.errors as Issue[][];
    const wrongShape = (branch: Issue[]) =>
      branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0;
    const matching = branches.find((branch) => !wrongShape(branch));
    if (matching)
      return expandUnions(matching.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue));
    const expected = branches.map((branch) => (branch[0] as { expected?: string }).expected ?? 'value');
    return [
      {
        code: 'invalid_type',
        expected: expected.join(' or '),
        input: issue.input,
        path: issue.path,
        message: issue.message,
      } as Issue,
    ];
  });
}

const documentPath = (issue: Issue): DocPath => issue.path.filter((k): k is string | number => typeof k !== 'symbol');
// A missing field with a fixed list of values comes as invalid_value, not invalid_type: it is still missing.
const isMissing = (issue: Issue) =>
  (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined;

function diagnostic(
  parsed: ParsedFile,
  file: string,
  path: DocPath,
  message: string,
  at: { key?: boolean } = {},
): Diagnostic {
  const { line, col } = parsed.locate(path, at);
  return { file, line, col, severity: 'error', path: formatPath(path), message };
}

function describe(issue: Issue, path: DocPath): string {
  const field = fieldName(path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `missing required field ${field}`;
      return `${field} should be ${article(issue.expected)}, not ${describeValue(issue.input)}`;
    case 'invalid_value': {
      if (issue.input === undefined) return `missing required field ${field}`;
      const allowed = issue.values.map(String);
      const guess = typeof issue.input === 'string' ? didYouMean(issue.input, allowed) : undefined;
      const hint = guess ? ` Did you mean "${guess}"?` : '';
      return allowed.length === 1
        ? `${field} must be ${JSON.stringify(issue.values[0])}.${hint}`
        : `${field} must be one of: ${allowed.join(', ')}.${hint}`;
    }
    case 'custom':
      // Our refinements say what is wrong in a whole sentence, at the block they are about.
      return issue.message;
    case 'invalid_format':
      return `${field}: ${issue.message}${path[path.length - 1] === 'id' ? idHint(issue.input) : ''}`;
    case 'too_small':
    case 'too_big':
      return `${field}: ${issue.message}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

const DASH_LOOK_ALIKES: Record<string, string> = {
  '\u2010': 'a hyphen character (‐)',
  '\u2011': 'a non-breaking hyphen (‑)',
  '\u2012': 'a figure dash (‒)',
  '\u2013': 'an en dash (–)',
  '\u2014': 'an em dash (—)',
  '\u2015': 'a horizontal bar (―)',
  '\u2212': 'a minus sign (−)',
};

/**
 * What to write instead of a wrong id. A word processor or a copied heading turns "-" into an en
 * dash, which looks the same: say so, since the author cannot see the difference.
 */
function idHint(input: unknown): string {
  if (typeof input !== 'string') return '';
  const suggestion = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .replace(/([-_])[-_]+/g, '$1');
  const lookAlike = [...input].find((ch) => DASH_LOOK_ALIKES[ch]);
  const write = suggestion && suggestion !== input ? `: write "${suggestion}"` : '';
  return lookAlike
    ? `. "${input}" has ${DASH_LOOK_ALIKES[lookAlike]}, which only looks like a dash${write}`
    : write
      ? `. For "${input}"${write.slice(1)}`
      : '';
}

/** How to name the place a path ends at: "title", item 2 of "effects", the file. */
function fieldName(path: DocPath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return parent === undefined ? `item ${last + 1}` : `item ${last + 1} of "${String(parent)}"`;
  }
  return `"${last}"`;
}

const article = (type: string): string =>
  type.includes(' or ')
    ? type
        .split(' or ')
        .map((t) => article(t))
        .join(' or ')
    : type === 'array'
      ? 'a list'
      : type === 'object'
        ? 'a block of fields'
        : /^[aeiou]/.test(type)
          ? `an ${type}`
          : `a ${type}`;

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a block of fields';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The field names the schema allows at a path, for did-you-mean hints. */
export function fieldsAt(root: z.ZodType, path: DocPath): string[] {
  let schema: unknown = root;
  for (const key of path) {
    const def = unwrap(schema);
    if (def?.type === 'object') schema = def.shape?.[String(key)];
    else if (def?.type === 'array') schema = def.element;
    else return [];
  }
  const def = unwrap(schema);
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

interface LooseDef {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
}

function unwrap(schema: unknown): LooseDef | undefined {
  let def = (schema as { _zod?: { def?: LooseDef } } | undefined)?._zod?.def;
  while (def && (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'pipe')) {
    const inner = def.type === 'pipe' ? def.in : def.innerType;
    def = (inner as { _zod?: { def?: LooseDef } } | undefined)?._zod?.def;
  }
  return def;
}
