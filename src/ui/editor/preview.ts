/**
 * The play preview beside the editor: the scenario as students play it, following every change
 * that passes the checker, at the same place (the same choices are replayed in the new version; if
 * one is no longer offered, the preview stops at the last point they still reach). It keeps no
 * save: playing here never touches a student's saved game.
 */
import { compileScenario } from '../../engine/compile.ts';
import { choose, replay, startGame, type GameActor } from '../../engine/game-actor.ts';
import { ScenarioIndex, viewOf } from '../../engine/view.ts';
import type { ScenarioBundle } from '../../scenario/validate.ts';
import { h, replaceChildren } from '../dom.ts';

export class EditorPreview {
  readonly element = h('section', { class: 'ed-preview', 'aria-label': 'Play preview' });
  private index: ScenarioIndex | undefined;
  private actor: GameActor | undefined;
  private chosen: string[] = [];
  private note = '';

  constructor(private readonly playInPage: (bundle: ScenarioBundle) => void) {
    this.draw();
  }

  /** A new version without errors: replay the same choices in it. */
  update(bundle: ScenarioBundle): void {
    if (this.index && JSON.stringify(this.index.bundle) === JSON.stringify(bundle)) return;
    this.index = new ScenarioIndex(bundle);
    const machine = compileScenario(bundle.scenario);
    const replayed = replay(machine, this.chosen);
    if (replayed.ok) {
      this.actor = replayed.value;
      this.note = '';
    } else {
      const kept = this.chosen.slice(0, replayed.error.step);
      this.actor = (replay(machine, kept) as { ok: true; value: GameActor }).value ?? startGame(machine);
      this.note = `The path no longer works after step ${replayed.error.step}, so the preview stops where it still leads.`;
      this.chosen = kept;
    }
    this.draw();
  }

  /** The scenario has errors now: the preview shows the last version without them, and says so. */
  stale(stale: boolean): void {
    this.element.classList.toggle('stale', stale);
    const flag = this.element.querySelector('.ed-preview-stale');
    if (flag) (flag as HTMLElement).hidden = !stale;
  }

  private draw(): void {
    if (!this.index || !this.actor) {
      replaceChildren(
        this.element,
        h('p', { class: 'ed-hint' }, 'The preview appears once the scenario has no errors.'),
      );
      return;
    }
    const index = this.index;
    const view = viewOf(index, this.actor.getSnapshot());
    const last = view.path[view.path.length - 1];
    const restart = h('button', { type: 'button', onclick: () => this.goTo([]) }, 'Start again');
    const back =
      view.path.length > 0
        ? h('button', { type: 'button', onclick: () => this.goTo(this.chosen.slice(0, -1)) }, 'Back one step')
        : null;
    replaceChildren(
      this.element,
      h('p', { class: 'ed-preview-stale ed-bad', hidden: true }, 'Showing the last version without errors.'),
      this.note ? h('p', { class: 'ed-hint' }, this.note) : null,
      h('p', { class: 'ed-hint' }, `Step ${view.path.length + 1}. ${view.path.map((s) => s.optionLabel).join(' → ')}`),
      last ? h('p', { class: 'ed-preview-outcome' }, h('strong', {}, `${last.optionLabel}: `), last.outcome) : null,
      view.kind === 'decision'
        ? [
            h('h4', {}, view.title),
            h('p', { class: 'ed-hint' }, `${view.actor.name} decides`),
            h('p', {}, view.situation),
            h(
              'ul',
              { class: 'ed-preview-options' },
              view.options.map((option) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    { type: 'button', onclick: () => this.goTo([...this.chosen, option.id]) },
                    `${option.number}. ${option.label}`,
                  ),
                ),
              ),
            ),
          ]
        : [h('h4', {}, `Ending: ${view.title}`), h('p', {}, view.text)],
      h(
        'div',
        { class: 'ed-actions' },
        back,
        restart,
        h('button', { type: 'button', onclick: () => this.playInPage(index.bundle) }, 'Play it in the page'),
      ),
    );
  }

  private goTo(options: string[]): void {
    if (!this.index) return;
    const machine = compileScenario(this.index.scenario);
    const actor = startGame(machine);
    for (const option of options) if (!choose(actor, option)) break;
    this.actor = actor;
    this.chosen = actor.getSnapshot().context.path.map((step) => step.option);
    this.note = '';
    this.draw();
    this.element.querySelector<HTMLElement>('h4')?.setAttribute('tabindex', '-1');
    this.element.querySelector<HTMLElement>('h4')?.focus();
  }
}
