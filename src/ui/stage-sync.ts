/**
 * Keeps the Phaser stage in step with the screen: mounted for the game screen of a scenario,
 * gone elsewhere, and shown each rendered view. The stage loads after the text, so a view can
 * arrive while it is still mounting: the latest one is shown once it is there.
 */
import type { GameView, ScenarioIndex } from '../engine/view.ts';
import type { MountStage, Stage, StageMoment } from '../game/stage-contract.ts';
import { STAGE_HELP_ID, StageNotes } from './stage-notes.ts';

/** What the stage should show: a scenario's game at a view, or nothing. */
export interface StageScene {
  index: ScenarioIndex;
  view: GameView;
  moment: StageMoment;
}

export class StageSync {
  private stage: Stage | undefined;
  /** The scenario the stage is (being) mounted for. */
  private mountedFor: string | undefined;
  private latest: StageScene | undefined;
  private readonly reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  /** The stage in words, when the page has a place for it (index.html's #stage-notes). */
  private readonly notes: StageNotes | undefined;

  constructor(
    private readonly element: HTMLElement,
    private readonly loadStage: () => Promise<MountStage>,
    notesElement: HTMLElement | null = document.getElementById('stage-notes'),
  ) {
    this.notes = notesElement ? new StageNotes(notesElement) : undefined;
  }

  /** Mounts a fresh stage on the next sync, as a new version of the same scenario needs. */
  forget(): void {
    this.mountedFor = undefined;
  }

  async sync(scene: StageScene | undefined): Promise<void> {
    this.latest = scene;
    if (!scene) {
      this.unmount();
      this.mountedFor = undefined;
      document.body.classList.remove('has-stage');
      this.notes?.hide();
      return;
    }
    const id = scene.index.scenario.id;
    if (this.mountedFor !== id) {
      this.mountedFor = id;
      this.unmount();
      try {
        const mount = await this.loadStage();
        if (this.mountedFor !== id) return;
        // The stage's box must have its size before Phaser measures it.
        document.body.classList.add('has-stage');
        const stage = await mount(this.element, scene.index, {
          reducedMotion: this.reducedMotion,
          onPick: (target) => this.notes?.pick(target),
          onCountries: (names) => this.notes?.countries(names),
        });
        // The student may have left the game while Phaser started.
        if (this.mountedFor !== id) return stage.destroy();
        this.stage = stage;
        this.notes?.connect(stage);
        if (scene.index.scenario.map) this.makeExplorable(scene.index.scenario.title);
      } catch (error) {
        document.body.classList.remove('has-stage');
        this.notes?.hide();
        // The stage is decoration: everything it shows is also in the text, so the game goes on without it.
        console.error('The stage could not start; the game continues in text.', error);
        return;
      }
    }
    if (!this.latest || !this.stage) return;
    this.stage.show(this.latest.view, this.latest.moment);
    // Said only while the stage shows it: without a map there is nothing more to say than the text.
    if (this.latest.index.scenario.map) this.notes?.show(this.latest.index.scenario, this.latest.view.stage);
  }

  /**
   * The map can be moved and zoomed by keyboard: the stage takes focus (with a visible ring) and
   * says how, through the notes' help line. Its canvas stays hidden from assistive technology;
   * everything it shows is in the notes.
   */
  private makeExplorable(title: string): void {
    const stage = this.element;
    stage.setAttribute('aria-label', `Map: ${title}`);
    stage.removeAttribute('aria-hidden');
    stage.tabIndex = 0;
    stage.setAttribute('role', 'group');
    stage.setAttribute('aria-roledescription', 'map');
    stage.setAttribute('aria-describedby', STAGE_HELP_ID);
  }

  private unmount(): void {
    this.stage?.destroy();
    this.stage = undefined;
    this.notes?.connect(undefined);
    this.notes?.countries([]);
    const stage = this.element;
    stage.setAttribute('aria-hidden', 'true');
    stage.removeAttribute('tabindex');
    for (const name of ['role', 'aria-roledescription', 'aria-describedby', 'aria-label']) stage.removeAttribute(name);
  }
}
