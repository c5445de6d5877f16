/**
 * Warnings for what an author meant to come back to, or brought over from elsewhere, that a
 * student would otherwise read as written: a leftover `TODO` (in any text of the file), Twine code
 * (`<<set $x to 5>>`, `(set: $x to 5)`, `[[links]]`) and words in quotation marks that no source
 * holds (an outcome saying a leader announced a "total naval blockade" looks checked and is not).
 */
import type { DocPath } from './diagnostic.ts';
import type { Scenario, VariantText } from './schema.ts';
import type { Reporter } from './validate.ts';

interface Findable {
  hasQuote: (quote: string) => boolean;
}

/** `sources`: the source files that could be read, by id. */
export function checkLeftovers(scenario: Scenario, sources: ReadonlyMap<string, Findable>, report: Reporter): void {
  checkTodos(scenario, report);
  // A quotation can be looked up only when every source could be read: one missing may hold it.
  const allRead = scenario.sources.every((source) => sources.has(source.id));
  forEachStoryText(scenario, (text, path) => {
    const code = twineCode(text);
    if (code)
      report.warning(
        path(),
        code.startsWith('[[')
          ? `a Twine link left in the text: "${code}". Branchpoint does not follow links in a text, so students would read it as written: make it an option (with its "next"), or take it out`
          : `Twine code left in the text: "${code}". Branchpoint does not run it, so students would read it as written: rewrite it in plain words, or as "effects" and "when"`,
      );
    if (!allRead || !MAY_QUOTE.test(text)) return;
    for (const quoted of quotations(text)) {
      if ([...sources.values()].some((source) => source.hasQuote(quoted))) continue;
      report.warning(
        path(),
        `the words in quotation marks, "${quoted}", are in no source, yet the marks make them look like a checked quotation: cite the words that say it (a citation with its quote), or reword without quotation marks`,
      );
    }
  });
}

const TODO = /\bTODO\b/;
/** Field names whose strings are not prose: a quote is checked against its source anyway. */
const NOT_PROSE = new Set(['quote']);

/** Every string in the scenario with "TODO" in it, wherever it is. */
function checkTodos(scenario: Scenario, report: Reporter): void {
  // Most files have none: one search of the file's text spares a walk through every field.
  if (report.text !== undefined && !report.text.includes('TODO')) return;
  const path: Array<string | number> = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.includes('TODO') && TODO.test(value))
        report.warning(
          [...path],
          `"TODO" is still here: "${excerpt(value, value.search(TODO))}". Write what it stands for, or take it out`,
        );
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        path.push(i);
        visit(item);
        path.pop();
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const key in value) {
        if (NOT_PROSE.has(key)) continue;
        path.push(key);
        visit((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(scenario);
}

/** At most this many characters of a text are shown in a warning. */
const EXCERPT = 60;

function excerpt(text: string, at: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT) return flat;
  const start = Math.max(0, Math.min(at - 10, flat.length - EXCERPT));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + EXCERPT).trim()}${start + EXCERPT < flat.length ? '…' : ''}`;
}

/** Where a story text is: decision and option (or ending) numbers, the field, and the variant, if any. */
type TextAt = [
  field: 'title' | 'situation' | 'label' | 'outcome' | 'text',
  item: number,
  option?: number,
  variant?: number,
];

function pathOf([field, item, option, variant]: TextAt): DocPath {
  const owner: DocPath =
    field === 'text' || (field === 'title' && option === -1)
      ? ['endings', item]
      : option === undefined || option < 0
        ? ['decisions', item]
        : ['decisions', item, 'options', option];
  return variant === undefined ? [...owner, field] : [...owner, field, variant, 'text'];
}

/**
 * Texts students read: titles, situations, option labels, outcomes, endings, each variant apart.
 * Only texts with a character that could start Twine code or a quotation are visited, and paths
 * are made only for those: a large scenario has tens of thousands of texts and nearly all are prose.
 */
function forEachStoryText(scenario: Scenario, visit: (text: string, path: () => DocPath) => void): void {
  // The place is passed in pieces, not as an array, and the loops below hold no functions: a
  // function made in a loop body, even one never called, costs an allocation per text.
  const visitAt = (text: string, field: TextAt[0], item: number, option?: number, variant?: number) =>
    visit(text, () => pathOf([field, item, option, variant]));
  const check = (text: string, field: TextAt[0], item: number, option?: number, variant?: number) => {
    if (MAY_MATTER.test(text)) visitAt(text, field, item, option, variant);
  };
  const variants = (value: VariantText, field: TextAt[0], item: number, option?: number) => {
    if (typeof value === 'string') check(value, field, item, option);
    else for (let v = 0; v < value.length; v++) check(value[v]!.text, field, item, option, v);
  };
  const decisions = scenario.decisions;
  for (let d = 0; d < decisions.length; d++) {
    const decision = decisions[d]!;
    check(decision.title, 'title', d);
    variants(decision.situation, 'situation', d);
    const options = decision.options;
    for (let o = 0; o < options.length; o++) {
      check(options[o]!.label, 'label', d, o);
      variants(options[o]!.outcome, 'outcome', d, o);
    }
  }
  scenario.endings.forEach((ending, e) => {
    check(ending.title, 'title', e, -1);
    variants(ending.text, 'text', e);
  });
}

/**
 * The first piece of Twine code in a text: SugarCube and Harlowe macros (`<<set $x to 5>>`,
 * `(set: $x to 5)`, `(link-goto: "Go", "Next")`) and links (`[[Go->Next]]`).
 */
// Bounded lengths, and no new opening inside, keep a hostile text ("<<a<<a<<a…") from costing the square of its length.
const TWINE_CODE = /<<\/?[A-Za-z=-][^<\n]{0,300}?>>|\([a-z][a-z0-9-]{0,40}:[^()\n]{0,300}\)?|\[\[[^[\]\n]{0,300}\]\]/;

export function twineCode(text: string): string | undefined {
  if (!MAY_BE_CODE.test(text)) return undefined;
  const found = TWINE_CODE.exec(text)?.[0];
  return found === undefined ? undefined : found.length > EXCERPT ? `${found.slice(0, EXCERPT)}…` : found;
}

/** Cheap tests that spare most texts the full patterns. */
const MAY_BE_CODE = /<<|\[\[|\(/;
const MAY_QUOTE = /["“«]/;
const MAY_MATTER = /<<|\[\[|\(|["“«]/;

/**
 * Words between double quotation marks (straight, curly or « »), each with at least one letter.
 * A full stop or comma just inside the closing mark is the writer's punctuation, not the speaker's
 * (the source may have a comma where the quotation ends a sentence), so it is left out.
 */
export function quotations(text: string): string[] {
  return [...text.matchAll(/["“«]([^"“”«»\n]{1,500})["”»]/g)]
    .map((match) => match[1]!.trim().replace(/[.,;:]+$/, ''))
    .filter((words) => /\p{L}/u.test(words));
}
