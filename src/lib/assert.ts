/** Closes a union: the compiler complains if a case is missing, and it throws if one slips through at run time. */
export function exhaustive(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
