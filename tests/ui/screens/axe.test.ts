// @vitest-environment happy-dom
/**
 * The screen tests trust axe in happy-dom to find accessibility faults; this shows it does, on a
 * real screen with faults put in, so a clean report elsewhere means something.
 */
import { describe, expect, it, vi } from 'vitest';
import { outcomeScreen } from '../../../src/ui/screens/outcome.ts';
import { axeViolations } from './axe.ts';
import { decisionAfter } from './fakes.ts';

function screen() {
  const view = decisionAfter('shorten');
  return outcomeScreen(view.path[0]!, view.meters, 'Continue', { next: vi.fn(), showSource: vi.fn() });
}

describe('axe in happy-dom', () => {
  it('passes the screen as it is', async () => {
    expect(await axeViolations(screen())).toEqual([]);
  });

  it('reports an image without alt text, a button without a name and a broken list', async () => {
    const broken = screen();
    broken.append(document.createElement('img'));
    broken.querySelector('#continue-button')!.textContent = '';
    broken.querySelector('.meters ul')!.append(document.createElement('div'));
    expect(await axeViolations(broken)).toEqual(['button-name: #continue-button', 'image-alt: img', 'list: ul']);
  });

  it('reports a field without a label, a focusable button hidden from screen readers and a made-up role', async () => {
    const broken = screen();
    broken.append(document.createElement('input'));
    broken.querySelector('.actions')!.setAttribute('aria-hidden', 'true');
    broken.querySelector('.outcome-text')!.setAttribute('role', 'paragraf');
    expect(await axeViolations(broken)).toEqual([
      'aria-hidden-focus: div',
      'aria-roles: .outcome-text',
      'label: input',
    ]);
  });
});
