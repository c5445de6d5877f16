/** The bar at the top of every screen: the brand, and inside a scenario its title and the ways about it. */
import { h, replaceChildren } from './dom.ts';
import type { PlaySession } from './play-session.ts';
import { formatRoute, type Route } from './routes.ts';

export class Topbar {
  /** What the bar shows now: it is drawn again only when that changes (not on every choice). */
  private drawn: { screen: Route['screen']; session: PlaySession | undefined; authored: boolean } | undefined;

  /** `tell` shows a line to the student (here: the copied link). */
  constructor(
    private readonly element: HTMLElement,
    private readonly tell: (notice: string) => void,
  ) {}

  /** `authored`: the scenario was opened by an author, so it has a structure view. */
  draw(route: Route, session: PlaySession | undefined, authored: boolean): void {
    const drawn = this.drawn;
    if (drawn && drawn.screen === route.screen && drawn.session === session && drawn.authored === authored) return;
    this.drawn = { screen: route.screen, session, authored };
    const copyLink = (session: PlaySession) => void copyLinkNotice(session).then(this.tell);
    replaceChildren(this.element, topbarContent(route, session, authored, copyLink));
  }
}

function topbarContent(
  route: Route,
  session: PlaySession | undefined,
  authored: boolean,
  copyLink: (session: PlaySession) => void,
): HTMLElement[] {
  const brand = h('h1', { class: 'brand' }, h('a', { href: '#/' }, 'Branchpoint'));
  if (!session || route.screen === 'title' || route.screen === 'open' || route.screen === 'edit') return [brand];
  const link = (screen: 'briefing' | 'map' | 'structure', text: string) =>
    h('a', { href: formatRoute({ screen, scenario: session.id }) }, text);
  return [
    brand,
    h('p', { class: 'topbar-title' }, session.index.scenario.title),
    h(
      'nav',
      { 'aria-label': 'Scenario' },
      link('briefing', 'Briefing'),
      link('map', 'Branch map'),
      authored ? link('structure', 'Structure') : null,
      route.screen === 'play'
        ? h(
            'button',
            { type: 'button', class: 'link-button', onclick: () => copyLink(session) },
            'Copy link to this point',
          )
        : null,
    ),
  ];
}

/** Puts a link to the session's point on the clipboard; returns the line that tells the student. */
async function copyLinkNotice(session: PlaySession): Promise<string> {
  const url = `${location.href.split('#')[0]}${formatRoute({ screen: 'link', scenario: session.id, options: session.chosen() })}`;
  try {
    await navigator.clipboard.writeText(url);
    return `Link copied: ${url}`;
  } catch {
    return `Copy this link: ${url}`;
  }
}
