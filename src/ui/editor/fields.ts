/**
 * The editor's controls: every field is a real <label>led input, select or textarea that names its
 * place in the file (data-path), so a problem can take the author to it; every list has buttons to
 * add, duplicate, move and remove items, each named for a screen reader ("Move option 2 up").
 */
import type { Json, Path } from '../../authoring/editor/yaml-edit.ts';
import { valueAt } from '../../authoring/editor/yaml-edit.ts';
import type { Rename, RenameKind } from '../../authoring/editor/rename.ts';
import { h } from '../dom.ts';

/** What the forms may ask of the editor. */
export interface FormContext {
  /** The whole file as plain data, as it is now. */
  readonly value: unknown;
  /** Sets (or, with undefined, removes) a value; `redraw` when the form's shape changes with it. */
  set(path: Path, value: Json | undefined, redraw?: boolean): void;
  insert(path: Path, index: number, value: Json): void;
  remove(path: Path, index: number): void;
  move(path: Path, from: number, to: number): void;
  duplicate(path: Path, index: number): void;
  /** Runs `update` after every edit while this form is shown (live summaries, quote checks). */
  live(update: () => void): void;
  /** Opens the source beside the form to cite by selecting, for the citation at `path`. */
  cite(path: Path): void;
  /** The text of a source by the source's id, when the editor has it. */
  sourceText(sourceId: string): string | undefined;
  /** Replaces the text of the source file at `file` (a path in the folder). */
  setSourceFile(file: string, text: string | undefined, renamedFrom?: string): void;
  sourceFile(file: string): string | undefined;
  /** Renames what refers to an id that was just changed. */
  rename(rename: Rename): void;
}

export const pathKey = (path: Path): string => path.join('.');
export const fieldId = (path: Path): string => `ed-${path.join('-').replace(/[^A-Za-z0-9_-]/g, '_')}`;

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

interface TextOptions {
  /** A textarea. */
  long?: boolean;
  /** Optional fields are removed from the file when emptied. */
  optional?: boolean;
  hint?: string;
}

/** A text field. */
export function textField(ctx: FormContext, path: Path, label: string, options: TextOptions = {}): HTMLElement {
  const id = fieldId(path);
  const value = str(valueAt(ctx.value, path));
  const hintId = options.hint ? `${id}-hint` : undefined;
  const attributes = {
    id,
    'data-path': pathKey(path),
    'aria-describedby': hintId,
    oninput: (event: Event) => {
      const input = event.target as HTMLInputElement | HTMLTextAreaElement;
      ctx.set(path, input.value === '' && options.optional ? undefined : input.value);
    },
  };
  const control = options.long
    ? h('textarea', { ...attributes, rows: Math.min(8, Math.max(2, Math.ceil(value.length / 60))) })
    : h('input', { ...attributes, type: 'text', autocomplete: 'off' });
  control.value = value;
  return h(
    'div',
    { class: 'ed-field' },
    h('label', { for: id }, label, options.optional ? h('span', { class: 'ed-optional' }, ' (optional)') : null),
    options.hint ? h('p', { class: 'ed-hint', id: hintId }, options.hint) : null,
    control,
  );
}

/** An id: when a new one is committed (Enter, or leaving the field), what referred to the old one follows. */
export function idField(ctx: FormContext, path: Path, kind: RenameKind, decision?: string): HTMLElement {
  const field = textField(ctx, path, 'Id', {
    hint: 'Lowercase letters, digits and dashes. Renaming it renames what refers to it.',
  });
  const input = field.querySelector('input')!;
  let before = input.value;
  input.addEventListener('change', () => {
    if (input.value !== before && before !== '') ctx.rename({ kind, from: before, to: input.value, decision });
    before = input.value;
  });
  return field;
}

/** A number field; `integer` refuses fractions in the browser's own way. */
export function numberField(
  ctx: FormContext,
  path: Path,
  label: string,
  options: { optional?: boolean; integer?: boolean } = {},
): HTMLElement {
  const id = fieldId(path);
  const input = h('input', {
    id,
    type: 'number',
    step: options.integer ? '1' : 'any',
    'data-path': pathKey(path),
    oninput: () => {
      if (input.value === '') {
        if (options.optional) ctx.set(path, undefined);
        return;
      }
      const number = Number(input.value);
      if (Number.isFinite(number)) ctx.set(path, number);
    },
  });
  input.value = str(valueAt(ctx.value, path));
  return h(
    'div',
    { class: 'ed-field ed-number' },
    h('label', { for: id }, label, options.optional ? h('span', { class: 'ed-optional' }, ' (optional)') : null),
    input,
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A select; an optional one has "(none)" first; a value the list lacks is kept and shown as such. */
export function selectField(
  ctx: FormContext,
  path: Path,
  label: string,
  choices: Choice[],
  options: { optional?: boolean; redraw?: boolean; hint?: string } = {},
): HTMLElement {
  const id = fieldId(path);
  const current = str(valueAt(ctx.value, path));
  const all = [...choices];
  if (current !== '' && !all.some((c) => c.value === current))
    all.unshift({ value: current, label: `${current} (not in the list)` });
  const select = h(
    'select',
    {
      id,
      'data-path': pathKey(path),
      onchange: () => ctx.set(path, select.value === '' ? undefined : select.value, options.redraw),
    },
    options.optional || current === '' ? h('option', { value: '' }, options.optional ? '(none)' : 'Choose…') : null,
    all.map((c) => h('option', { value: c.value }, c.label)),
  );
  select.value = current;
  return h(
    'div',
    { class: 'ed-field' },
    h('label', { for: id }, label, options.optional ? h('span', { class: 'ed-optional' }, ' (optional)') : null),
    options.hint ? h('p', { class: 'ed-hint' }, options.hint) : null,
    select,
  );
}

/** A checkbox for a true/false field that is left out of the file when false. */
export function checkField(ctx: FormContext, path: Path, label: string, hint?: string): HTMLElement {
  const id = fieldId(path);
  const box = h('input', {
    id,
    type: 'checkbox',
    'data-path': pathKey(path),
    onchange: () => ctx.set(path, box.checked ? true : undefined, true),
  });
  box.checked = valueAt(ctx.value, path) === true;
  return h(
    'div',
    { class: 'ed-field ed-check' },
    box,
    h('label', { for: id }, label),
    hint ? h('p', { class: 'ed-hint' }, hint) : null,
  );
}

export interface ListOptions {
  /** What one item is called: "option", "citation". */
  noun: string;
  /** Names an item for its legend: "Option 2: Take pupils to the park". */
  title: (item: unknown, index: number) => string;
  body: (itemPath: Path, index: number) => Array<HTMLElement | null>;
  /** A new item, or undefined when none can be added (the button is left out). */
  fresh?: () => Json;
  /** Adds and duplicates go before this many items from the end (a fallback variant stays last). */
  keepLast?: boolean;
  /** Items below this count cannot be removed (the checker would refuse the file). */
  min?: number;
  duplicate?: boolean;
}

/** A list of items, each in its own fieldset with move, duplicate and remove buttons, and an Add button. */
export function itemList(ctx: FormContext, path: Path, heading: string, options: ListOptions): HTMLElement {
  const raw = valueAt(ctx.value, path);
  const items = Array.isArray(raw) ? raw : [];
  const { noun } = options;
  const add = options.fresh
    ? h(
        'button',
        {
          type: 'button',
          class: 'ed-add',
          'data-path': `${pathKey(path)}.add`,
          onclick: () => {
            const at = options.keepLast && items.length > 0 ? items.length - 1 : items.length;
            ctx.insert(path, at, options.fresh!());
          },
        },
        `Add ${article(noun)} ${noun}${options.keepLast && items.length > 0 ? ' before the last' : ''}`,
      )
    : null;
  return h(
    'section',
    { class: 'ed-list', 'data-path': pathKey(path), 'aria-label': heading },
    h('h4', { class: 'ed-list-title' }, heading),
    items.length === 0 ? h('p', { class: 'ed-hint' }, `No ${noun}s yet.`) : null,
    items.map((item, index) => {
      const itemPath = [...path, index];
      const title = options.title(item, index);
      const number = `${noun} ${index + 1}`;
      const button = (label: string, aria: string, onclick: () => void, disabled = false) =>
        h('button', { type: 'button', class: 'ed-item-button', 'aria-label': aria, disabled, onclick }, label);
      return h(
        'fieldset',
        { class: 'ed-item', 'data-path': pathKey(itemPath) },
        h('legend', {}, title),
        h(
          'div',
          { class: 'ed-item-tools' },
          button('↑', `Move ${number} up`, () => ctx.move(path, index, index - 1), index === 0),
          button('↓', `Move ${number} down`, () => ctx.move(path, index, index + 1), index === items.length - 1),
          options.duplicate !== false
            ? button('Duplicate', `Duplicate ${number}`, () => ctx.duplicate(path, index))
            : null,
          button('Remove', `Remove ${number}`, () => ctx.remove(path, index), items.length <= (options.min ?? 0)),
        ),
        options.body(itemPath, index),
      );
    }),
    add,
  );
}

/** A list of short texts (authors, questions): one field each, with the same buttons. */
export function stringList(
  ctx: FormContext,
  path: Path,
  heading: string,
  noun: string,
  options: { long?: boolean; min?: number } = {},
): HTMLElement {
  return itemList(ctx, path, heading, {
    noun,
    title: (_, index) => `${capitalize(noun)} ${index + 1}`,
    body: (itemPath, index) => [textField(ctx, itemPath, `${capitalize(noun)} ${index + 1}`, { long: options.long })],
    fresh: () => '',
    min: options.min,
    duplicate: false,
  });
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
