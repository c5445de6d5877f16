/**
 * Twee 3 (the text form of a Twine story) -> passages and their links, with line numbers.
 * Follows the Twee 3 specification: `:: Name [tags] {metadata}` headers, backslash escapes in
 * names and tags, the StoryTitle and StoryData special passages, and script and stylesheet
 * passages, which are code, not story. Links are read the way Twine 2 reads them:
 * `[[text]]`, `[[text->Target]]` (rightmost arrow), `[[Target<-text]]` (leftmost arrow),
 * `[[text|Target]]`, each optionally followed by a setter `][...]`; and the link macros of the two
 * story formats most stories use: Harlowe's `(link-goto: "text", "Target")` and
 * `(link: "text")[(goto: "Target")]`, SugarCube's `<<link "text" "Target">>`, `<<link [[text|Target]]>>`,
 * `<<link "text">><<goto "Target">><</link>>` (and `<<button>>` alike).
 * The file is untrusted: whatever is wrong with it becomes a problem with its line, never an exception.
 */

export interface TweeLink {
  /** What the reader clicks. */
  text: string;
  /** The name of the passage it leads to. */
  target: string;
  line: number;
}

export interface TweePassage {
  name: string;
  tags: string[];
  /** The passage's text as written, links included, trailing blank lines dropped. */
  text: string;
  /** Line of the passage header. */
  line: number;
  links: TweeLink[];
}

export interface TweeStory {
  title?: string;
  /** From StoryData: the passage to start at, when given. */
  start?: string;
  ifid?: string;
  format?: string;
  /** The story's passages in file order (not StoryTitle, StoryData, script or stylesheet passages). */
  passages: TweePassage[];
  /** Names of passages left out because they are code or special. */
  skipped: string[];
}

export interface TweeProblem {
  line: number;
  message: string;
}

const SPECIAL_NAMES = new Set(['StoryTitle', 'StoryData']);
const CODE_TAGS = new Set(['script', 'stylesheet']);
/** Links to a web address (`https://…`) leave the story; Twine does not count them either. */
const EXTERNAL = /^\w+:\/\/\/?\w/i;

/** A passage as read from the file, before the special and code passages are told apart. */
export interface RawPassage {
  name: string;
  tags: string[];
  line: number;
  lines: string[];
  /** The line its text starts on: the one after a Twee header, the tag's own in Twine's HTML. */
  textLine?: number;
}

export function parseTwee(source: string): { story: TweeStory; problems: TweeProblem[] } {
  const problems: TweeProblem[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const raw: RawPassage[] = [];
  let current: RawPassage | undefined;
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.startsWith('::')) {
      const header = parseHeader(text.slice(2), line, problems);
      current = { ...header, line, lines: [] };
      raw.push(current);
    } else if (current) {
      current.lines.push(text);
    } else if (text.trim() !== '') {
      problems.push({
        line,
        message: 'this text comes before the first passage header (a line starting with "::") and is left out',
      });
    }
  });

  return storyOf(raw, problems);
}

/** The story the raw passages make: StoryTitle and StoryData read, code passages set aside, links found. */
export function storyOf(
  raw: readonly RawPassage[],
  problems: TweeProblem[],
  given: Partial<TweeStory> = {},
): { story: TweeStory; problems: TweeProblem[] } {
  const story: TweeStory = { ...given, passages: [], skipped: [] };
  const seen = new Set<string>();
  for (const passage of raw) {
    const text = trimBlankLines(passage.lines).join('\n');
    if (passage.name === '') {
      problems.push({
        line: passage.line,
        message: 'this passage has no name, so nothing can link to it; it is left out',
      });
      continue;
    }
    if (seen.has(passage.name)) {
      problems.push({
        line: passage.line,
        message: `a second passage named "${passage.name}": Twine allows one, so this one is left out`,
      });
      continue;
    }
    seen.add(passage.name);
    if (passage.name === 'StoryTitle') story.title = text.trim() || undefined;
    else if (passage.name === 'StoryData') Object.assign(story, readStoryData(text, passage.line, problems));
    if (SPECIAL_NAMES.has(passage.name) || passage.tags.some((tag) => CODE_TAGS.has(tag))) {
      story.skipped.push(passage.name);
      continue;
    }
    story.passages.push({
      name: passage.name,
      tags: passage.tags,
      text,
      line: passage.line,
      links: findLinks(passage.lines, passage.textLine ?? passage.line + 1),
    });
  }
  return { story, problems: problems.sort((a, b) => a.line - b.line) };
}

/** `Name [tag tag] {json}` with backslash escapes, after the leading `::`. */
function parseHeader(rest: string, line: number, problems: TweeProblem[]): { name: string; tags: string[] } {
  let i = 0;
  const readUntil = (stops: string): string => {
    let out = '';
    while (i < rest.length && !stops.includes(rest[i]!)) {
      if (rest[i] === '\\' && i + 1 < rest.length) i++;
      out += rest[i];
      i++;
    }
    return out;
  };
  const name = readUntil('[{').trim();
  let tags: string[] = [];
  if (rest[i] === '[') {
    i++;
    const block = readUntil(']');
    if (rest[i] !== ']')
      problems.push({ line, message: 'the tag block "[" of this passage header is never closed with "]"' });
    i++;
    tags = block.split(/\s+/).filter(Boolean);
  }
  while (rest[i] === ' ' || rest[i] === '\t') i++;
  if (rest[i] === '{') {
    // Positions and sizes on Twine's map: not needed here, but a broken block is worth a word.
    try {
      JSON.parse(rest.slice(i));
    } catch {
      problems.push({
        line,
        message: 'the metadata block "{…}" of this passage header is not valid JSON; it is ignored',
      });
    }
  } else if (i < rest.length && rest.slice(i).trim() !== '') {
    problems.push({
      line,
      message: `unexpected text "${rest.slice(i).trim()}" after this passage header's name and tags`,
    });
  }
  return { name, tags };
}

function readStoryData(
  text: string,
  line: number,
  problems: TweeProblem[],
): Pick<TweeStory, 'start' | 'ifid' | 'format'> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    problems.push({ line, message: 'StoryData is not valid JSON, so its start passage and other details are ignored' });
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const field = (key: string) => {
    const value = (data as Record<string, unknown>)[key];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const out: Pick<TweeStory, 'start' | 'ifid' | 'format'> = {};
  const start = field('start');
  const ifid = field('ifid');
  const format = field('format');
  if (start) out.start = start;
  if (ifid) out.ifid = ifid;
  if (format) out.format = format;
  return out;
}

function trimBlankLines(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = 0;
  while (start < end && lines[start]!.trim() === '') start++;
  return lines.slice(start, end);
}

/** Every link to another passage, `[[…]]` or a link macro, in order, with the line it is on. */
function findLinks(lines: string[], firstLine: number): TweeLink[] {
  const links: TweeLink[] = [];
  lines.forEach((text, i) => {
    for (const piece of linkPieces(text)) if (piece.link) links.push({ ...piece.link, line: firstLine + i });
  });
  return links;
}

/** A link found in a line: where it stands, and its text and target (none for an empty or external link). */
export interface LinkPiece {
  start: number;
  end: number;
  link?: { text: string; target: string };
  /** What a reader sees of it in the text: the link's text, or the markup itself when it leads nowhere. */
  shown: string;
}

/** A string argument of a macro: "…" or '…' (Harlowe and SugarCube both take either). */
const STRING = String.raw`(?:"((?:[^"\\\n]|\\.){0,500})"|'((?:[^'\\\n]|\\.){0,500})')`;
const STRING2 = STRING.replace('"((', '"(?<b1>(').replace("'((", "'(?<b2>(");
/**
 * Harlowe names macros without regard to case, dashes or underscores ((link-goto:), (linkgoto:),
 * (Link_Goto:)); SugarCube's are lowercase. Each pattern captures the text and the target.
 */
const MACRO_LINKS: Array<{ pattern: RegExp; read: (m: RegExpExecArray) => LinkPiece['link'] }> = [
  {
    // (link-goto: "text", "Target") or (link-goto: "Target"); (click-goto:) needs a page to click on, so not here.
    pattern: new RegExp(String.raw`\(\s*link[-_]?goto\s*:\s*${STRING}(?:\s*,\s*${STRING2})?\s*\)`, 'gi'),
    read: (m) => macroLink(str(m, 1), m.groups?.b1 ?? m.groups?.b2),
  },
  {
    // (link: "text")[(goto: "Target")], also (link-reveal:) and (link-repeat:) with a (goto:) in the hook.
    pattern: new RegExp(
      String.raw`\(\s*link(?:[-_]?(?:reveal|repeat))?\s*:\s*${STRING}\s*\)\s*\[[^\]\n]{0,300}?\(\s*go[-_]?to\s*:\s*${STRING2}\s*\)[^\]\n]{0,300}?\]`,
      'gi',
    ),
    read: (m) => macroLink(str(m, 1), m.groups?.b1 ?? m.groups?.b2),
  },
  {
    // <<link [[text|Target]]>> or <<button [[…]]>>, with or without a closing tag.
    pattern: /<<(link|button)\s+\[\[([^[\]\n]{0,500})\]\]\s*>>(?:<<\/\1>>)?/g,
    read: (m) => readLink(m[2]!),
  },
  {
    // <<link "text" "Target">> (optionally <</link>>), or <<link "text">><<goto "Target">><</link>>.
    pattern: new RegExp(
      String.raw`<<(link|button)\s+${STRING}(?:\s+${STRING2}\s*>>(?:<</\1>>)?|\s*>>\s*<<goto\s+(?:"(?<g1>[^"\n]{0,500})"|'(?<g2>[^'\n]{0,500})'|\[\[(?<g3>[^[\]\n]{0,500})\]\])\s*>>\s*<</\1>>)`,
      'g',
    ),
    read: (m) => {
      const text = unescape(m[2] ?? m[3] ?? '');
      const target = m.groups?.b1 ?? m.groups?.b2 ?? m.groups?.g1 ?? m.groups?.g2;
      if (target !== undefined) return macroLink(text, target);
      const inner = m.groups?.g3 === undefined ? undefined : readLink(m.groups.g3);
      return inner && { text: text.trim() || inner.text, target: inner.target };
    },
  },
];

const str = (m: RegExpExecArray, group: number) => unescape(m[group] ?? m[group + 1] ?? '');
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

function macroLink(text: string, target: string | undefined): LinkPiece['link'] {
  const to = unescape(target ?? text).trim();
  if (to === '' || EXTERNAL.test(to)) return undefined;
  return { text: text.trim() || to, target: to };
}

/** The links of one line, `[[…]]` and link macros, in order; a link inside a macro's link counts once. */
export function linkPieces(text: string): LinkPiece[] {
  const found: LinkPiece[] = [];
  // Cheap tests first: most lines have no macro at all.
  if (text.includes('<<') || text.includes('(')) {
    for (const { pattern, read } of MACRO_LINKS) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const link = read(m);
        found.push({ start: m.index, end: m.index + m[0].length, link, shown: link?.text ?? m[0] });
      }
    }
  }
  for (const markup of linkMarkup(text)) {
    const link = readLink(markup.inner);
    found.push({ start: markup.start, end: markup.end, link, shown: link?.text ?? markup.inner });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LinkPiece[] = [];
  for (const piece of found) if (!kept.length || piece.start >= kept[kept.length - 1]!.end) kept.push(piece);
  return kept;
}

/** The `[[…]]` pieces of one line, as Twine finds them: from `[[` to the nearest `]]`. */
export function linkMarkup(text: string): Array<{ start: number; end: number; inner: string }> {
  const found: Array<{ start: number; end: number; inner: string }> = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('[[', from);
    if (start < 0) break;
    const close = text.indexOf(']]', start + 2);
    if (close < 0) break;
    found.push({ start, end: close + 2, inner: text.slice(start + 2, close) });
    from = close + 2;
  }
  return found;
}

/** The text and target of a link's inside, or undefined for an empty or external link. */
export function readLink(inner: string): { text: string; target: string } | undefined {
  const withoutSetter = inner.split('][')[0]!;
  let text: string;
  let target: string;
  const arrow = withoutSetter.lastIndexOf('->');
  const back = withoutSetter.indexOf('<-');
  const pipe = withoutSetter.lastIndexOf('|');
  if (arrow >= 0) {
    text = withoutSetter.slice(0, arrow);
    target = withoutSetter.slice(arrow + 2);
  } else if (back >= 0) {
    target = withoutSetter.slice(0, back);
    text = withoutSetter.slice(back + 2);
  } else if (pipe >= 0) {
    text = withoutSetter.slice(0, pipe);
    target = withoutSetter.slice(pipe + 1);
  } else {
    text = target = withoutSetter;
  }
  text = text.trim();
  target = target.trim();
  if (target === '' || EXTERNAL.test(target)) return undefined;
  return { text: text || target, target };
}
