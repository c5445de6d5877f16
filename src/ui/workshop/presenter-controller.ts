/** The projector's page: joins as a presenter (no secret, no controls) and draws every view large. */
import type { ScenarioIndex } from '../../engine/view.ts';
import { joinRoute, PROTOCOL_VERSION, type PresenterView, type Tally } from '../../workshop/protocol.ts';
import { h } from '../dom.ts';
import { RoomConnection, type LinkState } from './connection.ts';
import { linkState } from './parts/link-state.ts';
import { announcement, phaseKey } from './parts/phase.ts';
import { VoteClock } from './parts/timer.ts';
import {
  announce,
  scenarioIndex,
  showScreen,
  showTopbar,
  sourceOpener,
  type Controller,
  type WorkshopPage,
} from './page.ts';
import { inLobby, lobbyScreen } from './screens/lobby.ts';
import { presenterScreen } from './screens/presenter.ts';
import { StageSync } from '../stage-sync.ts';

export class PresenterController implements Controller {
  private readonly connection: RoomConnection;
  private view: PresenterView | undefined;
  private index: ScenarioIndex | undefined;
  private link: LinkState = 'connecting';
  private announced = '';
  private shown = false;
  private lobby = false;
  private readonly clock: VoteClock;
  /** The Phaser stage and its words: one element kept across redraws, moved into each new screen. */
  private readonly stageHost: HTMLElement | undefined;
  private readonly stage: StageSync | undefined;

  constructor(
    private readonly page: WorkshopPage,
    private readonly code: string,
  ) {
    document.body.classList.add('projector');
    this.clock = new VoteClock(page.content);
    if (page.loadStage) {
      const canvas = h('div', { class: 'room-stage-canvas', 'aria-hidden': 'true' });
      const notes = h('aside', {
        class: 'stage-notes room-stage-notes',
        'aria-label': 'The map in words',
        hidden: true,
      });
      this.stageHost = h('div', { class: 'room-stage' }, canvas, notes);
      this.stage = new StageSync(canvas, page.loadStage, notes);
    }
    this.connection = new RoomConnection(() => ({ v: PROTOCOL_VERSION, role: 'presenter', code }), {
      view: (view) => this.onView(view as PresenterView),
      tally: (tally) => this.onTally(tally),
      link: (state) => {
        this.link = state;
        this.topbar();
      },
      refused: (error) => {
        const problem =
          error.code === 'unknown-room'
            ? `There is no session with the code ${code} on this server.`
            : `The server refused: ${error.message}.`;
        showScreen(
          page,
          h(
            'article',
            { class: 'screen' },
            h('h2', {}, `Room ${code}`),
            h('p', { class: 'form-problem', role: 'alert' }, problem),
          ),
          { arrived: true },
        );
      },
    });
    this.topbar();
    showScreen(
      page,
      h(
        'article',
        { class: 'screen' },
        h('h2', {}, `Room ${code}`),
        h('p', { class: 'loading' }, 'Connecting to the session server…'),
      ),
      { arrived: true },
    );
  }

  dispose(): void {
    document.body.classList.remove('projector');
    void this.stage?.sync(undefined);
    this.clock.stop();
    this.connection.close();
  }

  private onView(view: PresenterView): void {
    this.clock.sync(view.serverTime);
    this.view = view;
    if (!this.index)
      void scenarioIndex(this.page, view.scenario.id).then((index) => {
        if (this.index || !index) return;
        this.index = index;
        // The map of the debrief and the stage need the scenario: draw again now it is here.
        if (this.view) this.draw(this.view, false);
      });
    this.topbar();
    // Until the first vote opens, the projector is the lobby: how to join and how many are in.
    const lobby = inLobby(view);
    this.draw(view, !this.shown || lobby !== this.lobby);
    this.shown = true;
    this.lobby = lobby;
    const key = phaseKey(view);
    if (key !== this.announced) {
      this.announced = key;
      announce(this.page, announcement(view));
    }
  }

  private draw(view: PresenterView, arrived: boolean): void {
    const joinUrl = `${location.href.split('#')[0]}${joinRoute(view.code)}`;
    if (inLobby(view)) {
      showScreen(this.page, lobbyScreen(view, joinUrl), { arrived });
      return;
    }
    const hasStage = Boolean(this.index?.scenario.map) && this.stageHost;
    showScreen(
      this.page,
      presenterScreen(
        view,
        joinUrl,
        sourceOpener(this.page, () => this.index),
        { ...(hasStage ? { stage: this.stageHost } : {}), ...(this.index ? { index: this.index } : {}) },
      ),
      { arrived },
    );
    this.clock.tick();
    // The same stage a student playing alone sees: during an outcome it plays the choice's stage
    // directions with the last actor in the light; at a decision it shows the map as the path left it.
    if (hasStage && this.index)
      void this.stage?.sync({
        index: this.index,
        view: view.game,
        moment: view.showing === 'outcome' ? 'outcome' : 'decision',
      });
  }

  private onTally(tally: Tally): void {
    if (!this.view || tally.round !== this.view.vote.round) return;
    for (const element of this.page.content.querySelectorAll('[data-voters]'))
      element.textContent = String(tally.voters);
    for (const element of this.page.content.querySelectorAll('[data-participants]'))
      element.textContent = String(tally.participants);
  }

  private topbar(): void {
    showTopbar(
      this.page,
      this.view ? h('p', { class: 'topbar-title' }, this.view.scenario.title) : null,
      h('p', { class: 'who' }, 'Room ', this.code),
      linkState(this.link),
    );
  }
}
