// @vitest-environment happy-dom
/**
 * A misquote in the page's problem list: the closest passage with the author's words crossed out
 * (<del>) beside the source's (<ins>), each with words a screen reader reads ("you wrote", "the
 * source says"), drawn from the same `difference` the CLI prints in [ ] and « ».
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import { readBeside, readBytes } from '../../src/node/scenario-files.ts';
import { problemList } from '../../src/ui/authoring/problem-list.ts';

const repoRoot = process.cwd();

function listFor(fixture: string): HTMLElement {
  const file = join(repoRoot, 'tests/fixtures/invalid', fixture, 'scenario.yaml');
  const { diagnostics } = checkScenario('scenario.yaml', readBytes(file), readBeside(file));
  return problemList({ file: 'scenario.yaml', text: readFileSync(file, 'utf8'), diagnostics });
}

describe('a misquote in the problem list', () => {
  it('marks the differing words with <del> and <ins>, not colour alone, and says which is which', () => {
    const list = listFor('quote-not-in-source');
    expect(list.querySelector('.problem-message')!.textContent).toBe(
      'This quote is not in source "note" word for word.',
    );
    const passage = list.querySelector('.quote-difference blockquote')!;
    expect(passage.querySelector('del')!.textContent).toBe('you wrote: summer');
    expect(passage.querySelector('ins')!.textContent).toBe('the source says: spring.');
    expect(passage.querySelector('del .visually-hidden')!.textContent).toBe('you wrote: ');
    // Read in order, the correction makes sense: the author's word, then the source's.
    expect(passage.textContent).toBe(
      'Some members argued that repairs should wait until you wrote: summer the source says: spring.',
    );
    expect(list.querySelector('.quote-difference .fine-print')!.textContent).toMatch(/Crossed out: your words/);
  });

  it('says the plain reason as a note, and shows the passage unmarked when no word differs', () => {
    const list = listFor('quote-number-separator');
    const view = list.querySelector('.quote-difference')!;
    expect(view.querySelector('del, ins')).toBeNull();
    expect(view.querySelector('blockquote')!.textContent).toBe('Repairs would cost 1,000 pounds a month.');
    expect([...view.querySelectorAll('.quote-notes li')].map((li) => li.textContent)).toEqual([
      'The source writes 1,000, the quote 1000: write it as the source does.',
    ]);
  });

  it('shows other problems as their message', () => {
    const list = listFor('twine-macro');
    expect(list.querySelector('.quote-difference')).toBeNull();
    expect(list.querySelector('.problem-message')!.textContent).toMatch(
      /^Twine code left in the text: "<<set \$cost to 5>>"/,
    );
  });
});
