/**
 * A fast way through a zod schema for documents that are valid, which nearly all are by the time
 * a scenario is large. zod's safeParse builds a fresh copy of the whole document (a large scenario
 * is hundreds of thousands of objects) through a general machinery of payloads, issue lists and a
 * memoizer for recursive schemas; that was about 40% of validating the bench scenario.
 *
 * `accepter(schema)` walks zod's own schema definitions (so it follows every change to the schema)
 * and gives exactly the value safeParse would give, or REJECTED at the first thing it does not
 * accept or does not handle; the caller then runs safeParse, whose messages are unchanged. Checks
 * it does not know (a .refine, .int()) are run by zod's own code. The walk keeps the document's own
 * objects and arrays wherever the value safeParse would give is the same, key for key and in the
 * same order (no default filled in, no text trimmed, no key out of the schema's order), and copies
 * only what differs.
 */
import type { z } from 'zod';

export const REJECTED: unique symbol = Symbol('rejected');
type Accept = (value: unknown) => unknown;

// zod's internals as this walk reads them (zod 4: schema._zod.def, check._zod.check).
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Check {
  _zod: {
    def: {
      check: string;
      when?: (payload: Payload) => boolean;
      minimum?: number;
      maximum?: number;
      format?: string;
      pattern?: RegExp;
      tx?: (value: unknown) => unknown;
    };
    check: (payload: Payload) => unknown;
  };
}
interface Internals {
  def: {
    type: string;
    coerce?: boolean;
    format?: string;
    shape?: Record<string, z.ZodType>;
    catchall?: z.ZodType;
    element?: z.ZodType;
    options?: z.ZodType[];
    innerType?: z.ZodType;
    defaultValue?: unknown;
    checks?: Check[];
  };
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  values?: ReadonlySet<unknown>;
}
const internals = (schema: z.ZodType) => (schema as unknown as { _zod: Internals })._zod;

class Unsupported extends Error {}

/** The accepting function for a schema, or undefined when the schema uses a kind this walk does not know. */
export function accepter(schema: z.ZodType): Accept | undefined {
  const made = new Map<z.ZodType, Accept>();
  let accept: Accept;
  try {
    accept = compile(schema, made, new Set());
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (value) => {
    depth = 0;
    return accept(value);
  };
}

// YAML aliases can make a document nest without end (an anchor inside itself): deeper than this is left to zod.
const MAX_NESTING = 256;
let depth = 0;

function compile(schema: z.ZodType, made: Map<z.ZodType, Accept>, building: Set<z.ZodType>): Accept {
  const known = made.get(schema);
  if (known) return known;
  // A recursive schema (a condition's anyOf) meets itself while being made: it is reached through its entry.
  if (building.has(schema)) return (value) => made.get(schema)!(value);
  building.add(schema);
  const accept = build(internals(schema), (part) => compile(part, made, building));
  made.set(schema, accept);
  return accept;
}

function build(zod: Internals, part: (schema: z.ZodType) => Accept): Accept {
  const def = zod.def;
  const checks = def.checks ?? [];
  if (def.coerce || def.format !== undefined) throw new Unsupported();
  switch (def.type) {
    case 'string':
      return leaf((value) => typeof value === 'string', checks.map(stringCheck));
    case 'number':
      return leaf(
        (value) => typeof value === 'number' && !Number.isNaN(value) && Number.isFinite(value),
        checks.map(zodCheck),
      );
    case 'boolean':
      return leaf((value) => typeof value === 'boolean', checks.map(zodCheck));
    case 'literal':
    case 'enum': {
      const values = zod.values!;
      return leaf((value) => values.has(value), checks.map(zodCheck));
    }
    case 'object':
      return object(def.shape!, def.catchall, part, checks.map(zodCheck));
    case 'array':
      return array(part(def.element!), checks.map(arrayCheck));
  }
  // The wrappers below carry no checks of their own in these schemas; any that do are left to zod.
  if (checks.length > 0) throw new Unsupported();
  switch (def.type) {
    case 'union': {
      const options = def.options!.map(part);
      // safeParse gives the first option that accepts the value. An option that gives up part way
      // leaves the nesting count where it was, so it is put back for the next.
      return (value) => {
        const before = depth;
        for (const option of options) {
          const accepted = option(value);
          if (accepted !== REJECTED) return accepted;
          depth = before;
        }
        return REJECTED;
      };
    }
    case 'optional': {
      if (internals(def.innerType!).optin === 'defaulted') throw new Unsupported();
      const present = part(def.innerType!);
      return (value) => (value === undefined ? undefined : present(value));
    }
    case 'default': {
      const present = part(def.innerType!);
      return (value) => {
        if (value === undefined) return def.defaultValue;
        const accepted = present(value);
        return accepted === undefined ? def.defaultValue : accepted;
      };
    }
    default:
      throw new Unsupported();
  }
}

/** A check: the value it leaves (a .trim() changes it), or REJECTED. */
type Step = (value: unknown) => unknown;

function leaf(isType: (value: unknown) => boolean, steps: Step[]): Accept {
  if (steps.length === 0) return (value) => (isType(value) ? value : REJECTED);
  return (value) => {
    if (!isType(value)) return REJECTED;
    for (let s = 0; s < steps.length && value !== REJECTED; s++) value = steps[s]!(value);
    return value;
  };
}

// Checks never call back into this walk, so one payload serves them all.
let shared: Payload = { value: undefined, issues: [] };

/** Runs a check with zod's own code, as safeParse would on a value with no problems so far. */
function zodCheck(check: Check): Step {
  const { when } = check._zod.def;
  return (value) => {
    if (shared.issues.length > 0) shared = { value: undefined, issues: [] };
    shared.value = value;
    if (when && !when(shared)) return value;
    if (check._zod.check(shared) !== undefined || shared.issues.length > 0) return REJECTED;
    return shared.value;
  };
}

/**
 * The string checks every text and id has, without a payload. zod counts a string's length in
 * code points, so only a length that settles the answer in UTF-16 units is decided here.
 */
function stringCheck(check: Check): Step {
  const def = check._zod.def;
  const byZod = zodCheck(check);
  const defaultWhen = def.when === undefined || def.when.name === '_whenHasLength';
  if (def.check === 'overwrite' && def.tx) {
    const tx = def.tx;
    // .trim() leaves a text alone that starts and ends with a printable ASCII character other than
    // a space, as nearly every text does; its own call on a string sliced from the file costs more.
    if (String(tx) !== '(input) => input.trim()') return tx;
    return (value) => {
      const text = value as string;
      return text.length > 0 && isPrintable(text.charCodeAt(0)) && isPrintable(text.charCodeAt(text.length - 1))
        ? text
        : tx(text);
    };
  }
  if (def.check === 'min_length' && defaultWhen) {
    const minimum = def.minimum!;
    return (value) => ((value as string).length >= 2 * minimum ? value : byZod(value));
  }
  if (def.check === 'max_length' && defaultWhen) {
    const maximum = def.maximum!;
    return (value) => ((value as string).length <= maximum ? value : byZod(value));
  }
  if (def.check === 'string_format' && def.format === 'regex' && def.pattern && def.when === undefined) {
    const pattern = def.pattern;
    return (value) => {
      pattern.lastIndex = 0;
      return pattern.test(value as string) ? value : REJECTED;
    };
  }
  return byZod;
}

const isPrintable = (code: number) => code > 0x20 && code < 0x7f;

/** An array's length checks (.min, .max) need no payload: an array's length is its length. */
function arrayCheck(check: Check): Step {
  const def = check._zod.def;
  const defaultWhen = def.when === undefined || def.when.name === '_whenHasLength';
  if (def.check === 'min_length' && defaultWhen)
    return (value) => ((value as unknown[]).length >= def.minimum! ? value : REJECTED);
  if (def.check === 'max_length' && defaultWhen)
    return (value) => ((value as unknown[]).length <= def.maximum! ? value : REJECTED);
  return zodCheck(check);
}

function array(element: Accept, steps: Step[]): Accept {
  return (input) => {
    if (!Array.isArray(input) || depth >= MAX_NESTING) return REJECTED;
    depth++;
    let output: unknown[] | undefined;
    for (let i = 0; i < input.length; i++) {
      const item: unknown = input[i];
      const accepted = element(item);
      if (accepted === REJECTED) return REJECTED;
      if (output === undefined && accepted !== item) output = input.slice(0, i);
      if (output !== undefined) output.push(accepted);
    }
    depth--;
    return checked(output ?? input, steps);
  };
}

/** A container's own checks, run on the value safeParse would give once its parts are accepted. */
function checked(value: unknown, steps: Step[]): unknown {
  for (let s = 0; s < steps.length && value !== REJECTED; s++) value = steps[s]!(value);
  return value;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

interface Field {
  key: string;
  accept: Accept;
  /** Absent in the document and in the value (an optional field). */
  mayBeAbsent: boolean;
  /** Absent in the document, filled in the value (a default). */
  defaulted: boolean;
}

function object(
  shape: Record<string, z.ZodType>,
  catchall: z.ZodType | undefined,
  part: (schema: z.ZodType) => Accept,
  steps: Step[],
): Accept {
  // A strict object (catchall never) refuses unknown keys; a plain one drops them; others are not handled.
  const strict = catchall !== undefined && internals(catchall).def.type === 'never';
  if (catchall !== undefined && !strict) throw new Unsupported();
  const keys = Object.keys(shape);
  if (keys.includes('__proto__')) throw new Unsupported();
  const fields: Field[] = keys.map((key) => {
    const zod = internals(shape[key]!);
    // Which fields may be absent, as zod's object parse decides it (handlePropertyResult).
    return {
      key,
      accept: part(shape[key]!),
      mayBeAbsent: zod.optin === 'optional' && zod.optout === 'optional',
      defaulted: zod.optin === 'defaulted' && zod.optout === undefined,
    };
  });
  const slow = reordering(fields, strict);
  const count = fields.length;
  const walk = (input: unknown): unknown => {
    if (!isPlainObject(input) || depth >= MAX_NESTING) return REJECTED;
    depth++;
    // The usual document has the schema's keys in the schema's order: one pass over its own keys
    // (V8 reads `input[key]` in a for-in fast) keeps it as it is. Anything else takes the slow way.
    let output: Record<string, unknown> | undefined;
    let next = 0;
    for (const key in input) {
      let at = next;
      while (at < count && keys[at] !== key) at++;
      if (at === count) return slow(input);
      for (let skipped = next; skipped < at; skipped++) if (!fields[skipped]!.mayBeAbsent) return slow(input);
      const value = input[key];
      if (value === undefined) return slow(input);
      const accepted = fields[at]!.accept(value);
      if (accepted === REJECTED) return REJECTED;
      if (output === undefined && accepted !== value) output = copyBefore(input, fields, at);
      if (output !== undefined) output[key] = accepted;
      next = at + 1;
    }
    for (let skipped = next; skipped < count; skipped++) if (!fields[skipped]!.mayBeAbsent) return slow(input);
    depth--;
    return output ?? input;
  };
  if (steps.length === 0) return walk;
  return (input) => {
    const accepted = walk(input);
    return accepted === REJECTED ? REJECTED : checked(accepted, steps);
  };
}

/** The fields before `at` as the document has them (all accepted unchanged), in a new object. */
function copyBefore(input: Record<string, unknown>, fields: Field[], at: number): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  for (let f = 0; f < at; f++) {
    const key = fields[f]!.key;
    if (input[key] !== undefined) output[key] = input[key];
  }
  return output;
}

/**
 * An object with keys out of the schema's order, unknown keys or defaults to fill in: a new object
 * in the schema's order, as zod makes it. Leaves `depth` one level lower, as the fast way does.
 */
function reordering(fields: Field[], strict: boolean) {
  const known = new Set(fields.map((field) => field.key));
  return (input: Record<string, unknown>): unknown => {
    if (strict) for (const key in input) if (!known.has(key)) return REJECTED;
    const output: Record<string, unknown> = {};
    for (const field of fields) {
      const value = input[field.key];
      if (value === undefined) {
        // A key present with no value cannot come from YAML; zod's rules for it are left to zod.
        if (field.key in input) return REJECTED;
        if (field.mayBeAbsent) continue;
        if (!field.defaulted) return REJECTED;
      }
      const accepted = field.accept(value);
      if (accepted === REJECTED || accepted === undefined) return REJECTED;
      output[field.key] = accepted;
    }
    depth--;
    return output;
  };
}
