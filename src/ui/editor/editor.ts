/**
 * The editor in the page: a scenario edited in forms, never as YAML. The file's text is the one
 * record (src/authoring/editor/yaml-edit.ts changes only what an edit touches); every change is
 * kept in IndexedDB at once, checked by the same checker as the command line (in a worker, a moment
 * after typing stops), and played in the preview beside the form at the same place.
 */
import { pointIds, uniqueId } from '../../authoring/editor/choices.ts';
import { draftFiles, draftFromFiles, newDraft, type Draft } from '../../authoring/editor/draft.ts';
import { record, redo, startHistory, undo, type History } from '../../authoring/editor/history.ts';
import { renameEdits } from '../../authoring/editor/rename.ts';
import {
  duplicateItem,
  EditError,
  insertIn,
  moveItem,
  readValue,
  removeAt,
  setIn,
  setScalar,
  valueAt,
  type Json,
  type Path,
} from '../../authoring/editor/yaml-edit.ts';
import type { Diagnostic } from '../../scenario/diagnostic.ts';
import { describePlace } from '../../scenario/place.ts';
import type { ScenarioBundle } from '../../scenario/validate.ts';
import { isRecord } from '../../lib/is-record.ts';
import { h, replaceChildren } from '../dom.ts';
import { checkOffThread } from '../authoring/check-off-thread.ts';
import { problemCount } from '../authoring/problem-list.ts';
import { publishButton } from '../authoring/publish.ts';
import { readPicked } from '../authoring/read-files.ts';
import { DraftWriter, loadDraft } from './draft-store.ts';
import { fieldId, pathKey, type FormContext } from './fields.ts';
import { freshOption, sectionForm, sectionKey, sectionOf, type Section } from './forms.ts';
import { freshCitation } from './parts.ts';
import { EditorPreview } from './preview.ts';
import { canSaveToFolder, downloadZip, saveToFolder, type DirectoryHandle } from './save-folder.ts';
import { sourcePane } from './source-pane.ts';
import './editor.css';

export interface EditorHost {
  /** Plays a checked scenario in the page. */
  play: (bundle: ScenarioBundle) => void;
}

/** How long after the last keystroke the checker runs (ms). */
const CHECK_DELAY = 300;

type Side = 'source' | 'problems' | 'preview';

/** `value` with `path` set, copying only the maps and lists on the way (the rest is shared, never changed). */
function withValue(value: unknown, path: Path, leaf: Json): unknown {
  if (path.length === 0) return leaf;
  const [key, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[key!] = withValue(copy[key!], rest, leaf);
  return copy;
}

export class Editor {
  private readonly root = h('div', { class: 'editor' });
  private draft: Draft | undefined;
  private history: History | undefined;
  private value: unknown;
  private section: Section = { kind: 'about' };
  private side: Side = 'problems';
  private citing: Path | undefined;
  private loaded = false;
  private notice = '';
  private diagnostics: Diagnostic[] = [];
  private bundle: ScenarioBundle | undefined;
  private checking = 0;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  private updaters: Array<() => void> = [];
  private folder: DirectoryHandle | undefined;
  private readonly writer = new DraftWriter();
  private readonly preview: EditorPreview;
  private readonly announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  private readonly checkStatus = h('p', { class: 'ed-check-status', role: 'status', 'aria-live': 'polite' });
  private readonly keptStatus = h('p', { class: 'ed-kept' });
  /** The file inputs behind "Open a scenario…": a folder, or files and zips. */
  private readonly folderInput = this.fileInput({ webkitdirectory: true, id: 'ed-open-folder' });
  private readonly filesInput = this.fileInput({ multiple: true, accept: '.yaml,.yml,.txt,.zip', id: 'ed-open-files' });
  private nav = h('nav', { class: 'ed-outline', 'aria-label': 'Parts of the scenario' });
  private formArea = h('div', { class: 'ed-form-area' });
  private sideArea = h('aside', { class: 'ed-side', 'aria-label': 'Source, problems and preview' });
  private toolbar = h('div', { class: 'ed-toolbar', role: 'toolbar', 'aria-label': 'Editor' });

  constructor(private readonly host: EditorHost) {
    this.preview = new EditorPreview((bundle) => host.play(bundle));
    this.writer.onProblem = (message) => this.say(message, true);
    this.writer.onSaved = () => this.drawKept();
    this.root.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** The editor's screen: the draft in progress (restored from the browser after a reload), or a start. */
  screen(): HTMLElement {
    if (!this.loaded) {
      this.loaded = true;
      replaceChildren(this.root, h('p', { class: 'loading' }, 'Looking for work in progress…'));
      void loadDraft().then((stored) => {
        if (this.draft) return;
        if (stored) {
          const unsaved = stored.draft.text !== stored.draft.savedText;
          const when = new Date(stored.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
          this.start(
            stored.draft,
            unsaved
              ? `Restored your unsaved work on “${stored.draft.folder}” from ${when}. Save or download it to keep it in your folder.`
              : `Reopened “${stored.draft.folder}”, as you left it.`,
          );
        } else this.drawStart();
      });
    }
    return this.root;
  }

  /** Edits a scenario opened in the page ("Edit in the page" on the Open screen). */
  edit(draft: Draft): boolean {
    if (this.draft && this.draft.text !== this.draft.savedText && this.draft.text !== draft.text) {
      const replace = window.confirm(
        `Your unsaved changes to “${this.draft.folder}” will be replaced by the scenario you opened. Download them first with Cancel, then “Download as a zip”.`,
      );
      if (!replace) return false;
    }
    this.loaded = true;
    this.start(draft, `Editing “${draft.folder}/${draft.fileName}”. Every change is kept in this browser as you type.`);
    return true;
  }

  private start(draft: Draft, notice: string): void {
    this.draft = { ...draft, sources: { ...draft.sources } };
    this.history = startHistory(draft.text);
    this.value = readValue(draft.text);
    this.section = { kind: 'about' };
    this.notice = notice;
    this.diagnostics = [];
    this.bundle = undefined;
    this.writer.keep(this.draft);
    this.drawAll();
    this.check(0);
  }

  // ---- Drawing ------------------------------------------------------------------------------

  private drawStart(): void {
    replaceChildren(
      this.root,
      h(
        'div',
        { class: 'ed-start' },
        h('h2', { id: 'screen-title', tabindex: -1 }, 'Write a scenario in the page'),
        h(
          'p',
          { class: 'lead' },
          'Edit a scenario in forms: no YAML to type, nothing to install, nothing uploaded. Your work is kept in this browser as you type.',
        ),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'primary-button',
              onclick: () =>
                this.start(newDraft(), 'A new scenario. Change it part by part: the checker follows every change.'),
            },
            'Start a new scenario',
          ),
          h('button', { type: 'button', onclick: () => this.folderInput.click() }, 'Open a scenario folder…'),
          h('button', { type: 'button', onclick: () => this.filesInput.click() }, 'Open its files or a zip…'),
        ),
        this.folderInput,
        this.filesInput,
        h('p', { class: 'ed-hint', role: 'status' }, this.notice),
      ),
    );
  }

  private drawAll(): void {
    const draft = this.draft!;
    this.drawToolbar();
    this.drawNav();
    this.drawForm();
    this.drawSide();
    replaceChildren(
      this.root,
      h(
        'header',
        { class: 'ed-header' },
        h('h2', { id: 'screen-title', tabindex: -1 }, `Editing ${draft.folder}/${draft.fileName}`),
        h('p', { class: 'notice ed-notice' }, this.notice),
        h('div', { class: 'ed-toolbar-row' }, this.toolbar, this.keptStatus),
        this.announcer,
      ),
      h('div', { class: 'ed-body' }, this.nav, this.formArea, this.sideArea),
    );
    this.drawKept();
  }

  private drawToolbar(): void {
    const history = this.history!;
    const button = (
      label: string,
      onclick: () => void,
      options: { disabled?: boolean; keys?: string; id?: string } = {},
    ) =>
      h(
        'button',
        { type: 'button', id: options.id, onclick, disabled: options.disabled, 'aria-keyshortcuts': options.keys },
        label,
      );
    replaceChildren(
      this.toolbar,
      button('Undo', () => this.undoRedo('undo'), {
        disabled: history.past.length === 0,
        keys: 'Control+Z',
        id: 'ed-undo',
      }),
      button('Redo', () => this.undoRedo('redo'), {
        disabled: history.future.length === 0,
        keys: 'Control+Y',
        id: 'ed-redo',
      }),
      canSaveToFolder() ? button('Save to a folder…', () => void this.saveFolder(), { id: 'ed-save-folder' }) : null,
      button('Download as a zip', () => this.saveZip(), { id: 'ed-save-zip' }),
      this.bundle ? publishButton(this.bundle) : null,
      button('Open another…', () => this.filesInput.click(), { id: 'ed-open' }),
      button('Start a new scenario', () => this.startNew()),
      this.folderInput,
      this.filesInput,
    );
  }

  private drawKept(): void {
    const draft = this.draft;
    if (!draft) return;
    this.keptStatus.textContent =
      draft.text === draft.savedText
        ? 'No changes since it was opened or saved.'
        : this.writer.idle
          ? 'Changes not yet saved to your folder; kept in this browser.'
          : 'Keeping your changes in this browser…';
  }

  private drawNav(): void {
    const value = this.value;
    const list = (key: string) => (isRecord(value) && Array.isArray(value[key]) ? (value[key] as unknown[]) : []);
    const item = (section: Section, label: string) => {
      const current = sectionKey(section) === sectionKey(this.section);
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'ed-outline-item',
            'aria-current': current ? 'true' : undefined,
            onclick: () => this.show(section),
          },
          label,
        ),
      );
    };
    const title = (x: unknown) => (isRecord(x) ? String(x.title ?? x.id ?? '') : '');
    replaceChildren(
      this.nav,
      h(
        'ul',
        {},
        item({ kind: 'about' }, 'About the scenario'),
        item({ kind: 'sources' }, `Sources (${list('sources').length})`),
        item({ kind: 'actors' }, `Actors (${list('actors').length})`),
        item({ kind: 'variables' }, `Meters (${list('variables').length})`),
      ),
      h('h3', { class: 'ed-outline-title' }, 'Decision points'),
      h(
        'ul',
        {},
        list('decisions').map((d, index) =>
          item({ kind: 'decision', index }, title(d) || `Decision point ${index + 1}`),
        ),
      ),
      h(
        'button',
        { type: 'button', class: 'ed-add', onclick: () => this.addPoint('decisions') },
        'Add a decision point',
      ),
      h('h3', { class: 'ed-outline-title' }, 'Endings'),
      h(
        'ul',
        {},
        list('endings').map((e, index) => item({ kind: 'ending', index }, title(e) || `Ending ${index + 1}`)),
      ),
      h('button', { type: 'button', class: 'ed-add', onclick: () => this.addPoint('endings') }, 'Add an ending'),
      h('ul', {}, item({ kind: 'map' }, 'Map'), item({ kind: 'teacher' }, 'Teacher material')),
    );
  }

  private drawForm(): void {
    this.updaters = [];
    const section = this.section;
    const tools =
      section.kind === 'decision' || section.kind === 'ending' ? this.pointTools(section.kind, section.index) : null;
    replaceChildren(this.formArea, tools, sectionForm(this.context(), section));
  }

  /** Move, duplicate and remove for the decision point or ending shown. */
  private pointTools(kind: 'decision' | 'ending', index: number): HTMLElement {
    const key = kind === 'decision' ? 'decisions' : 'endings';
    const count = (valueAt(this.value, [key]) as unknown[] | undefined)?.length ?? 0;
    const noun = kind === 'decision' ? 'decision point' : 'ending';
    const button = (label: string, onclick: () => void, disabled = false) =>
      h('button', { type: 'button', disabled, onclick }, label);
    return h(
      'div',
      { class: 'ed-actions ed-point-tools', role: 'group', 'aria-label': `This ${noun}` },
      button(`Move this ${noun} up`, () => this.movePoint(key, index, index - 1), index === 0),
      button(`Move it down`, () => this.movePoint(key, index, index + 1), index >= count - 1),
      button(`Duplicate it`, () => {
        const id = uniqueId(`${String(valueAt(this.value, [key, index, 'id']) ?? noun)}-copy`, pointIds(this.value));
        this.apply((text) => duplicateItem(text, [key], index, { id }), { redraw: false });
        this.show({ kind, index: index + 1 });
        this.say(`Duplicated as “${id}”.`);
      }),
      button(
        `Remove it`,
        () => {
          this.apply((text) => removeAt(text, [key], index), { redraw: false });
          this.show(count > 1 ? { kind, index: Math.max(0, index - 1) } : { kind: 'about' });
          this.say(`Removed the ${noun}. Undo brings it back.`);
        },
        count <= 1,
      ),
    );
  }

  private drawSide(): void {
    const tab = (side: Side, label: string) =>
      h(
        'button',
        {
          type: 'button',
          class: 'ed-tab',
          id: `ed-tab-${side}`,
          'aria-pressed': side === this.side ? 'true' : 'false',
          onclick: () => {
            this.side = side;
            if (side !== 'source') this.citing = undefined;
            this.drawSide();
          },
        },
        label,
      );
    const errors = this.diagnostics.filter((d) => d.severity === 'error').length;
    const panel =
      this.side === 'source'
        ? this.sourcePanel()
        : this.side === 'problems'
          ? this.problemPanel()
          : this.preview.element;
    replaceChildren(
      this.sideArea,
      this.checkStatus,
      h(
        'div',
        { class: 'ed-tabs', role: 'group', 'aria-label': 'Show beside the form' },
        tab('source', 'Sources'),
        tab('problems', `Problems (${this.diagnostics.length}${errors ? `, ${errors} errors` : ''})`),
        tab('preview', 'Preview'),
      ),
      h('div', { class: 'ed-side-panel' }, panel),
    );
  }

  private problemPanel(): HTMLElement {
    if (this.diagnostics.length === 0)
      return h('p', { class: 'ed-good' }, 'No problems: the scenario plays as it is. See it under Preview.');
    return h(
      'ol',
      { class: 'ed-problems' },
      this.diagnostics.map((d) =>
        h(
          'li',
          { class: `problem ${d.severity}` },
          h(
            'button',
            { type: 'button', class: 'ed-problem', onclick: () => this.goTo(d.path) },
            h('span', { class: 'problem-severity' }, d.severity === 'error' ? 'Error' : 'Warning'),
            ` in ${d.place ?? describePlace(d.path, this.value)}: `,
            d.message,
          ),
        ),
      ),
    );
  }

  private sourcePanel(): HTMLElement {
    const target = this.citing;
    const citation = target ? valueAt(this.value, target) : undefined;
    const sources = (valueAt(this.value, ['sources']) as unknown[] | undefined) ?? [];
    return sourcePane({
      sources: sources.filter(isRecord).map((s) => ({
        id: String(s.id ?? ''),
        title: String(s.title ?? ''),
        text: this.draft!.sources[String(s.file ?? '')],
      })),
      sourceId: isRecord(citation) ? String(citation.source ?? '') : undefined,
      target: target ? describePlace(pathKey(target), this.value) : undefined,
      quote: isRecord(citation) ? String(citation.quote ?? '') : undefined,
      use: target
        ? (quote, sourceId) => {
            this.apply(
              (text) => {
                let out = setIn(text, [...target, 'quote'], quote);
                if (valueAt(this.value, [...target, 'source']) !== sourceId)
                  out = setIn(out, [...target, 'source'], sourceId);
                return out;
              },
              { redraw: true },
            );
            this.say(`Quote set from the source: “${quote}”. It is the source’s own words, so it checks.`);
            this.citing = undefined;
            this.side = 'problems';
            this.drawSide();
            this.focusPath([...target, 'quote']);
          }
        : undefined,
      close: () => {
        const back = this.citing;
        this.citing = undefined;
        this.side = 'problems';
        this.drawSide();
        if (back) this.focusPath([...back, 'quote']);
      },
    });
  }

  // ---- Editing ------------------------------------------------------------------------------

  private context(): FormContext {
    const redrawAfter = (change: (text: string) => string) => this.apply(change, { redraw: true });
    return {
      value: this.value,
      set: (path, value, redraw = false) => {
        const focused = document.activeElement?.id;
        const typed = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
        this.apply((text) => (typed ? setScalar(text, path, value) : setIn(text, path, value)), {
          redraw,
          field: pathKey(path),
          known: typed ? { path, value } : undefined,
        });
        // A redrawn form keeps the focus where it was, or on the part that was changed.
        if (redraw) {
          const again = focused ? document.getElementById(focused) : null;
          if (again) again.focus();
          else this.focusPath(path, false);
        }
      },
      insert: (path, index, value) => {
        redrawAfter((text) => insertIn(text, path, index, value));
        this.focusPath([...path, index]);
      },
      remove: (path, index) => {
        redrawAfter((text) => removeAt(text, path, index));
        const left = (valueAt(this.value, path) as unknown[] | undefined)?.length ?? 0;
        this.focusPath(left > 0 ? [...path, Math.min(index, left - 1)] : path);
        this.say('Removed. Undo brings it back.');
      },
      move: (path, from, to) => {
        redrawAfter((text) => moveItem(text, path, from, to));
        this.focusPath([...path, to]);
        this.say(`Moved to place ${to + 1}.`);
      },
      duplicate: (path, index) => {
        const item = valueAt(this.value, [...path, index]);
        const siblings = ((valueAt(this.value, path) as unknown[]) ?? [])
          .filter(isRecord)
          .map((x) => String(x.id ?? ''));
        const changes: Record<string, Json> =
          isRecord(item) && typeof item.id === 'string' ? { id: uniqueId(`${item.id}-copy`, siblings) } : {};
        redrawAfter((text) => duplicateItem(text, path, index, changes));
        this.focusPath([...path, index + 1]);
        this.say('Duplicated.');
      },
      rename: (rename) =>
        // After the focus has moved on (Tab, a click), so the redrawn form gives it back where it went.
        setTimeout(() => {
          const edits = renameEdits(this.value, rename);
          if (edits.length === 0) return;
          const focused = document.activeElement?.id;
          this.apply((text) => edits.reduce((out, e) => setIn(out, e.path, e.value), text), { redraw: true });
          if (focused) document.getElementById(focused)?.focus();
          const places = `${edits.length} ${edits.length === 1 ? 'place' : 'places'}`;
          this.say(`Renamed “${rename.from}” to “${rename.to}” in ${places} that referred to it.`);
        }),
      live: (update) => this.updaters.push(update),
      cite: (path) => {
        this.citing = path;
        this.side = 'source';
        this.drawSide();
        document.getElementById('ed-source-reader')?.focus();
      },
      sourceText: (sourceId) => {
        const sources = (valueAt(this.value, ['sources']) as unknown[] | undefined) ?? [];
        const source = sources.filter(isRecord).find((s) => s.id === sourceId);
        return source ? this.draft!.sources[String(source.file ?? '')] : undefined;
      },
      sourceFile: (file) => this.draft!.sources[file],
      setSourceFile: (file, text, renamedFrom) => {
        const sources = this.draft!.sources;
        if (renamedFrom !== undefined) delete sources[renamedFrom];
        if (text === undefined) delete sources[file];
        else sources[file] = text;
        this.afterChange();
      },
    };
  }

  /** Applies an edit to the text; records it for undo, keeps it, checks it. */
  private apply(
    change: (text: string) => string,
    options: { redraw?: boolean; field?: string; known?: { path: Path; value: Json } } = {},
  ): void {
    const draft = this.draft!;
    let text: string;
    try {
      text = change(draft.text);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      this.say(`That change could not be made here: ${error.message}. Edit this part in the file.`, true);
      return;
    }
    if (text === draft.text) return;
    this.history = record(this.history!, text, options.field, Date.now());
    // A typed value at a place that exists: the new value is known without reading the file again.
    const known = options.known;
    const parent = known ? valueAt(this.value, known.path.slice(0, -1)) : undefined;
    const value =
      known && parent !== null && typeof parent === 'object'
        ? withValue(this.value, known.path, known.value)
        : undefined;
    this.setText(text, options.redraw ?? false, value);
  }

  private setText(text: string, redraw: boolean, value?: unknown): void {
    this.draft!.text = text;
    this.value = value ?? readValue(text);
    if (redraw) this.drawForm();
    else for (const update of this.updaters) update();
    this.drawNav();
    this.afterChange();
  }

  private afterChange(): void {
    this.writer.keep({ ...this.draft!, sources: { ...this.draft!.sources } });
    this.drawKept();
    const history = this.history!;
    (this.toolbar.querySelector('#ed-undo') as HTMLButtonElement | null)?.toggleAttribute(
      'disabled',
      history.past.length === 0,
    );
    (this.toolbar.querySelector('#ed-redo') as HTMLButtonElement | null)?.toggleAttribute(
      'disabled',
      history.future.length === 0,
    );
    this.check(CHECK_DELAY);
  }

  private undoRedo(which: 'undo' | 'redo'): void {
    const before = this.history!;
    const after = which === 'undo' ? undo(before) : redo(before);
    if (after === before) return this.say(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
    this.history = after;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.path;
    this.setText(after.present, true);
    if (focused)
      this.focusPath(
        focused.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
        false,
      );
    this.say(which === 'undo' ? 'Undone.' : 'Redone.');
  }

  private addPoint(key: 'decisions' | 'endings'): void {
    const ctx = this.context();
    const count = (valueAt(this.value, [key]) as unknown[] | undefined)?.length ?? 0;
    const id = uniqueId(key === 'decisions' ? 'decision' : 'ending', pointIds(this.value));
    const actor = (valueAt(this.value, ['actors', 0, 'id']) as string | undefined) ?? '';
    const fresh: Json =
      key === 'decisions'
        ? {
            id,
            actor,
            title: 'A new decision point',
            situation: 'What the decision-maker faces, in neutral words.',
            citations: [freshCitation(ctx)],
            options: [],
          }
        : {
            id,
            title: 'A new ending',
            text: 'What the world looks like at this ending.',
            evidence: 'hypothetical',
            citations: [freshCitation(ctx)],
            questions: ['A question for the class.'],
          };
    this.apply((text) => {
      let out = insertIn(text, [key], count, fresh);
      if (key === 'decisions') {
        const value = readValue(out);
        const holder = { ...ctx, value } as FormContext;
        out = insertIn(out, [key, count, 'options'], 0, freshOption(holder, count));
        const second = freshOption({ ...holder, value: readValue(out) } as FormContext, count);
        out = insertIn(out, [key, count, 'options'], 1, second);
      }
      return out;
    });
    this.show({ kind: key === 'decisions' ? 'decision' : 'ending', index: count });
    this.say(
      `Added ${key === 'decisions' ? 'a decision point' : 'an ending'} “${id}”. Lead an option to it under “Leads to”.`,
    );
  }

  private movePoint(key: 'decisions' | 'endings', from: number, to: number): void {
    this.apply((text) => moveItem(text, [key], from, to));
    this.show({ kind: key === 'decisions' ? 'decision' : 'ending', index: to });
  }

  // ---- Moving around ------------------------------------------------------------------------

  private show(section: Section): void {
    this.section = section;
    this.drawNav();
    this.drawForm();
    this.formArea.scrollTop = 0;
    document.getElementById('ed-form-title')?.focus();
  }

  /** A problem's place: its part of the scenario, and the field itself (or the nearest one there is). */
  private goTo(path: string): void {
    this.section = sectionOf(path);
    this.drawNav();
    this.drawForm();
    const keys = path === '' ? [] : path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    this.focusPath(keys);
  }

  private focusPath(path: Path, scroll = true): void {
    for (let depth = path.length; depth >= 0; depth--) {
      const key = pathKey(path.slice(0, depth));
      const element =
        document.getElementById(fieldId(path.slice(0, depth))) ??
        this.formArea.querySelector<HTMLElement>(`[data-path="${CSS.escape(key)}"]`);
      if (!element) continue;
      const target = element.matches('input, select, textarea, button')
        ? element
        : element.querySelector<HTMLElement>('input, select, textarea, button:not([disabled])');
      if (!target) continue;
      target.focus();
      if (scroll) target.scrollIntoView({ block: 'center' });
      return;
    }
    document.getElementById('ed-form-title')?.focus();
  }

  private onKey(event: KeyboardEvent): void {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      this.undoRedo('undo');
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      this.undoRedo('redo');
    } else if (key === 's') {
      event.preventDefault();
      if (canSaveToFolder()) void this.saveFolder();
      else this.saveZip();
    }
  }

  // ---- Checking, saving ---------------------------------------------------------------------

  private check(delay: number): void {
    clearTimeout(this.checkTimer);
    // Marked, not said: screen readers hear the verdict when it changes, not every "checking".
    this.checkStatus.dataset.checking = 'true';
    this.checkTimer = setTimeout(() => void this.runCheck(), delay);
  }

  private async runCheck(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const run = ++this.checking;
    const outcome = await checkOffThread(draftFiles(draft));
    if (run !== this.checking) return;
    delete this.checkStatus.dataset.checking;
    if (outcome.kind !== 'checked') {
      this.diagnostics = [];
      this.checkStatus.textContent = outcome.kind === 'refused' ? outcome.message : 'Checked.';
      return;
    }
    this.diagnostics = outcome.result.diagnostics;
    const bundle = outcome.result.bundle;
    const hadBundle = this.bundle !== undefined;
    if (bundle) {
      this.bundle = bundle;
      this.preview.update(bundle);
    }
    this.preview.stale(!bundle);
    const verdict = bundle
      ? `Checked: ${problemCount(this.diagnostics)}. It plays: see Preview.`
      : `Checked: ${problemCount(this.diagnostics)}. Fix the errors to play it.`;
    if (this.checkStatus.textContent !== verdict) this.checkStatus.textContent = verdict;
    this.checkStatus.className = `ed-check-status ${bundle ? 'ok' : 'has-errors'}`;
    if (this.side !== 'source') this.drawSide();
    else this.refreshTabs();
    if (hadBundle !== Boolean(bundle) || bundle) this.drawToolbarKeepingFocus();
  }

  private refreshTabs(): void {
    const errors = this.diagnostics.filter((d) => d.severity === 'error').length;
    const tab = this.sideArea.querySelector('#ed-tab-problems');
    if (tab) tab.textContent = `Problems (${this.diagnostics.length}${errors ? `, ${errors} errors` : ''})`;
  }

  private drawToolbarKeepingFocus(): void {
    if (this.toolbar.contains(document.activeElement)) return;
    this.drawToolbar();
  }

  private async saveFolder(): Promise<void> {
    const draft = this.draft!;
    try {
      this.folder = await saveToFolder(draft, this.folder);
      this.saved(
        `Saved into the folder “${this.folder.name}”: ${draft.fileName} and ${Object.keys(draft.sources).length} source files.`,
      );
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.folder = undefined;
      this.say(
        'The folder could not be written (the browser refused). Your work is safe here; use “Download as a zip”.',
        true,
      );
    }
  }

  private saveZip(): void {
    const name = downloadZip(this.draft!);
    this.saved(`Downloaded ${name}: the scenario folder, ready to unzip, open again or share.`);
  }

  private saved(message: string): void {
    this.draft!.savedText = this.draft!.text;
    this.writer.keep({ ...this.draft!, sources: { ...this.draft!.sources } });
    this.drawKept();
    this.say(message);
  }

  private startNew(): void {
    const draft = this.draft;
    if (draft && draft.text !== draft.savedText) {
      const ok = window.confirm(
        `Start a new scenario? Your unsaved changes to “${draft.folder}” will be replaced. Cancel, then “Download as a zip”, to keep them.`,
      );
      if (!ok) return;
    }
    this.folder = undefined;
    this.start(newDraft(), 'A new scenario. Change it part by part: the checker follows every change.');
  }

  private fileInput(attributes: Record<string, string | boolean>): HTMLInputElement {
    const input = h('input', { type: 'file', hidden: true, ...attributes });
    input.addEventListener('change', () => {
      const files = input.files;
      if (files && files.length > 0) void this.openFiles(files);
      input.value = '';
    });
    return input;
  }

  /** Opens a scenario's folder, files or zip into the editor (checked first, as "Open a scenario" does). */
  private async openFiles(list: FileList): Promise<void> {
    this.say('Reading and checking…');
    const read = await readPicked(list);
    if (!read.ok) return this.refuse(read.message);
    const outcome = await checkOffThread(read.files);
    if (outcome.kind === 'refused') return this.refuse(outcome.message);
    if (outcome.kind === 'choose')
      return this.refuse(
        `${outcome.candidates.length} scenarios were opened at once (${outcome.candidates.join(', ')}): open just one scenario’s folder.`,
      );
    if (outcome.text === undefined)
      return this.refuse(`${outcome.file} is not UTF-8 text, so it cannot be edited here.`);
    this.edit(draftFromFiles(outcome.files, outcome.file, outcome.text));
  }

  private refuse(message: string): void {
    if (!this.draft) {
      this.notice = message;
      this.drawStart();
    }
    this.say(message, true);
  }

  private say(message: string, alert = false): void {
    this.announcer.textContent = '';
    this.announcer.setAttribute('role', alert ? 'alert' : 'status');
    // A new text node each time, so the same message twice is still announced.
    requestAnimationFrame(() => (this.announcer.textContent = message));
    const visible = this.root.querySelector('.ed-notice');
    if (visible) visible.textContent = message;
  }
}
