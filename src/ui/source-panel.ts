/**
 * The full text of a source with the cited passage highlighted and scrolled into view: where a
 * student checks a claim against the words. A modal dialog: Escape closes it, focus returns.
 */
import type { CitationView, ScenarioIndex } from '../engine/view.ts';
import { h, replaceChildren } from './dom.ts';
import { evidenceBadge } from './evidence.ts';

export class SourcePanel {
  private opener: HTMLElement | undefined;

  constructor(
    private readonly dialog: HTMLDialogElement,
    /** Told of each source opened (the single-file player reports it). */
    private readonly onOpen?: (source: { id: string; title: string }, citation?: CitationView) => void,
  ) {
    dialog.addEventListener('close', () => this.opener?.focus());
    // A click on the backdrop (outside the panel's box) closes it, as people expect of overlays.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  /** Shows a whole source, or the source of a citation with its passage marked. */
  open(index: ScenarioIndex, sourceId: string, opener: HTMLElement, citation?: CitationView): void {
    const source = index.scenario.sources.find((s) => s.id === sourceId);
    const text = index.bundle.sources[sourceId];
    if (!source || text === undefined) return;
    this.opener = opener;
    const match = citation?.match;
    const mark = match ? h('mark', { id: 'cited-passage' }, text.slice(match.start, match.end)) : null;
    const details = [source.publisher, source.date].filter(Boolean).join(' · ');
    replaceChildren(
      this.dialog,
      h(
        'div',
        { class: 'source-panel-inner' },
        h(
          'header',
          { class: 'source-panel-header' },
          h('h2', { id: 'source-panel-title' }, source.title),
          details ? h('p', { class: 'source-meta' }, details) : null,
          source.notes
            ? h('details', { class: 'source-meta' }, h('summary', {}, 'About this source'), h('p', {}, source.notes))
            : null,
          citation
            ? h(
                'p',
                { class: 'source-cited' },
                match ? 'The cited passage is highlighted. ' : 'The cited passage could not be located. ',
                citation.evidence ? evidenceBadge(citation.evidence) : null,
              )
            : null,
          h(
            'button',
            { type: 'button', class: 'close-button', onclick: () => this.dialog.close() },
            'Close',
            h('span', { class: 'visually-hidden' }, ' source'),
          ),
        ),
        h(
          'div',
          { class: 'source-text', tabindex: '0', 'aria-label': `Text of ${source.title}` },
          match ? [text.slice(0, match.start), mark, text.slice(match.end)] : text,
        ),
      ),
    );
    this.dialog.showModal();
    this.onOpen?.({ id: source.id, title: source.title }, citation);
    if (mark) {
      mark.scrollIntoView({ block: 'center' });
      mark.setAttribute('tabindex', '-1');
      mark.focus();
    } else {
      this.dialog.querySelector<HTMLElement>('.close-button')?.focus();
    }
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }
}
