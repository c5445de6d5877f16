/** A plain object read from untrusted JSON, whose fields can be looked at one by one (arrays are not records). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
