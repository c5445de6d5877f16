/** Small pieces for the diagrams drawn as SVG in the page (branch map, structure view). */
const SVG = 'http://www.w3.org/2000/svg';

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** The text cut to `max` characters with an ellipsis when longer. */
export const cut = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** A title in at most two lines of `width` characters; the second is cut short when it runs on. */
export function wrapTitle(value: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > 2) lines[1] = cut(`${lines[1]} ${lines.slice(2).join(' ')}`, width);
  return lines.slice(0, 2).map((l) => cut(l, width));
}
