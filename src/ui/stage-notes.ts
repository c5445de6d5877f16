/**
 * The stage in words, beside the canvas: a short "On the map" text made from the same picture
 * the stage draws (read out politely when it changes), and a legend a student can open. The
 * canvas itself is hidden from assistive technology, so this is how its content reaches everyone.
 */
import type { StageFrame } from '../engine/stage.ts';
import type { Scenario } from '../scenario/schema.ts';
import { describePicture, legendEntries } from '../engine/stage-words.ts';

export class StageNotes {
  private readonly said: HTMLParagraphElement;
  private readonly words: HTMLSpanElement;
  private readonly legend: HTMLDListElement;
  private legendFor: string | undefined;

  constructor(private readonly element: HTMLElement) {
    element.replaceChildren();
    this.said = document.createElement('p');
    this.said.className = 'stage-said';
    this.said.setAttribute('aria-live', 'polite');
    const lead = document.createElement('strong');
    lead.textContent = 'On the map: ';
    this.words = document.createElement('span');
    this.said.append(lead, this.words);
    const details = document.createElement('details');
    details.className = 'stage-legend';
    const summary = document.createElement('summary');
    summary.textContent = 'Map legend';
    this.legend = document.createElement('dl');
    details.append(summary, this.legend);
    element.append(this.said, details);
  }

  /** Says what the map shows for `frame`; only a change of words is announced. */
  show(scenario: Scenario, frame: StageFrame): void {
    if (this.legendFor !== scenario.id) {
      this.legendFor = scenario.id;
      this.legend.replaceChildren(
        ...legendEntries(scenario.map).flatMap(({ mark, meaning }) => {
          const dt = document.createElement('dt');
          dt.textContent = mark;
          const dd = document.createElement('dd');
          dd.textContent = meaning;
          return [dt, dd];
        }),
      );
    }
    const text = describePicture(frame, scenario.map, scenario.actors).join(' ');
    if (this.words.textContent !== text) this.words.textContent = text;
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
