/**
 * The page: follows the address, keeps the one PlaySession, and draws the screen for the route.
 * Game state lives in the PlaySession's actor; the page's own flags in `ShellState` (a reducer);
 * which screen a route shows in screen-for-route.ts; the stage in stage-sync.ts; authoring in
 * authoring-bridge.ts.
 */
import type { CatalogEntry } from '../engine/catalog.ts';
import type { GameView } from '../engine/view.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { MountStage } from '../game/stage-contract.ts';
import { afterFrames } from './after-frames.ts';
import { AuthoringBridge, type LoadAuthoring } from './authoring-bridge.ts';
import { replaceChildren } from './dom.ts';
import { announceScreen, optionForKey } from './keys.ts';
import { noticeBanner } from './parts/notice.ts';
import type { PlayListener } from './play-events.ts';
import { PlaySession } from './play-session.ts';
import { formatRoute, parseRoute, type Route } from './routes.ts';
import { screenFor, type Shell } from './screen-for-route.ts';
import { initialShellState, shellReducer, type ShellEvent, type ShellState } from './shell-state.ts';
import { SourcePanel } from './source-panel.ts';
import { StageSync, type StageScene } from './stage-sync.ts';
import { openSharedLink, resumeGame, returnToOwnGame } from './shared-link.ts';
import { Topbar } from './topbar.ts';

export interface AppOptions {
  catalog: CatalogEntry[];
  loadScenario: (id: string) => Promise<ScenarioBundle | undefined>;
  loadStage: () => Promise<MountStage>;
  /** The authoring screens (open a scenario, structure view), loaded on first use; none in the single-file player. */
  loadAuthoring?: LoadAuthoring;
  workshopHref?: string;
  /** Told of each choice, ending, source opened and change of place (the single-file player reports them). */
  listener?: PlayListener;
  /** A place kept outside the page (a learning platform's suspend_data): option ids to replay instead of the browser's save. */
  resumeFrom?: (scenario: string) => string[] | undefined;
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
  private route: Route = { screen: 'title' };
  private state: ShellState = initialShellState;
  /** The route and view last drawn, which the number keys act on. */
  private shown: { route: Route; view: GameView | undefined } = { route: this.route, view: undefined };
  private readonly sources: SourcePanel;
  private readonly stage: StageSync;
  private readonly topbar: Topbar;
  private readonly authoring: AuthoringBridge;
  private readonly shell: Shell = {
    navigate: (route) => void this.navigate(route),
    dispatch: (event) => this.dispatch(event),
    act: (change) => {
      this.dispatch({ type: 'acted' });
      const event = change();
      if (event) this.dispatch(event);
      this.render();
    },
    choose: (option) => {
      // Options are offered only on a decision screen; one still in view while its outcome is
      // being drawn must not take a second choice.
      if (this.state.showingOutcome) return;
      this.dispatch({ type: 'acted' });
      this.dispatch({ type: 'chose', accepted: this.session?.choose(option) ?? false });
      this.renderAfterTransitionStarts();
    },
  };
  /** Cancels the new screen's drawing while it waits for the transition's first frame (see renderAfterTransitionStarts). */
  private pendingDraw: (() => void) | undefined;

  constructor(
    private readonly elements: Elements,
    private readonly options: AppOptions,
  ) {
    this.sources = new SourcePanel(elements.sourcePanel, (source, citation) => {
      const scenario = this.session?.id;
      if (scenario)
        options.listener?.({ kind: 'opened-source', scenario, source, ...(citation ? { cited: citation.quote } : {}) });
    });
    this.stage = new StageSync(elements.stage, options.loadStage);
    this.topbar = new Topbar(elements.topbar, (notice) => (this.dispatch({ type: 'told', notice }), this.render()));
    this.authoring = new AuthoringBridge(
      {
        route: () => this.route,
        session: () => this.session,
        replaceSession: (session) => {
          this.session = session;
          this.stage.forget();
        },
        sessionFor: (id) => this.sessionFor(id),
        dispatch: (event) => this.dispatch(event),
        navigate: (route) => this.navigate(route),
        render: () => this.render(),
        renderTopbar: () => this.renderTopbar(),
      },
      options.loadAuthoring,
    );
    window.addEventListener('hashchange', () => void this.follow(location.hash));
    document.addEventListener('keydown', (event) => this.onKey(event));
    // Input that arrives while a new screen waits to be drawn acts on that screen, never on the
    // old one still in view: the screen is drawn (and takes focus) before the input is handled.
    for (const type of ['keydown', 'pointerdown'] as const)
      window.addEventListener(type, () => this.drawPendingNow(), { capture: true });
  }

  start(): Promise<void> {
    return this.follow(location.hash);
  }

  /** A scenario opened in the page, or a newer version from the author preview (see AuthoringBridge). */
  useScenario(bundle: ScenarioBundle, note?: string): void {
    this.authoring.useScenario(bundle, note);
  }

  private dispatch(event: ShellEvent): void {
    this.state = shellReducer(this.state, event);
  }

  private async follow(hash: string): Promise<void> {
    const route = parseRoute(hash);
    if (!route) {
      this.dispatch({ type: 'told', notice: 'That link is not one Branchpoint understands, so you are at the start.' });
      return this.navigate({ screen: 'title' });
    }
    this.route = route;
    this.sources.close();
    if (route.screen === 'title' || route.screen === 'open' || route.screen === 'edit') {
      if (route.screen === 'title') this.session = undefined;
      return this.render();
    }
    const session = await this.sessionFor(route.scenario);
    if (!session) {
      this.dispatch({ type: 'told', notice: `There is no scenario called “${route.scenario}” here.` });
      return this.navigate({ screen: 'title' });
    }
    // Every screen of a scenario knows the saved game (the briefing offers to continue it); a link replaces it.
    if (route.screen !== 'link' && !this.state.resumed)
      this.dispatch({ type: 'resumed', problem: resumeGame(session, this.options.resumeFrom?.(session.id)) });
    if (route.screen === 'link') {
      this.dispatch({ type: 'link-opened', notice: openSharedLink(session, route.options) });
      // Show the game at the linked point under the ordinary play address, so a reload keeps it.
      this.route = { screen: 'play', scenario: session.id };
      history.replaceState(null, '', formatRoute(this.route));
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
    const bundle = this.authoring.bundle(id) ?? (await this.options.loadScenario(id));
    if (!bundle) return undefined;
    this.session = new PlaySession(bundle);
    this.session.listener = this.options.listener;
    this.dispatch({ type: 'session-opened' });
    return this.session;
  }

  private render(): void {
    this.pendingDraw?.();
    this.pendingDraw = undefined;
    const scene = this.present();
    this.draw();
    void this.stage.sync(scene);
  }

  /**
   * After a choice: the game has moved and the stage starts its transition at once; the new
   * screen's DOM (its build, style and layout take longer than a frame on a slow machine) is drawn
   * in a task after the transition's first frame, so the key is answered and the transition starts
   * without waiting for it. Screen readers are told the text is being replaced meanwhile.
   */
  private renderAfterTransitionStarts(): void {
    this.pendingDraw?.();
    void this.stage.sync(this.present());
    this.elements.content.setAttribute('aria-busy', 'true');
    // Two frames: the key's own (the stage schedules its transition after it), then the first of the transition.
    this.pendingDraw = afterFrames(2, () => {
      this.pendingDraw = undefined;
      this.draw();
    });
  }

  private drawPendingNow(): void {
    if (!this.pendingDraw) return;
    this.pendingDraw();
    this.pendingDraw = undefined;
    this.draw();
  }

  /** Records what the number keys now act on, and returns what the stage should show. */
  private present(): StageScene | undefined {
    const { route, session, state } = this;
    const view =
      route.screen === 'title' || route.screen === 'open' || route.screen === 'edit' ? undefined : session?.view();
    this.shown = { route, view };
    const playing = route.screen === 'play' && session && view ? { index: session.index, view } : undefined;
    return playing && { ...playing, moment: state.showingOutcome ? 'outcome' : 'decision' };
  }

  /** Draws the screen for what present() recorded, moves focus to its heading and announces it. */
  private draw(): void {
    const started = performance.now();
    const { session, state, elements } = this;
    const { route, view } = this.shown;
    const { catalog, workshopHref } = this.options;
    const { authoring, sources, shell } = this;
    const screen = screenFor({ route, session, view, state, catalog, workshopHref, authoring, sources, shell });
    const restore =
      state.linkRestorable && session
        ? () => this.shell.act(() => (returnToOwnGame(session), { type: 'link-returned' }))
        : undefined;
    replaceChildren(elements.content, noticeBanner(state.notice, restore), screen);
    elements.content.removeAttribute('aria-busy');
    this.renderTopbar();
    document.body.dataset.screen = route.screen === 'play' ? (view?.kind ?? 'play') : route.screen;
    const decision = route.screen === 'play' && !state.showingOutcome ? view : undefined;
    announceScreen(elements.content, elements.announcer, decision);
    // In the performance timeline (npm run bench:web observes it): what drawing a screen costs.
    performance.measure('branchpoint:draw', { start: started });
  }

  private renderTopbar(): void {
    const session = this.session;
    this.topbar.draw(this.route, session, session ? this.authoring.isAuthored(session.id) : false);
  }

  private onKey(event: KeyboardEvent): void {
    if (this.sources.isOpen || this.shown.route.screen !== 'play' || this.state.showingOutcome) return;
    const option = optionForKey(event, this.shown.view);
    if (!option) return;
    event.preventDefault();
    this.shell.choose(option);
  }
}
