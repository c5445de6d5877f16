/**
 * The offline presenter mode: no server, no phones. The facilitator's browser runs the room
 * (LocalRoom), shows it on the projector, and takes the count of hands for each option.
 */
import { ScenarioIndex } from '../../engine/view.ts';
import type { ControlIntent, FacilitatorView, RecordFormat } from '../../workshop/protocol.ts';
import { h } from '../dom.ts';
import { NEXT_CONTROL } from './host-controller.ts';
import { LocalRoom } from './local-room.ts';
import { announcement, phaseKey } from './parts/phase.ts';
import {
  announce,
  downloadFile,
  showScreen,
  showTopbar,
  sourceOpener,
  type Controller,
  type WorkshopPage,
} from './page.ts';
import { emptyDrafts, facilitatorScreen } from './screens/facilitator.ts';

export class OfflineController implements Controller {
  private room: LocalRoom | undefined;
  private index: ScenarioIndex | undefined;
  private view: FacilitatorView | undefined;
  private drafts = emptyDrafts();
  private problem: string | undefined;
  private announced = '';
  private shown = false;
  private disposed = false;

  constructor(
    private readonly page: WorkshopPage,
    scenarioId: string,
  ) {
    document.body.classList.add('projector');
    void page.loadScenario(scenarioId).then((bundle) => {
      if (this.disposed) return;
      if (!bundle) {
        showTopbar(page);
        showScreen(
          page,
          h(
            'article',
            { class: 'screen' },
            h('h2', {}, 'No such scenario'),
            h('p', { role: 'alert' }, `There is no scenario called “${scenarioId}” here.`),
            h('p', {}, h('a', { href: '#/' }, 'Choose a scenario')),
          ),
          { arrived: true },
        );
        return;
      }
      this.index = new ScenarioIndex(bundle);
      this.room = new LocalRoom(bundle, (view) => this.onView(view));
      this.problem = this.room.problem;
      this.onView(this.room.view());
    });
  }

  dispose(): void {
    this.disposed = true;
    document.body.classList.remove('projector');
  }

  private onView(view: FacilitatorView): void {
    if (this.view && (this.view.step !== view.step || this.view.vote.round !== view.vote.round))
      this.drafts = emptyDrafts();
    this.view = view;
    this.render();
    const key = phaseKey(view);
    if (key !== this.announced) {
      this.announced = key;
      announce(this.page, announcement(view, 'offline'));
    }
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    showTopbar(
      this.page,
      h('p', { class: 'topbar-title' }, view.scenario.title),
      h('p', { class: 'who' }, 'Offline session · hand counts'),
    );
    const screen = facilitatorScreen(
      view,
      this.drafts,
      { mode: 'offline', busy: false, ...(this.problem ? { problem: this.problem } : {}) },
      {
        control: (intent) => void this.control(intent),
        countHands: (counts) => void this.countHands(counts),
        download: (format) => void this.download(format),
        showSource: sourceOpener(this.page, () => this.index),
        restart: () => {
          this.problem = undefined;
          this.room?.restart();
        },
      },
    );
    showScreen(this.page, screen, { arrived: !this.shown, fallback: NEXT_CONTROL });
    this.shown = true;
  }

  private async control(intent: ControlIntent): Promise<boolean> {
    if (!this.room) return false;
    const ack = await this.room.control(intent);
    this.problem = ack.ok ? undefined : ack.error.message;
    this.render();
    return ack.ok;
  }

  private async countHands(counts: Record<string, number>): Promise<void> {
    if (await this.control({ type: 'handCounts', counts })) await this.control({ type: 'reveal' });
  }

  private async download(format: RecordFormat): Promise<void> {
    if (!this.room) return;
    const ack = await this.room.record(format);
    if (ack.ok) {
      downloadFile(ack.filename, ack.content, ack.mimeType);
      announce(this.page, `Downloaded ${ack.filename}.`);
    }
  }
}
