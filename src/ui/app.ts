/**
 * The page: follows the address, shows the screen for it, and keeps the Phaser stage in step.
 * Game state lives in the PlaySession's actor; this only decides which screen shows it.
 */
import { pointsAlong } from '../engine/rules.ts';
import { catalogEntry, type CatalogEntry } from '../engine/catalog.ts';
import { branchLayout } from '../engine/branch-map-layout.ts';
import { playthroughMarkdown } from '../engine/summary.ts';
import type { CitationView } from '../engine/view.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { Stage, MountStage } from '../game/stage-contract.ts';
import type { Authoring, AuthoringHost } from './authoring/authoring-ui.ts';
import { listenForDrops, type CapturedDrop } from './authoring/drop-capture.ts';
import { focusHeading, h, replaceChildren } from './dom.ts';
import { downloadFile } from './download.ts';
import { PlaySession } from './play-session.ts';
import { formatRoute, parseRoute, type Route } from './routes.ts';
import { SourcePanel } from './source-panel.ts';
import { backUpGame, hasSavedGame, restoreBackedUpGame } from './storage.ts';
import { branchMapScreen } from './screens/branch-map.ts';
import { briefingScreen } from './screens/briefing.ts';
import { compareScreen } from './screens/compare.ts';
import { debriefScreen } from './screens/debrief.ts';
import { decisionScreen } from './screens/decision.ts';
import { guideScreen } from './screens/guide.ts';
import { outcomeScreen } from './screens/outcome.ts';
import { titleScreen } from './screens/title.ts';

export interface AppOptions {
  catalog: CatalogEntry[];
  loadScenario: (id: string) => Promise<ScenarioBundle | undefined>;
  loadStage: () => Promise<MountStage>;
  /** The authoring screens (open a scenario, structure view), loaded on first use; none in the single-file player. */
  loadAuthoring?: () => Promise<(host: AuthoringHost) => Authoring>;
  workshopHref?: string;
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
  /** Scenarios opened in the page or changed under the author preview: they take the place of the catalog's. */
  private readonly authored = new Map<string, ScenarioBundle>();
  private authoring: Authoring | Promise<Authoring | undefined> | undefined;
  private readonly sources: SourcePanel;
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  constructor(
    private readonly elements: Elements,
    private readonly options: AppOptions,
  ) {
    this.sources = new SourcePanel(elements.sourcePanel);
    window.addEventListener('hashchange', () => void this.follow(location.hash));
    document.addEventListener('keydown', (event) => this.onKey(event));
    if (options.loadAuthoring) listenForDrops(document.body, (dropped) => void this.openDropped(dropped));
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
    if (route.screen === 'title' || route.screen === 'open') {
      if (route.screen === 'title') this.session = undefined;
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
    const bundle = this.authored.get(id) ?? (await this.options.loadScenario(id));
    if (!bundle) return undefined;
    this.session = new PlaySession(bundle);
    this.resumed = false;
    return this.session;
  }

  private render(): void {
    const { content } = this.elements;
    const screen = this.screen();
    replaceChildren(content, this.noticeBanner(), screen);
    this.renderTopbar();
    document.body.dataset.screen =
      this.route.screen === 'play' ? (this.session?.view().kind ?? 'play') : this.route.screen;
    focusHeading(content.querySelector<HTMLElement>('h2'));
    this.announce(content.querySelector('h2')?.textContent ?? '');
    void this.syncStage();
  }

  private screen(): HTMLElement {
    const session = this.session;
    const route = this.route;
    if (route.screen === 'open') return this.withAuthoring((authoring) => authoring.openScreen());
    if (route.screen === 'title' || !session) {
      const catalog = [
        ...this.options.catalog.filter((entry) => !this.authored.has(entry.id)),
        ...[...this.authored.values()].map(catalogEntry),
      ];
      return titleScreen(catalog, {
        open: (id) => void this.navigate({ screen: 'briefing', scenario: id }),
        resume: (id) => void this.navigate({ screen: 'play', scenario: id }),
        hasSave: (id) => hasSavedGame(id),
        openFile: this.options.loadAuthoring ? () => void this.navigate({ screen: 'open' }) : undefined,
        workshopHref: this.options.workshopHref,
      });
    }
    const showSource = (citation: CitationView, opener: HTMLElement) =>
      this.sources.open(session.index, citation.sourceId, opener, citation);
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
    if (route.screen === 'guide' || route.screen === 'handout')
      return guideScreen(session.index.bundle, route.screen === 'guide' ? 'teacher' : 'student', {
        other: formatRoute({ screen: route.screen === 'guide' ? 'handout' : 'guide', scenario: session.id }),
        briefing: formatRoute({ screen: 'briefing', scenario: session.id }),
      });
    if (route.screen === 'map') return this.mapScreen(session);
    if (route.screen === 'structure') {
      const view = session.view();
      return this.withAuthoring((authoring) =>
        authoring.structureScreen(session.index.bundle, view.kind === 'decision' ? view.decisionId : view.endingId),
      );
    }
    if (route.screen === 'compare')
      return compareScreen(
        session.index,
        session.progress.playthroughs,
        () => void this.navigate({ screen: 'play', scenario: session.id }),
      );
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
      return debriefScreen(
        view,
        {
          endings: session.progress.endings.length,
          total: session.index.scenario.endings.length,
          playthroughs: session.progress.playthroughs.length,
        },
        {
          ...pathActions,
          showSource,
          download: () =>
            downloadFile(
              `${session.id}-summary.md`,
              playthroughMarkdown(session.index.scenario, view, session.progress.endings.length),
              'text/markdown',
            ),
          print: () => window.print(),
          openMap: () => void this.navigate({ screen: 'map', scenario: session.id }),
          openCompare: () => void this.navigate({ screen: 'compare', scenario: session.id }),
          playAgain: () => this.act(() => session.restart()),
        },
      );
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
      // Routes may depend on the whole path, so the points are found by following the rules.
      pointsAlong(session.index.rules, options).forEach((at, i) => {
        if (!reachable.has(at)) reachable.set(at, options.slice(0, i));
      });
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
      this.showingOutcome = this.session?.choose(option) ?? false;
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
    const inScenario = session && this.route.screen !== 'title' && this.route.screen !== 'open';
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
            this.authored.has(session.id)
              ? h('a', { href: formatRoute({ screen: 'structure', scenario: session.id }) }, 'Structure')
              : null,
            this.route.screen === 'play'
              ? h(
                  'button',
                  { type: 'button', class: 'link-button', onclick: () => void this.copyLink(session) },
                  'Copy link to this point',
                )
              : null,
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
        ? h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              onclick: () => {
                this.linkRestorable = false;
                if (restoreBackedUpGame(session.id)) session.resume();
                this.act(() => (this.showingOutcome = false));
              },
            },
            'Return to my own game',
          )
        : null;
    return h('div', { class: 'notice', role: 'alert' }, h('p', {}, this.notice), restore);
  }

  /**
   * Plays a scenario that does not come from the catalog (opened in the page), or a newer version
   * of one (the author preview). A game in progress of a different version is swapped at once
   * (with `note` shown): it keeps its place where the new version still has it, and otherwise
   * stops at the last point its choices still reach.
   */
  useScenario(bundle: ScenarioBundle, note?: string): void {
    const id = bundle.scenario.id;
    this.authored.set(id, bundle);
    if (this.session?.id !== id || JSON.stringify(this.session.index.bundle) === JSON.stringify(bundle)) {
      if (this.route.screen === 'title' || this.route.screen === 'open') this.render();
      else this.renderTopbar();
      return;
    }
    const chosen = this.session.chosen();
    this.session = new PlaySession(bundle);
    this.stageFor = undefined;
    const reached = this.session.goTo(chosen);
    if (!reached.ok) {
      this.session.goTo(chosen.slice(0, reached.step));
      this.showingOutcome = false;
    }
    this.notice = reached.ok
      ? note
      : `${note ? `${note} ` : ''}Your path no longer works ${reached.step === 0 ? 'from its first step' : `after step ${reached.step}`} in this version, so the game stops at the last point it still reaches.`;
    this.render();
  }

  /** Hands a checked scenario to the game and opens its briefing. */
  private playOpened(bundle: ScenarioBundle, note: string): void {
    if (this.session?.id === bundle.scenario.id) this.session = undefined;
    this.authored.set(bundle.scenario.id, bundle);
    this.notice = note;
    void this.navigate({ screen: 'briefing', scenario: bundle.scenario.id });
  }

  private async openDropped(dropped: CapturedDrop): Promise<void> {
    if (this.route.screen !== 'open') await this.navigate({ screen: 'open' });
    const authoring = await this.loadAuthoring();
    await authoring?.openDropped(dropped);
  }

  /** The authoring screen when its code is here; until then a line saying it is on its way. */
  private withAuthoring(screen: (authoring: Authoring) => HTMLElement): HTMLElement {
    if (this.authoring && !(this.authoring instanceof Promise)) return screen(this.authoring);
    void this.loadAuthoring().then((authoring) => authoring && this.render());
    return h(
      'article',
      { class: 'screen' },
      h('h2', {}, 'Opening the authoring tools…'),
      h('p', { class: 'loading' }, 'Loading…'),
    );
  }

  private loadAuthoring(): Promise<Authoring | undefined> {
    if (this.authoring) return Promise.resolve(this.authoring);
    const load = this.options.loadAuthoring;
    if (!load) return Promise.resolve(undefined);
    const host: AuthoringHost = {
      rerender: () => this.render(),
      play: (bundle, note) => this.playOpened(bundle, note),
      jump: (scenario, options) => {
        void this.sessionFor(scenario).then((session) => {
          if (!session) return;
          session.goTo(options);
          this.resumed = true;
          this.showingOutcome = false;
          void this.navigate({ screen: 'play', scenario });
        });
      },
    };
    this.authoring = load().then(
      (create) => (this.authoring = create(host)),
      (error: unknown) => {
        this.authoring = undefined;
        console.error(error);
        this.notice = 'The authoring tools could not be loaded. If you are offline, reconnect and reload the page.';
        void this.navigate({ screen: 'title' });
        return undefined;
      },
    );
    return this.authoring;
  }

  private announce(text: string): void {
    const { announcer } = this.elements;
    const view = this.route.screen === 'play' ? this.session?.view() : undefined;
    announcer.textContent =
      view?.kind === 'decision' && !this.showingOutcome
        ? `${view.actor.name} decides. ${view.title}. ${view.options.length} options.`
        : text;
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
    this.showOnStage();
  }

  private showOnStage(): void {
    if (this.session) this.stage?.show(this.session.view(), this.showingOutcome ? 'outcome' : 'decision');
  }
}

function markInteractive(): void {
  if (performance.getEntriesByName('branchpoint:first-decision').length === 0) {
    // After this frame's layout the options can be chosen; benchmarks read this mark.
    requestAnimationFrame(() => performance.mark('branchpoint:first-decision'));
  }
}
