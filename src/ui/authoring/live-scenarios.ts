/**
 * The author preview in the page: under Vite's dev server, every saved change to a scenario
 * reaches the open page. A version without errors takes the old one's place in the game at the
 * same decision point; a version with errors leaves the game as it was and shows the problems in
 * an overlay, until the next save fixes them. Loaded only under the dev server.
 */
import type { ViteHotContext } from 'vite/types/hot.d.ts';
import type { ScenarioBundle } from '../../scenario/validate.ts';
import { h, replaceChildren } from '../dom.ts';
import { ASK_EVENT, SCENARIOS_EVENT, type LiveScenarios } from '../../authoring/live-protocol.ts';
import { problemCount, problemList, type ProblemReport } from './problem-list.ts';
import './authoring.css';

/** The part of the App this needs. */
export interface LiveTarget {
  useScenario: (bundle: ScenarioBundle, note?: string) => void;
}

export function followScenarioEdits(app: LiveTarget, hot: ViteHotContext): void {
  const overlay = new ProblemOverlay();
  hot.on(SCENARIOS_EVENT, ({ bundles, reports }: LiveScenarios) => {
    // The App swaps (and says so) only where the version differs from the one in play.
    for (const bundle of bundles) app.useScenario(bundle, `“${bundle.scenario.title}” was changed and reloaded.`);
    overlay.show(reports.filter((r) => r.diagnostics.some((d) => d.severity === 'error')));
  });
  hot.send(ASK_EVENT);
}

class ProblemOverlay {
  private element: HTMLElement | undefined;
  private hidden = false;
  private shownFor = '';

  show(reports: ProblemReport[]): void {
    const key = JSON.stringify(reports.map((r) => r.diagnostics));
    if (reports.length === 0) {
      this.element?.remove();
      this.element = undefined;
      this.shownFor = '';
      return;
    }
    // A save that changes the problems brings a hidden overlay back.
    if (key !== this.shownFor) this.hidden = false;
    this.shownFor = key;
    if (this.hidden) return;
    this.element ??= document.body.appendChild(
      h('section', { class: 'author-overlay', 'aria-labelledby': 'author-overlay-title' }),
    );
    const total = reports.flatMap((r) => r.diagnostics);
    replaceChildren(
      this.element,
      h('h2', { id: 'author-overlay-title' }, 'The scenario has errors'),
      h(
        'p',
        { role: 'alert' },
        `${problemCount(total)}. The game below is the last version without errors. Fix the file and save: this updates by itself.`,
      ),
      h(
        'div',
        { class: 'overlay-actions' },
        h('button', { type: 'button', class: 'link-button', onclick: () => this.hide() }, 'Hide until the next change'),
      ),
      reports.map((report) => problemList(report, 'the page updates by itself')),
    );
  }

  private hide(): void {
    this.hidden = true;
    this.element?.remove();
    this.element = undefined;
    document.getElementById('content')?.focus();
  }
}
