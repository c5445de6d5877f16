import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeCondition, optionsOf, pointsOf, uniqueId } from '../../../src/authoring/editor/choices.ts';
import { locateQuote, quoteFromSelection } from '../../../src/authoring/editor/cite.ts';
import { draftFiles, draftFromFiles, newDraft } from '../../../src/authoring/editor/draft.ts';
import { folderFiles, zipFolder } from '../../../src/authoring/editor/scenario-folder.ts';
import { readValue } from '../../../src/authoring/editor/yaml-edit.ts';
import { openScenario } from '../../../src/authoring/open-scenario.ts';

const root = join(import.meta.dirname, '../../..');
const bridge = readValue(readFileSync(join(root, 'tests/fixtures/valid/format-2-bridge/scenario.yaml'), 'utf8'));

describe('the editor’s lists', () => {
  it('offers points and endings to lead to, and names options as conditions must', () => {
    const points = pointsOf(bridge);
    expect(points.some((p) => p.kind === 'decision point')).toBe(true);
    expect(points.some((p) => p.kind === 'ending')).toBe(true);
    const shared = {
      decisions: [
        {
          id: 'a',
          title: 'A',
          options: [
            { id: 'hold', label: 'Hold' },
            { id: 'go', label: 'Go' },
          ],
        },
        { id: 'b', title: 'B', options: [{ id: 'hold', label: 'Hold too' }] },
      ],
    };
    expect(optionsOf(shared).map((o) => o.ref)).toEqual(['a/hold', 'go', 'b/hold']);
    expect(describeCondition({ chose: 'go' }, shared)).toBe('the player chose “Go” at “A”');
    expect(describeCondition({ chose: 'b/hold' }, shared)).toBe('the player chose “Hold too” at “B”');
    expect(describeCondition({ passed: 'b' }, shared)).toBe('the player decided at “B”');
  });

  it('makes fresh ids', () => {
    expect(uniqueId('New decision', ['new-decision'])).toBe('new-decision-2');
    expect(uniqueId('Über!', [])).toBe('ber');
    expect(uniqueId('option-2', ['option-2'])).toBe('option-3');
  });
});

describe('citing by selecting', () => {
  const source = 'The council met.\nIt voted 5 to 4 for the river   route, after a long debate.';
  it('turns a selection into a quote that the checker finds', () => {
    // Selected backwards, from after "after" to before "It" (with the line break before it).
    const quote = quoteFromSelection(source, source.indexOf(' a long'), source.indexOf('It') - 1);
    expect(quote).toBe('It voted 5 to 4 for the river route, after');
    expect(locateQuote(source, quote!)).toMatchObject({ match: 'It voted 5 to 4 for the river   route, after' });
    expect(quoteFromSelection(source, 3, 3)).toBeUndefined();
    expect(locateQuote(source, 'not there')).toBeUndefined();
  });
});

describe('the edited folder', () => {
  it('a new draft passes the real checker with no problems', () => {
    const draft = newDraft();
    const outcome = openScenario(draftFiles(draft));
    expect(outcome.kind).toBe('checked');
    if (outcome.kind !== 'checked') return;
    expect(outcome.result.diagnostics).toEqual([]);
    expect(outcome.result.bundle).toBeDefined();
  });

  it('zips the folder so that opening the zip gives the same files back', () => {
    const draft = newDraft();
    const zip = zipFolder(draft.folder, folderFiles(draft));
    const back = Object.fromEntries(Object.entries(unzipSync(zip)).map(([path, bytes]) => [path, strFromU8(bytes)]));
    expect(back['my-scenario/scenario.yaml']).toBe(draft.text);
    expect(back['my-scenario/sources/source.txt']).toBe(draft.sources['sources/source.txt']);
    const reopened = openScenario([{ path: 'my-scenario.zip', bytes: zip }]);
    expect(reopened.kind).toBe('checked');
    if (reopened.kind !== 'checked') return;
    // The page hands over the files as opened (the zip itself), as check-off-thread does.
    const again = draftFromFiles([{ path: 'my-scenario.zip', bytes: zip }], reopened.file, reopened.text!);
    expect(again.text).toBe(draft.text);
    expect(again.sources).toEqual(draft.sources);
    expect(again.folder).toBe('my-scenario');
  });
});
