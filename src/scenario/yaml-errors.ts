/**
 * The yaml library's errors, reworded for people who are not YAML experts and moved to the
 * token that caused them: an unclosed bracket is reported where it was opened, not where the
 * parser gave up; an indentation error at the first character of the line, not in its spaces.
 * One syntax error usually sets off others on the same line, so only the first per line is kept.
 */
import type { CST, YAMLError } from 'yaml';
import { findUnclosedBefore } from './yaml-cst.ts';
import { foldAfterLayout, misalignedField, outdentedField, type LayoutProblem } from './yaml-layout-errors.ts';

/** What is read of the library's errors; findDuplicateKeys makes its own without the cost of an Error. */
export type YamlErrorLike = Pick<YAMLError, 'code' | 'pos' | 'message'>;

export interface YamlProblem {
  offset: number;
  message: string;
}

export function describeYamlProblems(
  problems: readonly YamlErrorLike[],
  text: string,
  tokens: readonly CST.Token[],
): YamlProblem[] {
  const kept: LayoutProblem[] = [];
  const linesSeen = new Set<number>();
  for (const problem of problems) {
    // Where the library saw it counts too: a problem moved to the next line is still about this one.
    const seenAt = text.lastIndexOf('\n', problem.pos[0] - 1) + 1;
    if (linesSeen.has(seenAt)) continue;
    const described = describe(problem, text, tokens);
    const offset = skipIndentation(text, described.offset);
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    if (linesSeen.has(lineStart)) continue;
    linesSeen.add(lineStart);
    linesSeen.add(seenAt);
    kept.push({ offset, message: described.message, layout: described.layout });
  }
  return foldAfterLayout(kept).map(({ offset, message }) => ({ offset, message }));
}

function describe(problem: YamlErrorLike, text: string, tokens: readonly CST.Token[]): LayoutProblem {
  const offset = problem.pos[0];
  const libraryWords = problem.message.split('\n')[0]!;
  const at = (message: string, where = offset): LayoutProblem => ({ offset: where, message });
  const layout = (message: string, where = offset): LayoutProblem => ({ offset: where, message, layout: true });
  switch (problem.code) {
    case 'DUPLICATE_KEY': {
      const key = keyAt(text, offset);
      return at(`${key ? `the key "${key}"` : 'this key'} appears twice in the same block: keep one`);
    }
    case 'TAB_AS_INDENT':
      return layout('YAML syntax: indent with spaces, not tabs');
    case 'MULTIPLE_DOCS':
      return at(
        'the file holds more than one YAML document (a line "---" starts a new one): a scenario is one document',
      );
    case 'RESOURCE_EXHAUSTION':
      return at('the file is nested too deeply to read');
    case 'TAG_RESOLVE_FAILED':
      return at(
        `custom YAML tags are not allowed here (${libraryWords.replace(/^Unresolved tag: /, '')}): write plain values`,
      );
    case 'UNEXPECTED_TOKEN': {
      const token = /"(.+)"$/.exec(libraryWords)?.[1];
      return at(token ? `YAML syntax: unexpected "${token}"` : `YAML syntax: ${libraryWords}`);
    }
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      // A field indented too far reads as the value above running on: say so, not "use quotes".
      return (
        misalignedField(text, offset) ??
        at(
          problem.code === 'BLOCK_AS_IMPLICIT_KEY'
            ? 'YAML syntax: this value contains ": " (a colon and a space), which starts a new field in YAML: put the whole value in quotes'
            : `YAML syntax: ${libraryWords}`,
        )
      );
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      if (/end with a [\]}]|closing .?quote/i.test(libraryWords)) {
        const opening = findUnclosedBefore(tokens, offset);
        if (opening) return at(unclosedMessage(opening.char), opening.offset);
      }
      if (/same column/.test(libraryWords)) {
        return (
          outdentedField(text, offset) ??
          layout(
            'YAML syntax: this line does not line up with the lines above it: fields of one block start at the same column',
          )
        );
      }
      if (/without - indicator/.test(libraryWords)) {
        return (
          outdentedField(text, offset) ??
          layout(
            'YAML syntax: this line does not line up with the lines above it (YAML reads it as a list item without "-")',
          )
        );
      }
      return at(`YAML syntax: ${libraryWords}`);
    }
    default:
      return at(`YAML syntax: ${libraryWords}`);
  }
}

function unclosedMessage(char: string): string {
  switch (char) {
    case '[':
      return 'YAML syntax: this "[" is never closed: end the list with "]" (and indent any lines inside it further than this one)';
    case '{':
      return 'YAML syntax: this "{" is never closed: end it with "}" (and indent any lines inside it further than this one)';
    default:
      return `YAML syntax: this quote is never closed: end it with ${char}`;
  }
}

/** The name of the key written at `offset`, quoted or plain. */
function keyAt(text: string, offset: number): string | undefined {
  const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\n:#]*?))[ \t]*:(?:[ \t]|$)/m.exec(
    text.slice(offset, offset + 200),
  );
  const key = match?.[1] ?? match?.[2]?.replace(/''/g, "'") ?? match?.[3];
  return key || undefined;
}

/** An offset inside a line's leading spaces moves to the line's first character. */
function skipIndentation(text: string, offset: number): number {
  let end = offset;
  while (text[end] === ' ' || text[end] === '\t') end++;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const onlySpacesBefore = /^[ \t]*$/.test(text.slice(lineStart, offset));
  return onlySpacesBefore && end < text.length && text[end] !== '\n' && text[end] !== '\r' ? end : offset;
}
