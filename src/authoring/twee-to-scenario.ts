/**
 * A parsed Twine story -> the skeleton of a scenario file. Passages with links become decision
 * points, passages without links endings, and every link an option whose citation the author
 * still has to fill in: the placeholders are the only errors the checker reports on a story whose
 * passages each have 2 to 4 links, so its list of errors is the author's list of things to do.
 */
import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TweePassage, TweeStory } from './twee.ts';
import { linkPieces } from './twee.ts';

export const PLACEHOLDER_SOURCE_FILE = 'sources/source.txt';
export const PLACEHOLDER_QUOTE = 'TODO: the exact words of the source that back this';
const SOURCE_ID = 'source';
const ACTOR_ID = 'decision-maker';
const MAX_ID = 64;

export interface ImportOptions {
  /** Used for the title and id when the story has no StoryTitle. */
  fallbackTitle: string;
  /** Path from the scenario's folder to scenarios/scenario.schema.json, for editor completion. */
  schemaPath: string;
}

export interface ImportedScenario {
  id: string;
  /** The scenario file's text. */
  yaml: string;
  /** The placeholder source file to write beside it, at PLACEHOLDER_SOURCE_FILE. */
  sourceText: string;
  /** What the author should know about the import, one sentence each. */
  notes: string[];
  /** Which scenario id each passage became, by passage name. */
  ids: Map<string, string>;
}

/** Lowercase letters, digits and single dashes, at most 64 characters; "" when nothing is left. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_ID) return slug;
  const cut = slug.slice(0, MAX_ID);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 0 ? cut.slice(0, lastDash) : cut;
}

/** Gives out ids that are unique among those it has given, adding -2, -3… where needed. */
function idMaker(fallback: string): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    const base = slugify(text) || fallback;
    let id = base;
    for (let n = 2; used.has(id); n++) {
      const suffix = `-${n}`;
      id = `${base.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    used.add(id);
    return id;
  };
}

/**
 * A passage's words for the page: a line holding only links is left out (its links become the
 * options), a link inside a sentence is replaced by its text.
 */
export function proseOf(text: string): string {
  const lines = text.split('\n').flatMap((line) => {
    const links = linkPieces(line);
    if (links.length === 0) return [line];
    let rest = line;
    for (const link of [...links].reverse()) rest = rest.slice(0, link.start) + rest.slice(link.end);
    if (rest.trim() === '' || /^[\s|•·*-]*$/.test(rest)) return [];
    let out = '';
    let from = 0;
    for (const link of links) {
      out += line.slice(from, link.start) + link.shown;
      from = link.end;
    }
    return [out + line.slice(from)];
  });
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Where the file as read still cites the placeholder: every quote still to write, each option's
 * and ending's alike, even where the checker sets a broken decision point aside.
 */
export function placeholderQuotes(value: unknown): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [];
  const visit = (node: unknown, path: Array<string | number>): void => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i]));
    else if (typeof node === 'object' && node !== null)
      for (const [key, item] of Object.entries(node)) {
        if (key === 'quote' && item === PLACEHOLDER_QUOTE) found.push([...path, key]);
        else visit(item, [...path, key]);
      }
  };
  visit(value, []);
  return found;
}

const placeholderCitation = () => [{ source: SOURCE_ID, quote: PLACEHOLDER_QUOTE }];

/** The id the imported scenario gets: its title's, as a slug. */
export const importedScenarioId = (story: TweeStory, fallbackTitle: string): string =>
  slugify(story.title ?? fallbackTitle) || 'imported-story';

export function tweeToScenario(story: TweeStory, options: ImportOptions): ImportedScenario {
  const title = story.title ?? options.fallbackTitle;
  const notes: string[] = [];
  const passageId = idMaker('passage');
  const ids = new Map(story.passages.map((p) => [p.name, passageId(p.name)]));
  const startName = pickStart(story, notes);
  const decisions = story.passages.filter((p) => p.links.length > 0);
  const endings = story.passages.filter((p) => p.links.length === 0);

  const targetId = (name: string) => ids.get(name) ?? (slugify(name) || 'missing-passage');
  const decisionOf = (passage: TweePassage) => {
    const optionId = idMaker('option');
    return {
      id: ids.get(passage.name)!,
      actor: ACTOR_ID,
      title: passage.name,
      situation: proseOf(passage.text) || 'TODO: what the decision-maker faces here',
      options: passage.links.map((link) => ({
        id: optionId(link.text),
        label: link.text,
        outcome: 'TODO: what happens when this option is chosen',
        evidence: 'hypothetical',
        citations: placeholderCitation(),
        next: targetId(link.target),
      })),
    };
  };
  const endingOf = (passage: TweePassage) => ({
    id: ids.get(passage.name)!,
    title: passage.name,
    text: proseOf(passage.text) || 'TODO: what the world looks like at this ending',
    citations: placeholderCitation(),
    questions: ['TODO: a question for the class'],
  });

  const scenario = {
    format: 1,
    id: importedScenarioId(story, options.fallbackTitle),
    title,
    summary: 'TODO: one or two sentences on what the scenario is about',
    language: 'en',
    authors: ['TODO: your name'],
    licence: 'CC-BY-4.0',
    start: startName !== undefined ? ids.get(startName)! : 'start',
    sources: [{ id: SOURCE_ID, title: 'TODO: the title of your source', file: PLACEHOLDER_SOURCE_FILE }],
    actors: [
      {
        id: ACTOR_ID,
        name: 'The decision-maker',
        description: 'TODO: who decides; add an actor for each person or body that decides',
      },
    ],
    decisions: decisions.map(decisionOf),
    endings: endings.map(endingOf),
  };

  const doc = new Document(scenario);
  doc.commentBefore = headerComment(options.schemaPath, story);
  const flowCitations = (path: Array<string | number>) => {
    (doc.getIn([...path, 'citations'], true) as YAMLSeq).flow = true;
  };
  decisions.forEach((passage, d) => {
    const node = doc.getIn(['decisions', d], true) as YAMLMap;
    node.commentBefore = passageComment(passage, ids, decisionProblem(passage, ids, notes));
    passage.links.forEach((_, o) => flowCitations(['decisions', d, 'options', o]));
  });
  endings.forEach((passage, e) => {
    (doc.getIn(['endings', e], true) as YAMLMap).commentBefore = passageComment(passage, ids);
    flowCitations(['endings', e]);
  });
  if (decisions.length === 0)
    notes.push(
      'no passage has a link, so there is no decision point: link passages with [[…]] or add decisions by hand',
    );
  if (startName !== undefined && ids.has(startName) && !decisions.some((p) => p.name === startName)) {
    notes.push(
      `the start passage "${startName}" has no links, so it became an ending; a scenario must start at a decision point`,
    );
  }

  return { id: scenario.id, yaml: doc.toString({ lineWidth: 100 }), sourceText: SOURCE_PLACEHOLDER_TEXT, notes, ids };
}

function pickStart(story: TweeStory, notes: string[]): string | undefined {
  const names = new Set(story.passages.map((p) => p.name));
  if (story.start !== undefined) {
    if (names.has(story.start)) return story.start;
    notes.push(`StoryData names "${story.start}" as the start, but there is no such passage`);
  }
  if (names.has('Start')) return 'Start';
  return story.passages[0]?.name;
}

function decisionProblem(passage: TweePassage, ids: Map<string, string>, notes: string[]): string | undefined {
  const problems: string[] = [];
  const count = passage.links.length;
  if (count < 2 || count > 4) {
    const problem = `has ${count} link${count === 1 ? '' : 's'}, and a decision point offers 2 to 4 options: ${count < 2 ? 'add an option, or fold this passage into the one before or after it' : 'keep the 4 that matter most, or split the choice in two'}`;
    problems.push(problem);
    notes.push(`passage "${passage.name}" (line ${passage.line}) ${problem}`);
  }
  for (const link of passage.links) {
    if (!ids.has(link.target)) {
      const problem = `links to "${link.target}" (line ${link.line}), a passage that does not exist`;
      problems.push(problem);
      notes.push(`passage "${passage.name}" ${problem}`);
    }
  }
  return problems.length > 0 ? problems.map((p) => `This passage ${p}.`).join('\n ') : undefined;
}

function passageComment(passage: TweePassage, ids: Map<string, string>, problem?: string): string {
  const renamed = ids.get(passage.name) !== passage.name ? `, id "${ids.get(passage.name)}"` : '';
  const tags = passage.tags.length > 0 ? ` [${passage.tags.join(' ')}]` : '';
  return [
    ` Twine passage "${passage.name}"${tags}${renamed} (line ${passage.line})`,
    ...(problem ? [` ${problem}`] : []),
  ].join('\n');
}

function headerComment(schemaPath: string, story: TweeStory): string {
  const from = story.format ? ` (story format: ${story.format})` : '';
  return [
    ` yaml-language-server: $schema=${schemaPath}`,
    '',
    ` Imported from a Twine story${from} by \`npm run scenario -- import-twee\`.`,
    ' Each passage with links became a decision point, each passage without links an ending, and',
    ' each link an option. What is left for you to do:',
    '',
    ` 1. Paste the text your scenario rests on into ${PLACEHOLDER_SOURCE_FILE}, and give the source its`,
    '    title (and publisher, date and address where known) under "sources".',
    ` 2. Every option and ending cites the placeholder "${PLACEHOLDER_QUOTE}".`,
    '    Replace each with the exact words of the source that back it. Until you do, the checker',
    '    (npm run scenario -- validate <this folder>) reports each one as an error with its line:',
    '    that list is your list of things to do.',
    ' 3. Replace every other "TODO": the summary, your name, each outcome (what happens when an',
    "    option is chosen) and each ending's questions for the class.",
    ' 4. Check each option\'s evidence label: all start as "hypothetical" (docs/authoring.md, section 4).',
    ' 5. Name who decides: one actor, "decision-maker", stands for everyone for now.',
    ' Twine macros, variables and formatting are kept as written in the text: rewrite them as plain words',
    ' (the checker warns about each, and about every TODO left).',
  ].join('\n');
}

const SOURCE_PLACEHOLDER_TEXT = `Paste the text of your source here, replacing these lines: an article, a report, minutes of a
meeting, a chapter. Save this file as plain UTF-8 text.

Every quotation in the scenario is checked, word for word, against this file.
`;
