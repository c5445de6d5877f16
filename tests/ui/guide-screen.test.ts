// @vitest-environment happy-dom
/**
 * The guide page: the renderer's document in a frame where no script runs, a Print button, and links
 * between the guide and the handout. The screen itself never sets innerHTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import { readBeside, readBytes } from '../../src/node/scenario-files.ts';
import { guideScreen } from '../../src/ui/screens/guide.ts';

// happy-dom brings its own URL, so paths come from the working folder (the project) here.
const repoRoot = process.cwd();
const fixture = join(repoRoot, 'tests/fixtures/valid/two-decisions/scenario.yaml');
const bundle = checkScenario(fixture, readBytes(fixture), readBeside(fixture)).bundle!;
const links = { other: '#/s/x/handout', briefing: '#/s/x' };

describe('the guide screen', () => {
  it('shows the guide in a frame without scripts, with a Print button and the links', () => {
    const screen = guideScreen(bundle, 'teacher', links);
    const frame = screen.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    expect(frame.srcdoc).toContain('Teacher&#39;s guide');
    expect(screen.querySelector('#print-button')?.textContent).toBe('Print');
    expect([...screen.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Student handout', '#/s/x/handout'],
      ['Back to the briefing', '#/s/x'],
    ]);
  });

  it('shows the handout under its own name', () => {
    const screen = guideScreen(bundle, 'student', { other: '#/s/x/guide', briefing: '#/s/x' });
    expect(screen.querySelector('.eyebrow')?.textContent).toBe('Student handout');
    expect(screen.querySelector('iframe')!.srcdoc).toContain('Student handout');
  });

  it('never sets innerHTML', () => {
    expect(readFileSync(join(repoRoot, 'src/ui/screens/guide.ts'), 'utf8')).not.toMatch(
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(/,
    );
  });
});
