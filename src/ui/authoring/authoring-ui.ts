/**
 * The authoring side of the page, loaded only when an author opens a scenario or asks for a
 * structure view: it brings the unzipper and the layout library, and starts the checker in a
 * worker, none of which players need. It keeps what was opened last and hands playable scenarios
 * to the App.
 */
import { analyzeScenario, type Analysis } from '../../engine/analyze.ts';
import { scenarioStructure, shortestRoutes } from '../../authoring/structure-graph.ts';
import { layoutStructure } from '../../authoring/structure-layout.ts';
import type { Diagnostic } from '../../scenario/diagnostic.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ScenarioBundle } from '../../scenario/validate.ts';
import { h } from '../dom.ts';
import type { CapturedDrop } from './drop-capture.ts';
import type { OpenedFile } from '../../authoring/file-set.ts';
import { checkOffThread } from './check-off-thread.ts';
import type { OpenOutcome } from '../../authoring/open-scenario.ts';
import { openScreen, type OpenState } from './open-screen.ts';
import { publishButton } from './publish.ts';
import { readDropped, readPicked, type ReadOutcome } from './read-files.ts';
import { structureView } from './structure-view.ts';
import { Editor } from '../editor/editor.ts';
import { draftFromFiles } from '../../authoring/editor/draft.ts';
import './authoring.css';

export interface AuthoringHost {
  /** Draws the current screen again (the state here changed). */
  rerender: () => void;
  /** Plays a checked scenario at once, with a line saying what was checked. */
  play: (bundle: ScenarioBundle, note: string) => void;
  /** Puts the game of a scenario already handed over by `play` at the point these options lead to. */
  jump: (scenario: string, options: string[]) => void;
  /** Goes to the editor (#/edit), or to "Open a scenario" (#/open). */
  goTo: (screen: 'edit' | 'open') => void;
}

export class Authoring {
  private state: OpenState = { kind: 'empty' };
  private readonly analyses = new WeakMap<Scenario, Analysis | undefined>();
  private editor: Editor | undefined;

  constructor(private readonly host: AuthoringHost) {}

  /** The editor in the page, with the work in progress. */
  editorScreen(): HTMLElement {
    return this.editorOf().screen();
  }

  private editorOf(): Editor {
    this.editor ??= new Editor({
      play: (bundle) =>
        this.host.play(bundle, `Playing “${bundle.scenario.title}” from the editor. Nothing was uploaded.`),
    });
    return this.editor;
  }

  openScreen(): HTMLElement {
    const state = this.state;
    const checked = state.kind === 'checked' ? state : undefined;
    const bundle = checked?.result.bundle;
    return openScreen(state, {
      pickFolder: (files) => void this.open(() => readPicked(files)),
      pickFiles: (files) => void this.open(() => readPicked(files)),
      choose: (file) => state.kind === 'choose' && void this.check(state.files, file),
      play: () => bundle && this.host.play(bundle, this.note(checked!.file, checked!.result.diagnostics)),
      structure: () =>
        checked?.scenario ? this.structure(checked.scenario, checked.result.analysis, bundle, undefined) : null,
      publish: bundle ? () => publishButton(bundle) : undefined,
      edit:
        checked?.text !== undefined
          ? () => {
              const editor = this.editorOf();
              editor.screen();
              if (editor.edit(draftFromFiles(checked.files, checked.file, checked.text!))) this.host.goTo('edit');
            }
          : undefined,
    });
  }

  openDropped(dropped: CapturedDrop): Promise<void> {
    return this.open(() => readDropped(dropped));
  }

  /** The structure of a playable scenario, from which the game can jump to any point. */
  structureScreen(bundle: ScenarioBundle, current: string): HTMLElement {
    const { scenario } = bundle;
    return h(
      'article',
      { class: 'screen structure-screen', 'aria-labelledby': 'screen-title' },
      h('p', { class: 'eyebrow' }, 'For authors'),
      h('h2', { id: 'screen-title' }, `Structure of “${scenario.title}”`),
      h(
        'p',
        {},
        'Click a point in the drawing, or use its button in the list, to put the game there by the shortest way a player could take.',
      ),
      h('div', { class: 'actions' }, publishButton(bundle)),
      this.structure(scenario, this.analysisOf(scenario), bundle, current),
    );
  }

  private async open(read: () => Promise<ReadOutcome>): Promise<void> {
    this.state = { kind: 'reading' };
    this.host.rerender();
    const files = await read();
    if (!files.ok) return this.show({ kind: 'refused', message: files.message });
    await this.check(files.files);
  }

  private async check(files: OpenedFile[], pick?: string): Promise<void> {
    this.state = { kind: 'reading' };
    this.host.rerender();
    this.show(await checkOffThread(files, pick));
  }

  private show(outcome: OpenOutcome): void {
    this.state = outcome;
    const bundle = outcome.kind === 'checked' ? outcome.result.bundle : undefined;
    if (outcome.kind === 'checked' && bundle) {
      if (outcome.result.analysis) this.analyses.set(bundle.scenario, outcome.result.analysis);
      this.host.play(bundle, this.note(outcome.file, outcome.result.diagnostics));
    } else this.host.rerender();
  }

  private note(file: string, diagnostics: readonly Diagnostic[]): string {
    const warnings = diagnostics.length;
    return `Opened ${file}: no errors${warnings ? ` and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, listed under “Open a scenario”` : ''}. It plays from this page only; nothing was uploaded.`;
  }

  private structure(
    scenario: Scenario,
    analysis: Analysis | undefined,
    bundle: ScenarioBundle | undefined,
    current: string | undefined,
  ): HTMLElement {
    const structure = scenarioStructure(scenario, analysis);
    const routes = bundle ? shortestRoutes(bundle.scenario) : undefined;
    return structureView(
      { structure, layout: layoutStructure(structure), routes, current },
      { jump: (_point, options) => bundle && this.host.jump(bundle.scenario.id, options) },
    );
  }

  private analysisOf(scenario: Scenario): Analysis | undefined {
    if (!this.analyses.has(scenario)) {
      let analysis: Analysis | undefined;
      try {
        analysis = analyzeScenario(scenario);
      } catch {
        // Too many world states to explore: the drawing goes without the analysis's marks.
        analysis = undefined;
      }
      this.analyses.set(scenario, analysis);
    }
    return this.analyses.get(scenario);
  }
}

export const createAuthoring = (host: AuthoringHost): Authoring => new Authoring(host);
