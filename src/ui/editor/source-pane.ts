/**
 * Cite by selecting: the source beside the form, in a read-only text box. Select words with the
 * mouse, or with the keyboard (arrow keys move, Shift+arrows select, as in any text box), then
 * press Enter or "Use the selection": the exact characters become the citation's quote, so it
 * always verifies. The current quote is selected when the source opens, to show where it sits.
 */
import { locateQuote, quoteFromSelection } from '../../authoring/editor/cite.ts';
import { h } from '../dom.ts';

export interface SourceEntry {
  id: string;
  title: string;
  text: string | undefined;
}

export interface SourcePaneOptions {
  sources: SourceEntry[];
  /** The source shown first. */
  sourceId: string | undefined;
  /** The citation being edited, in words ("Citation 1 of option “Take pupils to the park”"), if any. */
  target: string | undefined;
  /** Its quote now, to select it in the source. */
  quote: string | undefined;
  use: ((quote: string, sourceId: string) => void) | undefined;
  close: () => void;
}

const MAX_SHOWN = 90;

export function sourcePane(options: SourcePaneOptions): HTMLElement {
  let sourceId = options.sourceId ?? options.sources[0]?.id;
  const reader = h('textarea', {
    id: 'ed-source-reader',
    class: 'ed-source-reader',
    // Not the readonly attribute: Chromium then moves no caret for the keyboard, so Shift+arrows
    // could not select. Changes are refused below instead, and screen readers hear "read only".
    'aria-readonly': 'true',
    spellcheck: 'false',
    'aria-describedby': 'ed-source-how',
  });
  const selected = h('p', { class: 'ed-selected', id: 'ed-selected' }, '');
  const use = h(
    'button',
    { type: 'button', class: 'primary-button', id: 'ed-use-selection', disabled: true },
    'Use the selection as the quote',
  );
  const select = h(
    'select',
    { id: 'ed-source-choice' },
    options.sources.map((s) => h('option', { value: s.id }, s.title ? `${s.title} (${s.id})` : s.id)),
  );
  const current = () => options.sources.find((s) => s.id === sourceId);
  const show = () => {
    const source = current();
    reader.value = source?.text ?? '';
    reader.placeholder =
      source?.text === undefined ? 'The text of this source is not here: paste it under Sources.' : '';
    const found = source?.text !== undefined && options.quote ? locateQuote(source.text, options.quote) : undefined;
    if (found) {
      // Show where the quote sits: selected, scrolled into view.
      reader.setSelectionRange(found.start, found.end);
      requestAnimationFrame(() => scrollToSelection(reader));
    } else reader.setSelectionRange(0, 0);
    refresh();
  };
  const selection = () => {
    const text = current()?.text;
    return text === undefined ? undefined : quoteFromSelection(text, reader.selectionStart, reader.selectionEnd);
  };
  const refresh = () => {
    const quote = selection();
    use.disabled = quote === undefined || options.use === undefined;
    selected.textContent = quote
      ? `Selected: “${quote.length > MAX_SHOWN ? `${quote.slice(0, MAX_SHOWN - 1)}…` : quote}” (${quote.split(' ').length} words)`
      : 'Nothing selected yet.';
  };
  const take = () => {
    const quote = selection();
    if (quote && sourceId && options.use) options.use(quote, sourceId);
  };
  select.value = sourceId ?? '';
  select.addEventListener('change', () => {
    sourceId = select.value;
    show();
  });
  reader.addEventListener('beforeinput', (event) => event.preventDefault());
  // Input that cannot be refused (an input method's composition): the source's text comes back.
  reader.addEventListener('input', () => {
    const text = current()?.text ?? '';
    if (reader.value !== text) reader.value = text;
  });
  reader.addEventListener('select', refresh);
  reader.addEventListener('keyup', refresh);
  reader.addEventListener('mouseup', refresh);
  reader.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      take();
    }
  });
  use.addEventListener('click', take);
  const pane = h(
    'section',
    { class: 'ed-source-pane', 'aria-labelledby': 'ed-source-title' },
    h('h3', { id: 'ed-source-title' }, options.target ? `Cite by selecting: ${options.target}` : 'Sources'),
    h(
      'p',
      { class: 'ed-hint', id: 'ed-source-how' },
      options.use
        ? 'Select the words in the text below, with the mouse or with Shift and the arrow keys, then press Enter or “Use the selection”.'
        : 'Choose “Cite by selecting in the source…” on a citation to take its quote from here.',
    ),
    h('div', { class: 'ed-field' }, h('label', { for: 'ed-source-choice' }, 'Source'), select),
    h(
      'div',
      { class: 'ed-actions' },
      options.use ? use : null,
      h('button', { type: 'button', onclick: options.close }, options.use ? 'Back to the form' : 'Close'),
    ),
    h('div', { 'aria-live': 'polite' }, selected),
    h('label', { for: 'ed-source-reader', class: 'visually-hidden' }, 'Text of the source'),
    reader,
  );
  show();
  return pane;
}

/** Scrolls a textarea so its selection is in view (browsers do it only on focus, and not always). */
function scrollToSelection(area: HTMLTextAreaElement): void {
  const before = area.value.slice(0, area.selectionStart);
  const lines = before.split('\n').length;
  const style = getComputedStyle(area);
  const lineHeight = parseFloat(style.lineHeight) || 20;
  // A rough count of wrapped lines: characters per row from the box's width.
  const perRow = Math.max(20, Math.floor(area.clientWidth / (parseFloat(style.fontSize) * 0.5)));
  const rows = before.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perRow)), 0);
  area.scrollTop = Math.max(0, (Math.max(rows, lines) - 3) * lineHeight);
}
