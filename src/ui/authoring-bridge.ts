/**
 * Where the player meets the authoring tools: scenarios opened in the page (or dropped on it) and
 * newer versions sent by the author preview take the place of the catalog's, and the authoring
 * screens load on first use. The player's own game logic stays in the App; this asks it, through
 * `BridgeHost`, to show, play or jump.
 */
import { catalogEntry, type CatalogEntry } from '../engine/catalog.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { Authoring, AuthoringHost } from './authoring/authoring-ui.ts';
import { listenForDrops, type CapturedDrop } from './authoring/drop-capture.ts';
import { h } from './dom.ts';
import { PlaySession } from './play-session.ts';
import type { Route } from './routes.ts';
import type { ShellEvent } from './shell-state.ts';

/** What the bridge needs of the App. */
export interface BridgeHost {
  route(): Route;
  session(): PlaySession | undefined;
  /** Puts another session (or none) in play; the stage then starts afresh for it. */
  replaceSession(session: PlaySession | undefined): void;
  sessionFor(id: string): Promise<PlaySession | undefined>;
  dispatch(event: ShellEvent): void;
  navigate(route: Route): Promise<void>;
  /** Draws the whole screen again. */
  render(): void;
  /** Draws only the top bar again (the screen itself is unchanged). */
  renderTopbar(): void;
}

export type LoadAuthoring = () => Promise<(host: AuthoringHost) => Authoring>;

export class AuthoringBridge {
  /** Scenarios opened in the page or changed under the author preview: they take the place of the catalog's. */
  private readonly authored = new Map<string, ScenarioBundle>();
  private authoring: Authoring | Promise<Authoring | undefined> | undefined;

  constructor(
    private readonly host: BridgeHost,
    private readonly load: LoadAuthoring | undefined,
  ) {
    if (load) listenForDrops(document.body, (dropped) => void this.openDropped(dropped));
  }

  /** Whether this page can open a scenario from the author's files (not in the single-file player). */
  get canOpenFiles(): boolean {
    return this.load !== undefined;
  }

  bundle(id: string): ScenarioBundle | undefined {
    return this.authored.get(id);
  }

  isAuthored(id: string): boolean {
    return this.authored.has(id);
  }

  /** The title screen's list: the catalog's scenarios, with the authored ones in place of any of the same id. */
  catalog(catalog: CatalogEntry[]): CatalogEntry[] {
    return [
      ...catalog.filter((entry) => !this.authored.has(entry.id)),
      ...[...this.authored.values()].map(catalogEntry),
    ];
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
    const session = this.host.session();
    if (session?.id !== id || JSON.stringify(session.index.bundle) === JSON.stringify(bundle)) {
      const screen = this.host.route().screen;
      if (screen === 'title' || screen === 'open') this.host.render();
      else this.host.renderTopbar();
      return;
    }
    const chosen = session.chosen();
    const swapped = new PlaySession(bundle);
    this.host.replaceSession(swapped);
    const reached = swapped.goTo(chosen);
    if (!reached.ok) swapped.goTo(chosen.slice(0, reached.step));
    const where = reached.ok ? 0 : reached.step;
    this.host.dispatch({
      type: 'version-swapped',
      kept: reached.ok,
      notice: reached.ok
        ? note
        : `${note ? `${note} ` : ''}Your path no longer works ${where === 0 ? 'from its first step' : `after step ${where}`} in this version, so the game stops at the last point it still reaches.`,
    });
    this.host.render();
  }

  /** The authoring screen when its code is here; until then a line saying it is on its way. */
  screen(make: (authoring: Authoring) => HTMLElement): HTMLElement {
    if (this.authoring && !(this.authoring instanceof Promise)) return make(this.authoring);
    void this.loadAuthoring().then((authoring) => authoring && this.host.render());
    return h(
      'article',
      { class: 'screen' },
      h('h2', {}, 'Opening the authoring tools…'),
      h('p', { class: 'loading' }, 'Loading…'),
    );
  }

  /** Hands a checked scenario to the game and opens its briefing. */
  private playOpened(bundle: ScenarioBundle, note: string): void {
    if (this.host.session()?.id === bundle.scenario.id) this.host.replaceSession(undefined);
    this.authored.set(bundle.scenario.id, bundle);
    this.host.dispatch({ type: 'told', notice: note });
    void this.host.navigate({ screen: 'briefing', scenario: bundle.scenario.id });
  }

  private async openDropped(dropped: CapturedDrop): Promise<void> {
    if (this.host.route().screen !== 'open') await this.host.navigate({ screen: 'open' });
    const authoring = await this.loadAuthoring();
    await authoring?.openDropped(dropped);
  }

  private async jump(scenario: string, options: string[]): Promise<void> {
    const session = await this.host.sessionFor(scenario);
    if (!session) return;
    session.goTo(options);
    this.host.dispatch({ type: 'placed' });
    void this.host.navigate({ screen: 'play', scenario });
  }

  private loadAuthoring(): Promise<Authoring | undefined> {
    if (this.authoring) return Promise.resolve(this.authoring);
    if (!this.load) return Promise.resolve(undefined);
    const host: AuthoringHost = {
      rerender: () => this.host.render(),
      play: (bundle, note) => this.playOpened(bundle, note),
      jump: (scenario, options) => void this.jump(scenario, options),
      goTo: (screen) => void this.host.navigate({ screen }),
    };
    this.authoring = this.load().then(
      (create) => (this.authoring = create(host)),
      (error: unknown) => {
        this.authoring = undefined;
        console.error(error);
        this.host.dispatch({
          type: 'told',
          notice: 'The authoring tools could not be loaded. If you are offline, reconnect and reload the page.',
        });
        void this.host.navigate({ screen: 'title' });
        return undefined;
      },
    );
    return this.authoring;
  }
}
