/**
 * The page: follows the address, shows the screen for it, and keeps the Phaser stage in step.
 * Game state lives in the PlaySession's actor; this only decides which screen shows it.
 */
import type { CatalogEntry } from '../engine/catalog.ts';
import { branchLayout } from '../engine/layout.ts';
import { playthroughMarkdown } from '../engine/summary.ts';
import type { CitationView } from '../engine/view.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { Stage, MountStage } from '../game/stage-contract.ts';
import { focusHeading, h, replaceChildren } from './dom.ts';
import { PlaySession } from './play-session.ts';
import { formatRoute, parseRoute, type Route } from './routes.ts';
import { SourcePanel } from './source-panel.ts';
import { backUpGame, hasSavedGame, restoreBackedUpGame } from './storage.ts';
import { branchMapScreen } from './screens/branch-map.ts';
import { briefingScreen } from './screens/briefing.ts';
import { compareScreen } from './screens/compare.ts';
import { debriefScreen } from './screens/debrief.ts';
import { decisionScreen } from './screens/decision.ts';
import { outcomeScreen } from './screens/outcome.ts';
import { titleScreen } from './screens/title.ts';

export interface AppOptions {
  catalog: CatalogEntry[];
  loadScenario: (id: string) => Promise<ScenarioBundle | undefined>;
  loadStage: () => Promise<MountStage>;
}

interface Elements {
  content: HTMLElement;
  topbar: HTMLElement;
  stage: HTMLElement;
  announcer: HTMLElement;
  sourcePanel: HTMLDialogElement;
}

export class App {
  private session: PlaySession | undefined;
  private stage: Stage | undefined;
  private stageFor: string | undefined;
  private route: Route = { screen: 'title' };
  /** Whether the session's saved game has been loaded (once per scenario opened). */
  private resumed = false;
  /** A shared link replaced the student's game; their own is kept and can come back. */
  private linkRestorable = false;
  /** After a choice, its outcome shows until the student moves on: a matter of the screen, not the game. */
  private showingOutcome = false;
  private notice: string | undefined;
  private readonly sources: SourcePanel;
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  constructor(
    private readonly elements: Elements,
    private readonly options: AppOptions,
  ) {
    this.sources = new SourcePanel(elements.sourcePanel);
    window.addEventListener('hashchange', () => void this.follow(location.hash));
    document.addEventListener('keydown', (event) => this.onKey(event));
  }

  start(): Promise<void> {
    return this.follow(location.hash);
  }

  private async follow(hash: string): Promise<void> {
    const route = parseRoute(hash);
    if (!route) {
      this.notice = 'That link is not one Branchpoint understands, so you are at the start.';
      return this.navigate({ screen: 'title' });
    }
    this.route = route;
    this.sources.close();
    if (route.screen === 'title') {
      this.session = undefined;
      this.render();
      return;
    }
    const session = await this.sessionFor(route.scenario);
    if (!session) {
      this.notice = `There is no scenario called “${route.scenario}” here.`;
      return this.navigate({ screen: 'title' });
    }
    if (route.screen === 'play') {
      const problem = this.session === session && this.resumed ? undefined : session.resume();
      this.resumed = true;
      if (problem) this.notice = problem;
    }
    if (route.screen === 'link') {
      backUpGame(session.id);
      const reached = session.goTo(route.options);
      this.showingOutcome = false;
      this.notice = reached.ok
        ? 'You opened a shared link at this point of the scenario. Your own saved game was kept.'
        : `The shared link stops making sense at step ${reached.step + 1}, so you are at the last point it reaches.`;
      if (!reached.ok) session.goTo(route.options.slice(0, reached.step));
      this.linkRestorable = true;
      // Show the game at the linked point under the ordinary play address, so a reload keeps it.
      history.replaceState(null, '', formatRoute({ screen: 'play', scenario: session.id }));
      this.route = { screen: 'play', scenario: session.id };
    }
    this.render();
  }

  private navigate(route: Route): Promise<void> {
    const hash = formatRoute(route);
    if (location.hash === hash) return this.follow(hash);
    location.hash = hash;
    return Promise.resolve();
  }

  private async sessionFor(id: string): Promise<PlaySession | undefined> {
    if (this.session?.id === id) return this.session;
    const bundle = await this.options.loadScenario(id);
    if (!bundle) return undefined;
    this.session = new PlaySession(bundle);
    this.resumed = false;
    this.session.onChange(() => this.stage?.show(this.session!.view()));
    return this.session;
  }

  private render(): void {
    const { content } = this.elements;
    const screen = this.screen();
    replaceChildren(content, this.noticeBanner(), screen);
    this.renderTopbar();
    document.body.dataset.screen = this.route.screen === 'play' ? this.session?.view().kind ?? 'play' : this.route.screen;
    focusHeading(content.querySelector<HTMLElement>('h2'));
    this.announce(content.querySelector('h2')?.textContent ?? '');
    void this.syncStage();
  }

  private screen(): HTMLElement {
    const session = this.session;
    const route = this.route;
    if (route.screen === 'title' || !session) {
      return titleScreen(this.options.catalog, {
        open: (id) => void this.navigate({ screen: 'briefing', scenario: id }),
        resume: (id) => void this.navigate({ screen: 'play', scenario: id }),
        hasSave: (id) => hasSavedGame(id),
      });
    }
    const showSource = (citation: CitationView, opener: HTMLElement) => this.sources.open(session.index, citation.sourceId, opener, citation);
    if (route.screen === 'briefing') {
      return briefingScreen(session.index, {
        begin: () => {
          session.restart();
          this.resumed = true;
          this.showingOutcome = false;
          void this.navigate({ screen: 'play', scenario: session.id });
        },
        readSource: (id, opener) => this.sources.open(session.index, id, opener),
        showSource,
      });
    }
    if (route.screen === 'map') return this.mapScreen(session);
    if (route.screen === 'compare') return compareScreen(session.index, session.progress.playthroughs, () => void this.navigate({ screen: 'play', scenario: session.id }));
    return this.playScreen(session, showSource);
  }

  private playScreen(session: PlaySession, showSource: (c: CitationView, opener: HTMLElement) => void): HTMLElement {
    const view = session.view();
    const pathActions = {
      rewindTo: (step: number) => this.act(() => session.rewindTo(step)),
      tryInstead: (step: number, option: string) =>
        this.act(() => {
          session.rewindTo(step);
          session.choose(option);
          this.showingOutcome = true;
        }),
    };
    const last = view.path[view.path.length - 1];
    if (this.showingOutcome && last) {
      return outcomeScreen(last, view.meters, view.kind === 'ending' ? 'See the ending' : 'Next decision', {
        next: () => this.act(() => (this.showingOutcome = false)),
        showSource,
      });
    }
    if (view.kind === 'ending') {
      return debriefScreen(view, { endings: session.progress.endings.length, total: session.index.scenario.endings.length, playthroughs: session.progress.playthroughs.length }, {
        ...pathActions,
        showSource,
        download: () => download(`${session.id}-summary.md`, playthroughMarkdown(session.index.scenario, view, session.progress.endings.length)),
        print: () => window.print(),
        openMap: () => void this.navigate({ screen: 'map', scenario: session.id }),
        openCompare: () => void this.navigate({ screen: 'compare', scenario: session.id }),
        playAgain: () => this.act(() => session.restart()),
      });
    }
    const screen = decisionScreen(view, {
      ...pathActions,
      choose: (option) => this.choose(option),
      showSource,
    });
    markInteractive();
    return screen;
  }

  private mapScreen(session: PlaySession): HTMLElement {
    const view = session.view();
    const current = view.kind === 'decision' ? view.decisionId : view.endingId;
    const explored = new Set<string>([session.index.scenario.start, ...session.progress.endings]);
    for (const choice of session.progress.choices) explored.add(choice.split('/')[0]!);
    // A point can be jumped to when a known sequence of choices leads there.
    const reachable = new Map<string, string[]>();
    for (const options of [session.chosen(), ...session.progress.playthroughs.map((p) => p.options)]) {
      let at = session.index.scenario.start;
      options.forEach((option, i) => {
        if (!reachable.has(at)) reachable.set(at, options.slice(0, i));
        at = session.index.decision(at)?.options.find((o) => o.id === option)?.next ?? at;
      });
      if (!reachable.has(at)) reachable.set(at, options);
    }
    return branchMapScreen(
      { layout: branchLayout(session.index.scenario), current, explored, reachable },
      {
        goTo: (options) => {
          session.goTo(options);
          this.showingOutcome = false;
          void this.navigate({ screen: 'play', scenario: session.id });
        },
        back: () => void this.navigate({ screen: 'play', scenario: session.id }),
      },
    );
  }

  private choose(option: string): void {
    this.act(() => {
      if (this.session?.choose(option)) this.showingOutcome = true;
    });
  }

  /** Runs a change, then redraws the screen. */
  private act(change: () => void): void {
    this.notice = undefined;
    change();
    this.render();
  }

  private renderTopbar(): void {
    const session = this.session;
    const inScenario = session && this.route.screen !== 'title';
    replaceChildren(
      this.elements.topbar,
      h('h1', { class: 'brand' }, h('a', { href: '#/' }, 'Branchpoint')),
      inScenario ? h('p', { class: 'topbar-title' }, session.index.scenario.title) : null,
      inScenario
        ? h(
            'nav',
            { 'aria-label': 'Scenario' },
            h('a', { href: formatRoute({ screen: 'briefing', scenario: session.id }) }, 'Briefing'),
            h('a', { href: formatRoute({ screen: 'map', scenario: session.id }) }, 'Branch map'),
            this.route.screen === 'play' ? h('button', { type: 'button', class: 'link-button', onclick: () => void this.copyLink(session) }, 'Copy link to this point') : null,
          )
        : null,
    );
  }

  private async copyLink(session: PlaySession): Promise<void> {
    const url = `${location.href.split('#')[0]}${formatRoute({ screen: 'link', scenario: session.id, options: session.chosen() })}`;
    try {
      await navigator.clipboard.writeText(url);
      this.announce('Link copied.');
      this.notice = `Link copied: ${url}`;
    } catch {
      this.notice = `Copy this link: ${url}`;
    }
    this.render();
  }

  private noticeBanner(): HTMLElement | null {
    if (!this.notice) return null;
    const session = this.session;
    const restore =
      this.linkRestorable && session
        ? h('button', {
            type: 'button',
            class: 'link-button',
            onclick: () => {
              this.linkRestorable = false;
              if (restoreBackedUpGame(session.id)) session.resume();
              this.act(() => (this.showingOutcome = false));
            },
          }, 'Return to my own game')
        : null;
    return h('div', { class: 'notice', role: 'alert' }, h('p', {}, this.notice), restore);
  }

  private announce(text: string): void {
    const { announcer } = this.elements;
    const view = this.route.screen === 'play' ? this.session?.view() : undefined;
    announcer.textContent = view?.kind === 'decision' && !this.showingOutcome ? `${view.actor.name} decides. ${view.title}. ${view.options.length} options.` : text;
  }

  private onKey(event: KeyboardEvent): void {
    if (this.sources.isOpen || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    const view = this.route.screen === 'play' && !this.showingOutcome ? this.session?.view() : undefined;
    if (view?.kind !== 'decision') return;
    const option = view.options.find((o) => String(o.number) === event.key);
    if (option) {
      event.preventDefault();
      this.choose(option.id);
    }
  }

  private async syncStage(): Promise<void> {
    const session = this.route.screen === 'play' ? this.session : undefined;
    if (!session) {
      this.stage?.destroy();
      this.stage = undefined;
      this.stageFor = undefined;
      document.body.classList.remove('has-stage');
      return;
    }
    if (this.stageFor !== session.id) {
      this.stageFor = session.id;
      this.stage?.destroy();
      this.stage = undefined;
      try {
        const mount = await this.options.loadStage();
        if (this.stageFor !== session.id) return;
        // The stage's box must have its size before Phaser measures it.
        document.body.classList.add('has-stage');
        this.stage = await mount(this.elements.stage, session.index, { reducedMotion: this.reducedMotion });
      } catch (error) {
        document.body.classList.remove('has-stage');
        // The stage is decoration: everything it shows is also in the text, so the game goes on without it.
        console.error('The stage could not start; the game continues in text.', error);
        return;
      }
    }
    this.stage?.show(session.view());
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown' }));
  const link = h('a', { href: url, download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function markInteractive(): void {
  if (performance.getEntriesByName('branchpoint:first-decision').length === 0) {
    // After this frame's layout the options can be chosen; benchmarks read this mark.
    requestAnimationFrame(() => performance.mark('branchpoint:first-decision'));
  }
}

