/**
 * The stage in words, beside the canvas: a short "On the map" text made from the same picture
 * the stage draws (read out politely when it changes, that is after a choice), the countries the
 * map names (in the page, never read out: they change with every pan and zoom, which would talk
 * over the student exploring the map), a legend a student can open, buttons that
 * zoom and reset the map, and a list of the places and actors on it: picking one (here, or on the
 * stage itself) says what the scenario says about it. The canvas itself is hidden from assistive
 * technology, so this is how its content reaches everyone.
 */
import type { StageFrame } from '../engine/stage.ts';
import type { Scenario } from '../scenario/schema.ts';
import { describePicture, describeTarget, legendEntries, type PickedTarget } from '../engine/stage-words.ts';
import { evidenceName } from './evidence.ts';

/** What the notes may ask of the stage. */
export interface StageControls {
  zoom(factor: number): void;
  resetView(): void;
  select(target: PickedTarget | undefined): void;
}

/** The id of the paragraph that tells how to move the map (the stage element points at it). */
export const STAGE_HELP_ID = 'stage-help';

export class StageNotes {
  private readonly said: HTMLParagraphElement;
  private readonly words: HTMLSpanElement;
  /** On a phone the words are clamped to two lines: this shows them all (only when they do not fit). */
  private readonly more: HTMLButtonElement;
  private readonly countryLine: HTMLParagraphElement;
  private readonly legend: HTMLDListElement;
  private readonly view: HTMLDivElement;
  private readonly things: HTMLUListElement;
  private readonly picked: HTMLElement;
  private scenarioFor: string | undefined;
  private scenario: Scenario | undefined;
  private frame: StageFrame | undefined;
  private target: PickedTarget | undefined;
  private controls: StageControls | undefined;

  constructor(private readonly element: HTMLElement) {
    element.replaceChildren();
    this.said = el('p', 'stage-said');
    this.said.setAttribute('aria-live', 'polite');
    const lead = el('strong');
    lead.textContent = 'On the map: ';
    this.words = el('span');
    this.said.append(lead, this.words);
    this.said.id = 'stage-said';
    this.more = el('button', 'stage-said-more');
    this.more.type = 'button';
    this.more.setAttribute('aria-controls', this.said.id);
    this.more.addEventListener('click', () => this.unfold(!this.said.classList.contains('open')));
    this.unfold(false);
    // Whether the words fit depends on the width too (a phone turned, a window resized).
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this.fitMore()).observe(this.said);
    // The countries the map names, as the map names them now (set by the stage as its view
    // changes): outside the live region, and never clamped on a phone (see styles.css).
    this.countryLine = el('p', 'stage-countries');
    this.countryLine.hidden = true;

    const details = el('details', 'stage-legend');
    const summary = el('summary');
    summary.textContent = 'Map legend';
    this.legend = el('dl');
    details.append(summary, this.legend);

    this.view = el('div', 'stage-view');
    this.view.setAttribute('role', 'group');
    this.view.setAttribute('aria-label', 'Map view');
    const button = (label: string, text: string, act: () => void) => {
      const b = el('button', 'stage-view-button');
      b.type = 'button';
      b.textContent = text;
      b.setAttribute('aria-label', label);
      b.addEventListener('click', act);
      return b;
    };
    const help = el('p', 'stage-help');
    help.id = STAGE_HELP_ID;
    help.textContent =
      'Drag the map to move it, use the wheel or pinch to zoom. On the focused map: arrow keys move it, + and − zoom, 0 shows it whole.';
    this.view.append(
      button('Zoom in', '+', () => this.controls?.zoom(1.25)),
      button('Zoom out', '−', () => this.controls?.zoom(0.8)),
      button('Show the whole map', 'Reset view', () => this.controls?.resetView()),
      help,
    );

    const thingsBox = el('details', 'stage-things');
    const thingsSummary = el('summary');
    thingsSummary.textContent = 'Places and actors';
    this.things = el('ul');
    thingsBox.append(thingsSummary, this.things);

    this.picked = el('section', 'stage-picked');
    this.picked.setAttribute('aria-live', 'polite');
    this.picked.setAttribute('aria-label', 'Picked on the map');
    this.picked.hidden = true;
    element.append(this.said, this.more, this.countryLine, details, this.view, thingsBox, this.picked);
  }

  /** Connects the buttons and the list to a mounted stage (undefined: none mounted). */
  connect(controls: StageControls | undefined): void {
    this.controls = controls;
  }

  /** Says what the map shows for `frame`; only a change of words is announced. */
  show(scenario: Scenario, frame: StageFrame): void {
    this.scenario = scenario;
    this.frame = frame;
    if (this.scenarioFor !== scenario.id) {
      this.scenarioFor = scenario.id;
      this.target = undefined;
      this.legend.replaceChildren(
        ...legendEntries(scenario.map).flatMap(({ mark, meaning }) => {
          const dt = el('dt');
          dt.textContent = mark;
          const dd = el('dd');
          dd.textContent = meaning;
          return [dt, dd];
        }),
      );
      this.things.replaceChildren(
        ...(scenario.map?.places ?? []).map((p) => this.thing({ kind: 'place', id: p.id }, p.name)),
        ...scenario.actors.map((a) => this.thing({ kind: 'actor', id: a.id }, a.name)),
      );
      this.view.hidden = !scenario.map;
    }
    const text = describePicture(frame, scenario.map, scenario.actors).join(' ');
    if (this.words.textContent !== text) {
      this.words.textContent = text;
      this.unfold(false);
    }
    this.describePicked();
    this.element.hidden = false;
  }

  /** Shows the words whole, or clamped again (new words start clamped). */
  private unfold(open: boolean): void {
    this.said.classList.toggle('open', open);
    this.more.setAttribute('aria-expanded', String(open));
    this.more.textContent = open ? 'Less' : 'More';
    // Measured in the next frame, whose layout is done anyway, not forced now (this runs on a choice).
    if (typeof requestAnimationFrame !== 'undefined') requestAnimationFrame(() => this.fitMore());
  }

  /** The button shows only when the clamp hides something, or to fold the words again. */
  private fitMore(): void {
    const open = this.said.classList.contains('open');
    this.more.hidden = !open && this.said.scrollHeight <= this.said.clientHeight + 1;
  }

  /** Says which countries the map names (none: says nothing), quietly: see the class's comment. */
  countries(names: readonly string[]): void {
    const text = names.length > 0 ? `Countries on the map: ${names.join(', ')}.` : '';
    if (this.countryLine.textContent !== text) this.countryLine.textContent = text;
    this.countryLine.hidden = names.length === 0;
  }

  /** Shows what the scenario says about a place or actor picked on the stage (undefined: nothing picked). */
  pick(target: PickedTarget | undefined): void {
    this.target = target;
    this.describePicked();
    // In the wide screens' notes band (which scrolls) the words may start below its fold.
    if (target && !this.picked.hidden) this.picked.scrollIntoView?.({ block: 'nearest' });
  }

  hide(): void {
    this.element.hidden = true;
  }

  private thing(target: PickedTarget, name: string): HTMLLIElement {
    const li = el('li');
    const b = el('button', 'stage-thing');
    b.type = 'button';
    b.textContent = name;
    b.dataset.kind = target.kind;
    b.dataset.id = target.id;
    b.setAttribute('aria-pressed', 'false');
    b.addEventListener('click', () => {
      const same = this.target?.kind === target.kind && this.target.id === target.id;
      const next = same ? undefined : target;
      this.controls?.select(next);
      this.pick(next);
    });
    li.append(b);
    return li;
  }

  private describePicked(): void {
    const target = this.target;
    for (const b of this.things.querySelectorAll<HTMLButtonElement>('button'))
      b.setAttribute('aria-pressed', String(b.dataset.kind === target?.kind && b.dataset.id === target?.id));
    const words = target && this.scenario && this.frame && describeTarget(target, this.scenario, this.frame);
    if (!words) {
      this.picked.hidden = true;
      this.picked.replaceChildren();
      return;
    }
    const heading = el('h3');
    heading.textContent = words.title;
    const parts: HTMLElement[] = [heading];
    for (const line of words.lines) {
      const p = el('p');
      p.textContent = line;
      parts.push(p);
    }
    if (words.quotes.length > 0) {
      const list = el('ul', 'stage-picked-quotes');
      for (const q of words.quotes) {
        const li = el('li');
        const quote = el('q');
        quote.textContent = q.quote;
        const from = el('span', 'stage-picked-source');
        from.textContent = ` (${q.source}${q.evidence ? `; ${evidenceName(q.evidence)}` : ''})`;
        li.append(quote, from);
        if (q.note) {
          const note = el('span', 'stage-picked-note');
          note.textContent = ` ${q.note}`;
          li.append(note);
        }
        list.append(li);
      }
      parts.push(list);
    }
    const close = el('button', 'stage-picked-close');
    close.type = 'button';
    close.textContent = 'Close';
    close.setAttribute('aria-label', `Close what the map says about ${words.title}`);
    close.addEventListener('click', () => {
      this.controls?.select(undefined);
      this.pick(undefined);
    });
    parts.push(close);
    this.picked.replaceChildren(...parts);
    this.picked.hidden = false;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  return element;
}
