/** The keys a student can press on a decision, and what a screen reader hears when a screen opens. */
import type { GameView } from '../engine/view.ts';

/** The option whose number was pressed at a decision on screen, if any. */
export function optionForKey(event: KeyboardEvent, decision: GameView | undefined): string | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || decision?.kind !== 'decision') return undefined;
  const target = event.target as HTMLElement | null;
  if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return undefined;
  return decision.options.find((o) => String(o.number) === event.key)?.id;
}

/** A decision says who decides and how many options there are; any other screen, its heading. */
export function announcement(decision: GameView | undefined, heading: string): string {
  return decision?.kind === 'decision'
    ? `${decision.actor.name} decides. ${decision.title}. ${decision.options.length} options.`
    : heading;
}
