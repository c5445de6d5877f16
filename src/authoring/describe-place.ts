/**
 * A diagnostic's path in the document (decisions.2.options.0.citations.0.quote) -> words an
 * educator reads without knowing YAML paths: decision point “council”, option “wait”, citation 1,
 * its quote. Pure, so it is tested under Node.
 */
import type { Scenario } from '../scenario/schema.ts';
import { isRecord } from '../lib/is-record.ts';

const LISTS: Record<string, string> = {
  sources: 'source',
  actors: 'actor',
  variables: 'variable',
  decisions: 'decision point',
  options: 'option',
  endings: 'ending',
  citations: 'citation',
  effects: 'effect',
  when: 'condition',
  places: 'place',
  ranges: 'range',
  questions: 'discussion question',
};

export function describePlace(path: string, scenario?: Scenario): string {
  if (path === '') return 'the file as a whole';
  const steps = path.split('.');
  const words: string[] = [];
  let node: unknown = scenario;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const next = steps[i + 1];
    const child = isRecord(node) ? node[step] : undefined;
    if (LISTS[step] && next !== undefined && /^\d+$/.test(next)) {
      const item = Array.isArray(child) ? child[Number(next)] : undefined;
      const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
      words.push(id ? `${LISTS[step]} “${id}”` : `${LISTS[step]} ${Number(next) + 1}`);
      node = item;
      i++;
    } else {
      words.push(i === steps.length - 1 ? `its “${step}”` : `“${step}”`);
      node = child;
    }
  }
  return words.join(', ');
}
