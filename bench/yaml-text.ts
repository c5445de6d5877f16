/**
 * Plain data -> YAML text as authors write it: block style, with the short lists named in
 * `inline` on one line. Written by hand because the yaml package took seconds to stringify the
 * 10,000-decision scenario; tests/engine/bench-generator.test.ts checks it reads back unchanged.
 */

type Data = string | number | boolean | Data[] | { [key: string]: Data | undefined };

/** Strings that read back as the same string without quotes, in block and flow style alike; anything else is written as JSON. */
const PLAIN = /^[A-Za-z][A-Za-z0-9 .()'-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off)$/i;

const scalar = (value: string | number | boolean): string =>
  typeof value === 'string' && (!PLAIN.test(value) || value.endsWith(' ') || RESERVED.test(value))
    ? JSON.stringify(value)
    : String(value);

function flow(value: Data): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (typeof value === 'object')
    return `{ ${entries(value)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')} }`;
  return scalar(value);
}

const entries = (map: { [key: string]: Data | undefined }) =>
  Object.entries(map).filter((entry): entry is [string, Data] => entry[1] !== undefined);

export function toYamlText(root: { [key: string]: Data | undefined }, inline: ReadonlySet<string>): string {
  const lines: string[] = [];
  const block = (map: { [key: string]: Data | undefined }, indent: string, firstPrefix = indent) => {
    entries(map).forEach(([key, value], i) => {
      const prefix = i === 0 ? firstPrefix : indent;
      const isList = Array.isArray(value);
      if (isList && (inline.has(key) || value.length === 0)) lines.push(`${prefix}${key}: ${flow(value)}`);
      else if (isList) {
        lines.push(`${prefix}${key}:`);
        for (const item of value) {
          if (typeof item === 'object' && !Array.isArray(item)) block(item, `${indent}    `, `${indent}  - `);
          else lines.push(`${indent}  - ${flow(item)}`);
        }
      } else if (typeof value === 'object') {
        lines.push(`${prefix}${key}:`);
        block(value, `${indent}  `);
      } else lines.push(`${prefix}${key}: ${scalar(value)}`);
    });
  };
  block(root, '');
  return `${lines.join('\n')}\n`;
}
