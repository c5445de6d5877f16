/**
 * A published Twine 2 story (the HTML file Twine's "Publish to File" or "Library > Archive" writes)
 * -> the same passages a Twee file gives. The story is `<tw-storydata name startnode format …>`
 * holding one `<tw-passagedata pid name tags>` per passage, whose text is escaped HTML. Read with
 * patterns, not a DOM: this room is pure, and the file is untrusted (every problem becomes a line).
 */
import type { RawPassage, TweeProblem, TweeStory } from './twee.ts';
import { storyOf } from './twee.ts';

/** Whether a text looks like Twine's HTML rather than Twee. */
export const isTwineHtml = (text: string): boolean => /<tw-storydata[\s>]/i.test(text);

export function parseTwineHtml(html: string): { story: TweeStory; problems: TweeProblem[] } {
  const problems: TweeProblem[] = [];
  const lineAt = lineFinder(html);
  const data = /<tw-storydata\b([^>]*)>/i.exec(html);
  if (!data) {
    problems.push({ line: 1, message: 'no <tw-storydata> element: this is not a story published by Twine 2' });
    return { story: { passages: [], skipped: [] }, problems };
  }
  const storyAttributes = attributes(data[1]!);
  const raw: RawPassage[] = [];
  const names = new Map<string, string>();
  // Each passage's end is found with indexOf, not a lazy pattern: a file of openings without ends
  // would make a pattern scan to the end from every one of them.
  const lower = html.toLowerCase();
  const open = /<tw-passagedata\b([^>]*)>/gi;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const attrs = attributes(m[1]!);
    const line = lineAt(m.index);
    const textStart = m.index + m[0].length;
    const end = lower.indexOf('</tw-passagedata', textStart);
    if (end < 0) {
      problems.push({
        line,
        message: 'this passage is never closed with </tw-passagedata>; it and what follows are left out',
      });
      break;
    }
    const name = attrs.get('name') ?? '';
    const pid = attrs.get('pid');
    if (pid !== undefined && !names.has(pid)) names.set(pid, name);
    raw.push({
      name,
      tags: (attrs.get('tags') ?? '').split(/\s+/).filter(Boolean),
      line,
      textLine: lineAt(textStart),
      lines: decodeEntities(html.slice(textStart, end)).split(/\r\n|\r|\n/),
    });
    open.lastIndex = end;
  }
  const title = storyAttributes.get('name')?.trim();
  const startNode = storyAttributes.get('startnode');
  const start = startNode === undefined ? undefined : names.get(startNode);
  if (startNode !== undefined && start === undefined)
    problems.push({
      line: lineAt(data.index),
      message: `the story's start passage (pid ${startNode}) is not among its passages`,
    });
  const given: Partial<TweeStory> = {};
  if (title) given.title = title;
  if (start) given.start = start;
  const format = storyAttributes.get('format');
  if (format) given.format = format;
  const ifid = storyAttributes.get('ifid');
  if (ifid) given.ifid = ifid;
  return storyOf(raw, problems, given);
}

/** The attributes of a start tag, values unescaped; names lowercased as HTML has them. */
function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const attribute = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = attribute.exec(text); m; m = attribute.exec(text))
    found.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  return found;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&amp;`, `&quot;`, `&#39;`, `&#x27;` and the like, as Twine writes passage text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code[0] !== '#') return NAMED[code.toLowerCase()] ?? whole;
    const value = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff)
      ? String.fromCodePoint(value)
      : whole;
  });
}

/** Line number (from 1) of an offset, by binary search over where lines start. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
