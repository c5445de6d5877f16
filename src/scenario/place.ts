/**
 * A diagnostic's path in the document (decisions.2.options.0.citations.0.quote) -> words an
 * educator reads without knowing YAML paths: decision point “council”, option “wait”, citation 1,
 * its quote. The CLI, the build and the page all show these words (the CLI counted from 0 and the
 * page from 1 before), so they are worked out once, with the diagnostic. Pure, tested under Node.
 */
import { isRecord } from '../lib/is-record.ts';
import type { Diagnostic } from './diagnostic.ts';

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
  // Format 2: a text written as a list of variants, an option's `next` as a list of routes.
  next: 'route',
  situation: 'variant',
  outcome: 'variant',
  text: 'variant',
  anyOf: 'alternative',
  stage: 'stage direction',
  roleBriefs: 'role brief',
  background: 'background note',
  glossary: 'glossary entry',
};
const KINDS_WITH_OWN_NAME = new Set(['next', 'situation', 'outcome', 'text']);

/** `tree`: the file as read (or the checked scenario), where ids are looked up; without it items are numbered. */
export function describePlace(path: string, tree?: unknown): string {
  if (path === '') return 'the file as a whole';
  const steps = path.split('.');
  const words: string[] = [];
  let node: unknown = tree;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const next = steps[i + 1];
    const child = isRecord(node) ? node[step] : undefined;
    if (LISTS[step] && next !== undefined && /^\d+$/.test(next)) {
      const item = Array.isArray(child) ? child[Number(next)] : undefined;
      const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
      // A variant of the outcome: say whose, since "variant 1" alone could be of any text.
      const owner = KINDS_WITH_OWN_NAME.has(step) && step !== 'next' ? ` of its “${step}”` : '';
      words.push(id ? `${LISTS[step]} “${id}”` : `${LISTS[step]} ${Number(next) + 1}${owner}`);
      node = item;
      i++;
    } else if (next !== undefined && /^\d+$/.test(next)) {
      // Any other list (names in a condition, authors): the item by number, counted from 1.
      words.push(`item ${Number(next) + 1} of “${step}”`);
      node = Array.isArray(child) ? child[Number(next)] : undefined;
      i++;
    } else {
      words.push(i === steps.length - 1 ? `its “${step}”` : `“${step}”`);
      node = child;
    }
  }
  return words.join(', ');
}

/** Gives each diagnostic its place in words, read off the file as written (ids, not positions). */
export function withPlaces(diagnostics: readonly Diagnostic[], tree: unknown): Diagnostic[] {
  return diagnostics.map((d) => (d.place !== undefined || !d.path ? d : { ...d, place: describePlace(d.path, tree) }));
}
