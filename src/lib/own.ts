/**
 * Records keyed by ids that come from scenario authors or the network. An option may be called
 * `constructor` or `toString` (valid scenario ids) and a message may carry `__proto__`: a plain
 * `{}` answers those from Object.prototype, and assigning `__proto__` changes its prototype
 * instead of adding a key. Counts are therefore read with `own` and built on `ownRecord`.
 */

/** A record without a prototype: every key, `__proto__` included, is an ordinary own property. */
export const ownRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** The record's own value for `key`; never one inherited from Object.prototype. */
export const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
