/**
 * The facilitator's side of a room on the server. Control needs the room's secret, which only the
 * browser that created the room holds; without it this page says so and offers the other roles.
 */
import type { ScenarioIndex } from '../../engine/view.ts';
import {
  joinRoute,
  PROTOCOL_VERSION,
  type ControlIntent,
  type FacilitatorView,
  type RecordFormat,
  type Tally,
} from '../../workshop/protocol.ts';
import { h } from '../dom.ts';
import { RoomConnection, type LinkState } from './connection.ts';
import { hostSecret } from './credentials.ts';
import { linkState } from './parts/link-state.ts';
import { announcement, phaseKey } from './parts/phase.ts';
import { VoteClock } from './parts/timer.ts';
import { updateVoteChart } from './parts/vote-chart.ts';
import {
  announce,
  downloadFile,
  scenarioIndex,
  showScreen,
  showTopbar,
  sourceOpener,
  type Controller,
  type WorkshopPage,
} from './page.ts';
import { formatWorkshopRoute } from './routes.ts';
import { emptyDrafts, facilitatorScreen } from './screens/facilitator.ts';

/** Where focus goes when the control that had it has done its work and gone. */
export const NEXT_CONTROL = '.vote-controls :is(button, select, input), .session-controls button';

export class HostController implements Controller {
  private readonly connection: RoomConnection | undefined;
  private view: FacilitatorView | undefined;
  private index: ScenarioIndex | undefined;
  private link: LinkState = 'connecting';
  private drafts = emptyDrafts();
  private busy = false;
  private problem: string | undefined;
  private announced = '';
  private shown = false;
  private readonly clock: VoteClock;

  constructor(
    private readonly page: WorkshopPage,
    private readonly code: string,
  ) {
    this.clock = new VoteClock(page.content);
    const secret = hostSecret(code);
    if (!secret) {
      this.connection = undefined;
      this.noSecret();
      return;
    }
    this.connection = new RoomConnection(() => ({ v: PROTOCOL_VERSION, role: 'facilitator', code, secret }), {
      view: (view) => this.onView(view as FacilitatorView),
      tally: (tally) => this.onTally(tally),
      link: (state) => {
        this.link = state;
        this.topbar();
      },
      refused: (error) => {
        this.problem =
          error.code === 'unknown-room'
            ? `The session ${code} is not on this server any more.`
            : `The server refused this page control of room ${code}: ${error.message}.`;
        this.render();
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
    this.clock.stop();
    this.connection?.close();
  }

  private noSecret(): void {
    showTopbar(this.page);
    const join = formatWorkshopRoute({ screen: 'join', code: this.code });
    const present = formatWorkshopRoute({ screen: 'present', code: this.code });
    showScreen(
      this.page,
      h(
        'article',
        { class: 'screen' },
        h('h2', {}, `Room ${this.code}`),
        h('p', {}, 'Only the browser that started this session can lead it, and this one does not hold its key.'),
        h(
          'ul',
          {},
          h('li', {}, h('a', { href: join }, 'Take part in this session')),
          h('li', {}, h('a', { href: present }, 'Show it on a projector')),
        ),
      ),
      { arrived: true },
    );
  }

  private onView(view: FacilitatorView): void {
    this.clock.sync(view.serverTime);
    if (this.view && (this.view.step !== view.step || this.view.vote.round !== view.vote.round))
      this.drafts = { ...emptyDrafts(), seconds: this.drafts.seconds };
    this.view = view;
    if (!this.index)
      void scenarioIndex(this.page, view.scenario.id).then((index) => {
        if (this.index || !index) return;
        this.index = index;
        // The debrief's branch map needs the scenario.
        if (this.view?.showing === 'debrief') this.render();
      });
    this.render();
    const key = phaseKey(view);
    if (key !== this.announced) {
      this.announced = key;
      announce(this.page, announcement(view));
    }
  }

  private onTally(tally: Tally): void {
    const view = this.view;
    if (!view || tally.round !== view.vote.round) return;
    this.view = {
      ...view,
      participants: tally.participants,
      vote: { ...view.vote, voters: tally.voters, ...(tally.counts ? { counts: tally.counts } : {}) },
    };
    const chart = this.page.content.querySelector('.vote-chart');
    if (chart && tally.counts && view.vote.phase !== 'revealed') updateVoteChart(chart, tally.counts);
    for (const element of this.page.content.querySelectorAll('[data-voters]'))
      element.textContent = String(tally.voters);
    for (const element of this.page.content.querySelectorAll('[data-participants]'))
      element.textContent = String(tally.participants);
  }

  private render(): void {
    const view = this.view;
    this.topbar();
    if (!view) {
      if (this.problem)
        showScreen(
          this.page,
          h(
            'article',
            { class: 'screen' },
            h('h2', {}, `Room ${this.code}`),
            h('p', { class: 'form-problem', role: 'alert' }, this.problem),
          ),
          { arrived: true },
        );
      return;
    }
    const joinUrl = joinUrlOf(view);
    const screen = facilitatorScreen(
      view,
      this.drafts,
      {
        mode: 'online',
        joinUrl,
        presenterUrl: joinUrl.replace(/#.*$/, formatWorkshopRoute({ screen: 'present', code: view.code })),
        busy: this.busy,
        ...(this.problem ? { problem: this.problem } : {}),
        ...(this.index ? { index: this.index } : {}),
      },
      {
        control: (intent) => void this.control(intent),
        countHands: (counts) => void this.control({ type: 'handCounts', counts }),
        download: (format) => void this.download(format),
        showSource: sourceOpener(this.page, () => this.index),
      },
    );
    showScreen(this.page, screen, { arrived: !this.shown, fallback: NEXT_CONTROL });
    this.shown = true;
    this.clock.tick();
  }

  private topbar(): void {
    showTopbar(
      this.page,
      this.view ? h('p', { class: 'topbar-title' }, this.view.scenario.title) : null,
      h('p', { class: 'who' }, 'Facilitator · room ', this.code),
      linkState(this.link),
    );
  }

  private async control(intent: ControlIntent): Promise<void> {
    if (!this.connection || this.busy) return;
    this.busy = true;
    this.render();
    const ack = await this.connection.control(intent);
    this.busy = false;
    this.problem = ack.ok ? undefined : ack.error.message;
    if (ack.ok && intent.type === 'handCounts') this.drafts.hands = emptyDrafts().hands;
    this.render();
  }

  private async download(format: RecordFormat): Promise<void> {
    if (!this.connection) return;
    const ack = await this.connection.record(format);
    if (!ack.ok) {
      this.problem = `The record could not be made: ${ack.error.message}`;
      this.render();
      return;
    }
    downloadFile(ack.filename, ack.content, ack.mimeType);
    announce(this.page, `Downloaded ${ack.filename}.`);
  }
}

/**
 * The participants' link: this page (workshop.html) at the server's address on the local network,
 * so phones can reach it even when the facilitator opened it as 127.0.0.1.
 */
function joinUrlOf(view: FacilitatorView): string {
  const here = new URL(location.href);
  let origin = here.origin;
  try {
    if (view.joinUrls[0]) origin = new URL(view.joinUrls[0]).origin;
  } catch {
    // not a URL: stay with this page's own address
  }
  return `${origin}${here.pathname}${joinRoute(view.code)}`;
}
