/**
 * A zod schema for counts keyed by option id. zod's own `z.record` builds its result on `{}`, so a
 * `__proto__` key is silently dropped (assigning it sets the prototype) and a later lookup of
 * `constructor` finds Object.prototype's. This one checks each entry and builds a record without
 * a prototype (src/lib/own.ts), where every id is an ordinary key.
 */
import { z } from 'zod';
import { isRecord } from '../lib/is-record.ts';
import { ownRecord } from '../lib/own.ts';

export function countsRecord(key: z.ZodType<string>, count: z.ZodType<number>) {
  return z.custom<Record<string, unknown>>(isRecord, 'counts per option, as an object').transform((input, ctx) => {
    const counts = ownRecord<number>();
    for (const [name, value] of Object.entries(input)) {
      const checkedKey = key.safeParse(name);
      const checkedCount = count.safeParse(value);
      const issue = !checkedKey.success
        ? checkedKey.error.issues[0]
        : !checkedCount.success
          ? checkedCount.error.issues[0]
          : undefined;
      if (issue) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: [name] });
        return z.NEVER;
      }
      counts[name] = checkedCount.data!;
    }
    return counts;
  });
}
