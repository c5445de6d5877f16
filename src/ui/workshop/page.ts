/**
 * What every workshop screen controller shares: the page's elements, the scenarios, a way to move
 * to another route, and the redraw that keeps what the person was doing (focus, typing, open
 * sections) when a new view of the room arrives.
 */
import type { CatalogEntry } from '../../engine/catalog.ts';
import { ScenarioIndex, type CitationView } from '../../engine/view.ts';
import type { ScenarioBundle } from '../../scenario/validate.ts';
import type { MountStage } from '../../game/stage-contract.ts';
import { focusHeading, h, replaceChildren } from '../dom.ts';
import type { ShowSource } from '../parts/citation.ts';
import type { SourcePanel } from '../source-panel.ts';
import type { WorkshopRoute } from './routes.ts';
export { downloadFile } from '../download.ts';

export interface WorkshopPage {
  content: HTMLElement;
  topbar: HTMLElement;
  announcer: HTMLElement;
  sources: SourcePanel;
  catalog: CatalogEntry[];
  loadScenario: (id: string) => Promise<ScenarioBundle | undefined>;
  /** The Phaser stage, imported only by the projector's page when it first needs it. */
  loadStage?: () => Promise<MountStage>;
  navigate: (route: WorkshopRoute) => void;
}

/** A screen's controller: draws its route and lets go of connections and timers when the route changes. */
export interface Controller {
  dispose(): void;
}

const indexes = new Map<string, Promise<ScenarioIndex | undefined>>();

/** The scenario's index, for the source panel; loaded once per scenario. */
export function scenarioIndex(page: WorkshopPage, id: string): Promise<ScenarioIndex | undefined> {
  let index = indexes.get(id);
  if (!index) {
    index = page.loadScenario(id).then((bundle) => (bundle ? new ScenarioIndex(bundle) : undefined));
    indexes.set(id, index);
  }
  return index;
}

/** "Show in source" for a scenario whose index may still be loading. */
export function sourceOpener(page: WorkshopPage, index: () => ScenarioIndex | undefined): ShowSource {
  return (citation: CitationView, opener: HTMLElement) => {
    const loaded = index();
    if (loaded) page.sources.open(loaded, citation.sourceId, opener, citation);
  };
}

/**
 * Puts a new screen in place of the old. With `arrived` (a new screen, not a new view of the same
 * one) focus goes to its heading; otherwise focus, the caret and open sections stay where they were.
 */
export function showScreen(
  page: WorkshopPage,
  screen: HTMLElement,
  { arrived, fallback }: { arrived: boolean; fallback?: string },
): void {
  const { content } = page;
  const active =
    document.activeElement instanceof HTMLElement && content.contains(document.activeElement)
      ? document.activeElement
      : undefined;
  const caret =
    active instanceof HTMLInputElement && active.type === 'text'
      ? [active.selectionStart, active.selectionEnd]
      : undefined;
  const open = new Set([...content.querySelectorAll('details[open] > summary')].map((s) => s.textContent));
  replaceChildren(content, screen);
  if (arrived) {
    focusHeading(content.querySelector<HTMLElement>('h2'));
    return;
  }
  for (const summary of content.querySelectorAll('details > summary')) {
    if (open.has(summary.textContent)) summary.parentElement!.setAttribute('open', '');
  }
  if (!active) return;
  const again = active.id ? document.getElementById(active.id) : null;
  again?.focus({ preventScroll: true });
  if (again && document.activeElement === again) {
    if (caret && again instanceof HTMLInputElement) again.setSelectionRange(caret[0] ?? null, caret[1] ?? null);
    return;
  }
  // What had focus is gone (the button did its work): the next thing to do, else the heading.
  const next = fallback ? content.querySelector<HTMLElement>(fallback) : null;
  if (next) next.focus({ preventScroll: true });
  else focusHeading(content.querySelector<HTMLElement>('h2'));
}

export function announce(page: WorkshopPage, text: string): void {
  page.announcer.textContent = text;
}

/** The bar along the top: the workshop's name, where the person is, and the state of the connection. */
export function showTopbar(page: WorkshopPage, ...parts: Array<Node | string | null>): void {
  replaceChildren(page.topbar, h('h1', { class: 'brand' }, h('a', { href: '#/' }, 'Branchpoint workshop')), parts);
}
