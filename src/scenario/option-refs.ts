/**
 * How conditions name options: by id when only one decision point has an option with that id,
 * otherwise as "decision-id/option-id". One resolver serves the validator (which reports what
 * does not resolve) and the engine (which compiles what does).
 */
import { didYouMean } from '../lib/similar.ts';
import type { Scenario } from './schema.ts';

export interface OptionRef {
  decision: string;
  option: string;
}

export type Resolved = { ok: true; ref: OptionRef } | { ok: false; message: string };

export function optionResolver(scenario: Scenario): (name: string) => Resolved {
  const owners = new Map<string, string[]>();
  const byDecision = new Map<string, Set<string>>();
  for (const decision of scenario.decisions) {
    byDecision.set(decision.id, new Set(decision.options.map((o) => o.id)));
    for (const option of decision.options) {
      const list = owners.get(option.id);
      if (list) {
        if (!list.includes(decision.id)) list.push(decision.id);
      } else owners.set(option.id, [decision.id]);
    }
  }
  const guess = (word: string, known: Iterable<string>) => {
    const near = didYouMean(word, known);
    return near ? `: did you mean "${near}"?` : '';
  };
  return (name) => {
    const slash = name.indexOf('/');
    if (slash >= 0) {
      const decision = name.slice(0, slash);
      const option = name.slice(slash + 1);
      const options = byDecision.get(decision);
      if (!options)
        return { ok: false, message: `there is no decision point "${decision}"${guess(decision, byDecision.keys())}` };
      if (!options.has(option))
        return {
          ok: false,
          message: `decision point "${decision}" has no option "${option}"${guess(option, options)}`,
        };
      return { ok: true, ref: { decision, option } };
    }
    const found = owners.get(name);
    if (!found) return { ok: false, message: `there is no option "${name}"${guess(name, owners.keys())}` };
    if (found.length > 1)
      return {
        ok: false,
        message: `option "${name}" is in more than one decision point (${found.join(', ')}): write ${found.map((d) => `"${d}/${name}"`).join(' or ')}`,
      };
    return { ok: true, ref: { decision: found[0]!, option: name } };
  };
}

/** The names a chose/notChose/passed/notPassed field holds, as a list. */
export const namesIn = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;
