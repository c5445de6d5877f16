/** Every problem at once: the later checks run on the well-formed parts of a file whose shape is wrong. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/validate.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostic.ts';

const base = readFileSync('tests/fixtures/valid/two-decisions/scenario.yaml', 'utf8');
const note = readFileSync('tests/fixtures/valid/two-decisions/sources/note.txt', 'utf8');
const check = (text: string) =>
  validateScenario('s.yaml', text, (name) => (name === 'sources/note.txt' ? note : undefined)).diagnostics.map((d) =>
    formatDiagnostic(d).replace(/^s\.yaml:/, ''),
  );

describe('checks on the well-formed parts', () => {
  it('sets aside a broken option and still checks the quotes of the others, at their own lines', () => {
    const text = base
      .replace('effects: [{ variable: cost, add: 5 }]', 'effects: five')
      .replace('"repairs should wait until spring"', '"repairs must wait until spring"');
    expect(check(text)).toEqual([
      '33:18: error: "effects" should be a list, not string "five" (decision point “council”, option “repair”, its “effects”)',
      '40:44: error: this quote is not in source "note" word for word. The closest passage is: "Some members argued that repairs [should] «must» wait until spring." ([source words], «your words»). (decision point “council”, option “wait”, citation 1, its “quote”)',
    ]);
  });

  it('does not call a reference to a part set aside broken, nor check reachability around it', () => {
    // The decision point "traffic" is broken in itself; the options leading to it are fine.
    const text = base.replace('    title: Limit traffic?\n', '    title: [Limit traffic?]\n');
    const found = check(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^44:12: error: "title" should be a string/);
  });

  it('stops at the shape messages when a top-level field is wrong', () => {
    expect(check(base.replace('start: council', 'start: [council]'))).toEqual([
      '9:8: error: "start" should be a string, not a list (its “start”)',
    ]);
  });
});
