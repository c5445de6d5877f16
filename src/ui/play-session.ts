/**
 * One student's game of one scenario: the XState actor (the only record of where they are),
 * their exploration progress, and the autosave. Screens read views from it and send choices to it.
 */
import type { Snapshot } from 'xstate';
import { compileScenario, type GameMachine } from '../engine/compile.ts';
import { recordChoice, recordEnding, type Progress } from '../engine/progress.ts';
import { choose, replay, startGame, type GameActor } from '../engine/game-actor.ts';
import { ScenarioIndex, viewOf, type GameView } from '../engine/view.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { PlayListener } from './play-events.ts';
import { loadGame, loadProgress, SAVE_VERSION, saveGame, saveProgress } from './storage.ts';

export class PlaySession {
  readonly index: ScenarioIndex;
  readonly machine: GameMachine;
  progress: Progress;
  private actor: GameActor;
  /** The view of the actor's current snapshot: a choice and the screen it leads to read it several times. */
  private viewed: { snapshot: unknown; view: GameView } | undefined;
  /** Told of every choice, ending and change of place (none in the ordinary page). */
  listener: PlayListener | undefined;

  constructor(bundle: ScenarioBundle) {
    this.index = new ScenarioIndex(bundle);
    this.machine = compileScenario(bundle.scenario);
    this.progress = loadProgress(this.id);
    this.actor = startGame(this.machine);
  }

  get id(): string {
    return this.index.scenario.id;
  }

  view(): GameView {
    // A snapshot is immutable (XState makes a new one on every change), and a view is a pure
    // function of it, so one view per snapshot is enough.
    const snapshot = this.actor.getSnapshot();
    if (this.viewed?.snapshot !== snapshot) this.viewed = { snapshot, view: viewOf(this.index, snapshot) };
    return this.viewed.view;
  }

  /** The option ids chosen so far. */
  chosen(): string[] {
    return this.actor.getSnapshot().context.path.map((step) => step.option);
  }

  /** Resumes the saved game; returns why when it cannot (the save is then kept aside, not lost). */
  resume(): string | undefined {
    const saved = loadGame(this.id);
    if (saved.kind === 'none') return undefined;
    if (saved.kind === 'unusable')
      return `Your saved game could not be used because ${saved.reason}. It has been kept aside; you start afresh.`;
    const rebuilt = replay(this.machine, saved.value.options);
    if (!rebuilt.ok)
      return 'Your saved game no longer fits this version of the scenario. It has been kept aside; you start afresh.';
    // A version-1 snapshot has another shape; its replayed choices alone rebuild the game, and the
    // machine only ever accepts offered options, so the state they reach is one the scenario allows.
    if (saved.value.version === SAVE_VERSION && !this.sameAs(rebuilt.value, saved.value.snapshot)) {
      rebuilt.value.stop();
      return 'Your saved game did not match the choices it records, so it was not used. It has been kept aside; you start afresh.';
    }
    this.replace(rebuilt.value);
    return undefined;
  }

  /** Jumps to the point a shared link names. */
  goTo(options: string[]): { ok: true } | { ok: false; step: number } {
    const rebuilt = replay(this.machine, options);
    if (!rebuilt.ok) return { ok: false, step: rebuilt.error.step };
    this.replace(rebuilt.value);
    this.persist();
    return { ok: true };
  }

  restart(): void {
    this.replace(startGame(this.machine));
    this.persist();
  }

  /** Goes back to just before the choice at `step` (0-based), to try another option. */
  rewindTo(step: number): void {
    this.goTo(this.chosen().slice(0, step));
  }

  choose(option: string): boolean {
    const before = this.view();
    if (before.kind !== 'decision' || !choose(this.actor, option)) return false;
    this.progress = recordChoice(this.progress, before.decisionId, option);
    const after = this.view();
    if (after.kind === 'ending')
      this.progress = recordEnding(this.progress, after.endingId, this.chosen(), new Date().toISOString());
    saveProgress(this.id, this.progress);
    this.persist();
    const chosen = before.options.find((o) => o.id === option)!;
    this.listener?.({
      kind: 'chose',
      scenario: this.id,
      decision: { id: before.decisionId, title: before.title },
      option: { id: chosen.id, label: chosen.label, evidence: chosen.evidence, number: chosen.number },
      offered: before.options.map((o) => ({ id: o.id, label: o.label })),
    });
    if (after.kind === 'ending')
      this.listener?.({
        kind: 'ended',
        scenario: this.id,
        ending: { id: after.endingId, title: after.title },
        path: this.chosen(),
      });
    return true;
  }

  private replace(actor: GameActor): void {
    this.actor.stop();
    this.actor = actor;
  }

  private persist(): void {
    if (this.listener) {
      const view = this.view();
      const at = view.kind === 'decision' ? view.decisionId : view.endingId;
      this.listener({ kind: 'moved', scenario: this.id, path: this.chosen(), at });
    }
    saveGame({
      version: SAVE_VERSION,
      scenario: this.id,
      options: this.chosen(),
      snapshot: this.actor.getPersistedSnapshot(),
      savedAt: new Date().toISOString(),
    });
  }

  /** A saved snapshot is trusted only if it equals what replaying its recorded choices gives. */
  private sameAs(actor: GameActor, snapshot: unknown): boolean {
    const rebuilt = actor.getPersistedSnapshot() as Snapshot<unknown> & { value?: unknown; context?: unknown };
    const saved = snapshot as { value?: unknown; context?: unknown };
    return (
      JSON.stringify(rebuilt.value) === JSON.stringify(saved.value) &&
      JSON.stringify(rebuilt.context) === JSON.stringify(saved.context)
    );
  }
}
