/**
 * Layout mistakes (a field indented a space too far, a tab before a field) make the yaml library
 * read the following lines wrongly, and what it then says is about its misreading: "put the whole
 * value in quotes", "implicit keys need to be on a single line", many times over. Here such a line
 * is recognised for what it is, and the problems that follow it are folded into it.
 */

export interface LayoutProblem {
  offset: number;
  message: string;
  /** A layout mistake: what the library says about later lines is most likely its consequence. */
  layout?: boolean;
}

const FIELD_START = /^[A-Za-z][\w-]*:(?:[ \t]|$)/;

/**
 * When the library complains about a value running into the next line, and that next line is a
 * field written further in than the field above it, the next line is the mistake: it does not line up.
 */
export function misalignedField(text: string, offset: number): LayoutProblem | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) return undefined;
  const line = text.slice(lineStart, lineEnd);
  const keyColumn = /^[ \t]*(?:-[ \t]+)*/.exec(line)![0].length;
  const above = /^[ \t]*(?:-[ \t]+)*([A-Za-z][\w-]*):/.exec(line)?.[1];
  // The next line that holds something; blank lines and comments do not count.
  let nextStart = lineEnd + 1;
  while (nextStart < text.length) {
    const end = text.indexOf('\n', nextStart);
    const next = text.slice(nextStart, end < 0 ? text.length : end);
    if (next.trim() !== '' && !next.trim().startsWith('#')) {
      const indent = /^ */.exec(next)![0].length;
      const field = next.slice(indent);
      if (indent <= keyColumn || !FIELD_START.test(field)) return undefined;
      const name = /^[A-Za-z][\w-]*/.exec(field)![0];
      const further = indent - keyColumn;
      const lineNumber = text.slice(0, lineStart).split('\n').length;
      const than = above ? `"${above}" on line ${lineNumber}` : `line ${lineNumber}`;
      return {
        offset: nextStart + indent,
        message: `YAML syntax: this line does not line up with the lines above it: "${name}" starts ${spaces(further)} further in than ${than}; fields of one block start at the same column`,
        layout: true,
      };
    }
    if (end < 0) break;
    nextStart = end + 1;
  }
  return undefined;
}

const spaces = (n: number) => (n === 1 ? 'one space' : `${n} spaces`);

/**
 * When the library says a line does not line up and that line is a field written further out than
 * the fields of the block above it (but not as far out as the block's own "-" or parent), names the
 * field it should line up with: the nearest one above, in the block it sits in.
 */
export function outdentedField(text: string, offset: number): LayoutProblem | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const indent = /^ */.exec(line)![0].length;
  const name = FIELD_START.test(line.slice(indent)) ? /^[A-Za-z][\w-]*/.exec(line.slice(indent))![0] : undefined;
  if (!name) return undefined;
  // Back up through the lines above while they are further in: the last of them is the block's first
  // line. The fields seen on the way at the smallest column further in than this line are its block.
  let best: { column: number; name: string; line: number } | undefined;
  let end = lineStart - 1;
  let lineNumber = text.slice(0, lineStart).split('\n').length;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const above = text.slice(start, end);
    end = start - 1;
    lineNumber--;
    if (above.trim() === '' || above.trim().startsWith('#')) continue;
    const field = /^( *)((?:- +)*)([A-Za-z][\w-]*):(?:[ \t]|$)/.exec(above);
    if (field) {
      const column = field[1]!.length + field[2]!.length;
      if (column > indent && (!best || column < best.column)) best = { column, name: field[3]!, line: lineNumber };
    }
    if (/^ */.exec(above)![0].length <= indent) break;
  }
  if (!best) return undefined;
  return {
    offset: lineStart + indent,
    message: `YAML syntax: this line does not line up with the lines above it: "${name}" starts ${spaces(best.column - indent)} further out than "${best.name}" on line ${best.line}; fields of one block start at the same column`,
    layout: true,
  };
}

/** Keeps problems up to and including the first layout mistake; the rest become a count on it. */
export function foldAfterLayout(problems: readonly LayoutProblem[]): LayoutProblem[] {
  const first = problems.findIndex((p) => p.layout);
  if (first < 0 || first === problems.length - 1) return [...problems];
  const more = problems.length - first - 1;
  const kept = problems.slice(0, first + 1);
  const layout = kept[first]!;
  kept[first] = {
    ...layout,
    message: `${layout.message} (${more === 1 ? '1 more problem' : `${more} more problems`} further down probably come${more === 1 ? 's' : ''} from this line: fix it and check again)`,
  };
  return kept;
}
