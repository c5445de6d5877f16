/** The keys a student can press on a decision, and what a screen reader hears when a screen opens. */
import type { GameView } from '../engine/view.ts';
import { focusHeading } from './dom.ts';

/** The option whose number was pressed at a decision on screen, if any. */
export function optionForKey(event: KeyboardEvent, decision: GameView | undefined): string | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || decision?.kind !== 'decision') return undefined;
  const target = event.target as HTMLElement | null;
  if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return undefined;
  return decision.options.find((o) => String(o.number) === event.key)?.id;
}

/**
 * After a screen is drawn: its top in view, focus on its heading, and a line for screen readers (a
 * decision says who decides and how many options there are; any other screen, its heading).
 */
export function announceScreen(content: HTMLElement, announcer: HTMLElement, decision: GameView | undefined): void {
  content.scrollTop = 0;
  const heading = content.querySelector<HTMLElement>('h2');
  focusHeading(heading);
  announcer.textContent =
    decision?.kind === 'decision'
      ? `${decision.actor.name} decides. ${decision.title}. ${decision.options.length} options.`
      : (heading?.textContent ?? '');
}
