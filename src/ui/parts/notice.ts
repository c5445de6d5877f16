/** The line at the top of a screen that tells the student something, with a way back to their own game after a shared link. */
import { h } from '../dom.ts';

export function noticeBanner(
  notice: string | undefined,
  returnToOwnGame: (() => void) | undefined,
): HTMLElement | null {
  if (!notice) return null;
  return h(
    'div',
    { class: 'notice', role: 'alert' },
    h('p', {}, notice),
    returnToOwnGame
      ? h('button', { type: 'button', class: 'link-button', onclick: returnToOwnGame }, 'Return to my own game')
      : null,
  );
}
