/**
 * World states as single numbers, so the analysis can key (decision point, world state)
 * configurations by a number instead of building a string for every transition it explores.
 * Worlds of whole numbers in small ranges are packed into one number (each variable a digit in
 * a mixed radix); anything else (fractional effects, huge ranges) is interned in a table.
 */

/** A condition with its variable's position; a missing bound is -Infinity or Infinity. */
export interface CodedCondition {
  variable: number;
  atLeast: number;
  atMost: number;
}

/** An effect with its variable's position and range. */
export interface CodedEffect {
  variable: number;
  set: number | undefined;
  add: number;
  min: number;
  max: number;
}

export interface WorldCodes {
  initial: number;
  /** Packed codes: every code is below this. Interned codes: undefined (there is no bound known up front). */
  span: number | undefined;
  /**
   * Packed codes: variable v's value in code is mins[v] + (Math.floor(code / strides[v]) % radices[v]),
   * so a hot loop can read and change values without a call. Interned codes: undefined.
   */
  layout: { mins: Float64Array; strides: Float64Array; radices: Float64Array } | undefined;
  holds(conditions: readonly CodedCondition[], code: number): boolean;
  apply(code: number, effects: readonly CodedEffect[]): number;
  values(code: number): number[];
}

interface VariableRange {
  min: number;
  max: number;
  initial: number;
}

/** Codes are chosen so that code * nodes + node is a safe integer, unique for each configuration. */
export function worldCodes(
  variables: readonly VariableRange[],
  effects: readonly CodedEffect[],
  nodes: number,
): WorldCodes {
  const wholeNumbers = [
    ...variables.flatMap((v) => [v.min, v.max, v.initial]),
    ...effects.map((e) => e.set ?? e.add),
  ].every(Number.isInteger);
  const inRange = variables.every((v) => v.min <= v.initial && v.initial <= v.max);
  const size = variables.reduce((product, v) => product * (v.max - v.min + 1), 1);
  // Interned codes count distinct worlds, which the analysis caps far below what could overflow.
  return wholeNumbers && inRange && size * nodes <= Number.MAX_SAFE_INTEGER
    ? packedCodes(variables)
    : internedCodes(variables);
}

function packedCodes(variables: readonly VariableRange[]): WorldCodes {
  const strides: number[] = [];
  let stride = 1;
  for (const v of variables) {
    strides.push(stride);
    stride *= v.max - v.min + 1;
  }
  const mins = variables.map((v) => v.min);
  const radices = variables.map((v) => v.max - v.min + 1);
  const layout = {
    mins: Float64Array.from(mins),
    strides: Float64Array.from(strides),
    radices: Float64Array.from(radices),
  };
  const value = (code: number, variable: number) =>
    mins[variable]! + (Math.floor(code / strides[variable]!) % radices[variable]!);
  return {
    initial: variables.reduce((code, v, i) => code + (v.initial - v.min) * strides[i]!, 0),
    span: stride,
    layout,
    holds(conditions, code) {
      for (const c of conditions) {
        const current = value(code, c.variable);
        if (current < c.atLeast || current > c.atMost) return false;
      }
      return true;
    },
    apply(code, effects) {
      for (const e of effects) {
        const current = value(code, e.variable);
        const next = Math.min(e.max, Math.max(e.min, e.set ?? current + e.add));
        code += (next - current) * strides[e.variable]!;
      }
      return code;
    },
    values: (code) => variables.map((_, i) => value(code, i)),
  };
}

function internedCodes(variables: readonly VariableRange[]): WorldCodes {
  const worlds: number[][] = [];
  const codes = new Map<string, number>();
  const intern = (world: number[]) => {
    const key = world.join(',');
    let code = codes.get(key);
    if (code === undefined) {
      code = worlds.length;
      codes.set(key, code);
      worlds.push(world);
    }
    return code;
  };
  return {
    initial: intern(variables.map((v) => v.initial)),
    span: undefined,
    layout: undefined,
    holds(conditions, code) {
      const world = worlds[code]!;
      for (const c of conditions) {
        const current = world[c.variable]!;
        if (current < c.atLeast || current > c.atMost) return false;
      }
      return true;
    },
    apply(code, effects) {
      const next = [...worlds[code]!];
      for (const e of effects) next[e.variable] = Math.min(e.max, Math.max(e.min, e.set ?? next[e.variable]! + e.add));
      return intern(next);
    },
    values: (code) => [...worlds[code]!],
  };
}
