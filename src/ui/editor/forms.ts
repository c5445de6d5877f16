/**
 * One form per part of a scenario: about it, sources, actors, meters, each decision point with its
 * options, each ending, the map, the teacher's material. The editor shows one at a time, chosen in
 * its outline.
 */
import { idsOf, pointIds, uniqueId } from '../../authoring/editor/choices.ts';
import type { Json, Path } from '../../authoring/editor/yaml-edit.ts';
import { valueAt } from '../../authoring/editor/yaml-edit.ts';
import { isRecord } from '../../lib/is-record.ts';
import { h } from '../dom.ts';
import {
  checkField,
  idField,
  itemList,
  numberField,
  selectField,
  stringList,
  textField,
  type FormContext,
} from './fields.ts';
import {
  citationList,
  conditionList,
  effectList,
  EVIDENCE_CHOICES,
  freshCitation,
  nextField,
  stageList,
  variantText,
} from './parts.ts';

/** A part of the scenario the outline can show: a fixed section, or one decision point or ending. */
export type Section =
  | { kind: 'about' | 'sources' | 'actors' | 'variables' | 'map' | 'teacher' }
  | { kind: 'decision' | 'ending'; index: number };

export const sectionKey = (section: Section): string =>
  'index' in section ? `${section.kind}-${section.index}` : section.kind;

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown, key: string): unknown[] =>
  isRecord(value) && Array.isArray(value[key]) ? (value[key] as unknown[]) : [];

/** The section a place in the file (a diagnostic's path, "decisions.1.options.0") belongs to. */
export function sectionOf(path: string): Section {
  const [top, index] = path.split('.');
  if (top === 'decisions' && index !== undefined && /^\d+$/.test(index))
    return { kind: 'decision', index: Number(index) };
  if (top === 'endings' && index !== undefined && /^\d+$/.test(index)) return { kind: 'ending', index: Number(index) };
  if (top === 'sources' || top === 'actors' || top === 'variables' || top === 'map' || top === 'teacher')
    return { kind: top };
  return { kind: 'about' };
}

export function sectionForm(ctx: FormContext, section: Section): HTMLElement {
  switch (section.kind) {
    case 'about':
      return about(ctx);
    case 'sources':
      return sources(ctx);
    case 'actors':
      return actors(ctx);
    case 'variables':
      return variables(ctx);
    case 'decision':
      return decision(ctx, section.index);
    case 'ending':
      return ending(ctx, section.index);
    case 'map':
      return map(ctx);
    case 'teacher':
      return teacher(ctx);
  }
}

const form = (title: string, ...children: Array<HTMLElement | null>) =>
  h(
    'form',
    { class: 'ed-form', onsubmit: (event: Event) => event.preventDefault() },
    h('h3', { id: 'ed-form-title', tabindex: -1 }, title),
    children,
  );

function about(ctx: FormContext): HTMLElement {
  return form(
    'About the scenario',
    textField(ctx, ['title'], 'Title', { hint: 'What students see on the title screen.' }),
    textField(ctx, ['summary'], 'Summary', { long: true, hint: 'One or two sentences on what the scenario is about.' }),
    textField(ctx, ['id'], 'Id', { hint: 'Lowercase letters, digits and dashes: the scenario’s short name.' }),
    textField(ctx, ['language'], 'Language', { hint: 'A language tag: en, fr, de, fr-CA …' }),
    textField(ctx, ['licence'], 'Licence', { hint: 'For example CC-BY-4.0.' }),
    selectField(
      ctx,
      ['start'],
      'The first decision point',
      idsOf(ctx.value, ['decisions']).map((d) => ({ value: d.id, label: d.name || d.id })),
    ),
    stringList(ctx, ['authors'], 'Authors', 'author', { min: 1 }),
    textField(ctx, ['educatorNotes'], 'Notes for the teacher on the briefing', { long: true, optional: true }),
  );
}

function sources(ctx: FormContext): HTMLElement {
  return form(
    'Sources',
    h(
      'p',
      { class: 'ed-hint' },
      'The texts the scenario rests on. Paste each one’s text below: every quote is checked against it.',
    ),
    itemList(ctx, ['sources'], 'Sources', {
      noun: 'source',
      title: (item, index) => `Source ${index + 1}: ${isRecord(item) ? str(item.title) || str(item.id) : ''}`,
      min: 1,
      duplicate: false,
      fresh: () => {
        const id = uniqueId(
          'source',
          idsOf(ctx.value, ['sources']).map((s) => s.id),
        );
        const file = `sources/${id}.txt`;
        if (ctx.sourceFile(file) === undefined) ctx.setSourceFile(file, '');
        return { id, title: 'A new source', file };
      },
      body: (path) => {
        const file = str(valueAt(ctx.value, [...path, 'file']));
        const id = `ed-source-text-${path[1]}`;
        const area = h('textarea', {
          id,
          rows: 8,
          class: 'ed-source-text',
          'data-path': `${path.join('.')}.text`,
          oninput: () => ctx.setSourceFile(str(valueAt(ctx.value, [...path, 'file'])), area.value),
        });
        area.value = ctx.sourceFile(file) ?? '';
        return [
          idField(ctx, [...path, 'id'], 'source'),
          textField(ctx, [...path, 'title'], 'Title'),
          fileField(ctx, path),
          h(
            'div',
            { class: 'ed-field' },
            h('label', { for: id }, `Text of the source (saved as ${file || 'its file'})`),
            area,
          ),
          textField(ctx, [...path, 'publisher'], 'Publisher', { optional: true }),
          textField(ctx, [...path, 'date'], 'Date', { optional: true }),
          textField(ctx, [...path, 'url'], 'Web address', { optional: true }),
          textField(ctx, [...path, 'notes'], 'What students should know about it', { optional: true, long: true }),
        ];
      },
    }),
  );
}

/** The source's file name: renaming it moves the text it holds in the saved folder. */
function fileField(ctx: FormContext, path: Path): HTMLElement {
  const field = textField(ctx, [...path, 'file'], 'File in the folder', { hint: 'For example sources/article.txt.' });
  const input = field.querySelector('input')!;
  let before = input.value;
  input.addEventListener('change', () => {
    if (input.value !== before && ctx.sourceFile(input.value) === undefined)
      ctx.setSourceFile(input.value, ctx.sourceFile(before), before);
    before = input.value;
  });
  return field;
}

function actors(ctx: FormContext): HTMLElement {
  return form(
    'Actors',
    itemList(ctx, ['actors'], 'Who takes the decisions', {
      noun: 'actor',
      title: (item, index) => `Actor ${index + 1}: ${isRecord(item) ? str(item.name) || str(item.id) : ''}`,
      min: 1,
      fresh: () => ({
        id: uniqueId(
          'actor',
          idsOf(ctx.value, ['actors']).map((a) => a.id),
        ),
        name: 'A new actor',
      }),
      body: (path) => [
        idField(ctx, [...path, 'id'], 'actor'),
        textField(ctx, [...path, 'name'], 'Name'),
        textField(ctx, [...path, 'description'], 'Description', { optional: true }),
      ],
    }),
  );
}

function variables(ctx: FormContext): HTMLElement {
  return form(
    'Meters and hidden variables',
    h(
      'p',
      { class: 'ed-hint' },
      'Numbers that options change and conditions read. Hidden ones are never shown as meters.',
    ),
    itemList(ctx, ['variables'], 'Meters and hidden variables', {
      noun: 'variable',
      title: (item, index) => `Variable ${index + 1}: ${isRecord(item) ? str(item.label) || str(item.id) : ''}`,
      fresh: () => ({
        id: uniqueId(
          'meter',
          idsOf(ctx.value, ['variables']).map((v) => v.id),
        ),
        label: 'A new meter',
        min: 0,
        max: 10,
        initial: 0,
      }),
      body: (path) => [
        idField(ctx, [...path, 'id'], 'variable'),
        textField(ctx, [...path, 'label'], 'Name on the meter'),
        textField(ctx, [...path, 'description'], 'What high and low mean', { optional: true }),
        checkField(ctx, [...path, 'hidden'], 'Hidden: used in conditions, never shown as a meter'),
        numberField(ctx, [...path, 'min'], 'Lowest', { integer: true }),
        numberField(ctx, [...path, 'max'], 'Highest', { integer: true }),
        numberField(ctx, [...path, 'initial'], 'At the start', { integer: true }),
      ],
    }),
  );
}

/** A new option leading to the first ending (or the first point), citing the first source. */
export function freshOption(ctx: FormContext, decision: number): Json {
  const taken = list(valueAt(ctx.value, ['decisions', decision]), 'options')
    .filter(isRecord)
    .map((o) => str(o.id));
  const endings = idsOf(ctx.value, ['endings']);
  return {
    id: uniqueId('option', taken),
    label: 'A new option',
    outcome: 'What happens when it is chosen.',
    evidence: 'hypothetical',
    citations: [freshCitation(ctx)],
    next: endings[0]?.id ?? pointIds(ctx.value)[0] ?? '',
  };
}

function decision(ctx: FormContext, index: number): HTMLElement {
  const path = ['decisions', index];
  const item = valueAt(ctx.value, path);
  if (!isRecord(item)) return form('This decision point is no longer there');
  return form(
    `Decision point: ${str(item.title) || str(item.id)}`,
    textField(ctx, [...path, 'title'], 'Title', { hint: 'A short heading for this decision point.' }),
    idField(ctx, [...path, 'id'], 'point'),
    selectField(
      ctx,
      [...path, 'actor'],
      'Who decides',
      idsOf(ctx.value, ['actors']).map((a) => ({ value: a.id, label: a.name || a.id })),
    ),
    variantText(ctx, [...path, 'situation'], 'Situation', 'situation', [...path, 'citations']),
    citationList(ctx, [...path, 'citations'], 'Citations of the situation'),
    itemList(ctx, [...path, 'options'], 'Options (2 to 4 on any path)', {
      noun: 'option',
      title: (option, i) => `Option ${i + 1}: ${isRecord(option) ? str(option.label) || str(option.id) : ''}`,
      min: 2,
      fresh: () => freshOption(ctx, index),
      body: (optionPath) => [
        textField(ctx, [...optionPath, 'label'], 'Label: what the decision-maker does'),
        idField(ctx, [...optionPath, 'id'], 'option', str(item.id)),
        selectField(
          ctx,
          [...optionPath, 'evidence'],
          'Evidence label: what kind of claim the outcome is',
          EVIDENCE_CHOICES,
        ),
        variantText(ctx, [...optionPath, 'outcome'], 'Outcome', 'outcome', [...optionPath, 'citations']),
        citationList(ctx, [...optionPath, 'citations'], 'Citations of the option'),
        nextField(ctx, [...optionPath, 'next']),
        whenField(ctx, [...optionPath, 'when'], 'Offered only when'),
        effectList(ctx, [...optionPath, 'effects']),
        stageList(ctx, [...optionPath, 'stage']),
      ],
    }),
  );
}

/** An optional `when`: a button to add the first condition, then the list. */
function whenField(ctx: FormContext, path: Path, heading: string): HTMLElement {
  return conditionList(ctx, path, heading);
}

function ending(ctx: FormContext, index: number): HTMLElement {
  const path = ['endings', index];
  const item = valueAt(ctx.value, path);
  if (!isRecord(item)) return form('This ending is no longer there');
  return form(
    `Ending: ${str(item.title) || str(item.id)}`,
    textField(ctx, [...path, 'title'], 'Title'),
    idField(ctx, [...path, 'id'], 'point'),
    variantText(ctx, [...path, 'text'], 'Text', 'ending', [...path, 'citations']),
    selectField(ctx, [...path, 'evidence'], 'Evidence label', EVIDENCE_CHOICES, { optional: true }),
    citationList(ctx, [...path, 'citations'], 'Citations of the ending'),
    stringList(ctx, [...path, 'questions'], 'Questions for the class', 'question', { long: true, min: 1 }),
  );
}

function map(ctx: FormContext): HTMLElement {
  const value = valueAt(ctx.value, ['map']);
  if (!isRecord(value))
    return form(
      'Map',
      h('p', { class: 'ed-hint' }, 'This scenario has no map. A map shows the places the source names.'),
      h(
        'button',
        {
          type: 'button',
          class: 'ed-add',
          onclick: () =>
            ctx.set(
              ['map'],
              { places: [{ id: 'place', name: 'A place', lat: 0, lon: 0, citations: [freshCitation(ctx)] }] },
              true,
            ),
        },
        'Add a map',
      ),
    );
  return form(
    'Map',
    textField(ctx, ['map', 'title'], 'Caption', { optional: true }),
    itemList(ctx, ['map', 'places'], 'Places', {
      noun: 'place',
      title: (item, index) => `Place ${index + 1}: ${isRecord(item) ? str(item.name) || str(item.id) : ''}`,
      min: 1,
      fresh: () => ({
        id: uniqueId(
          'place',
          idsOf(ctx.value, ['map', 'places']).map((p) => p.id),
        ),
        name: 'A place',
        lat: 0,
        lon: 0,
        citations: [freshCitation(ctx)],
      }),
      body: (path) => [
        textField(ctx, [...path, 'id'], 'Id'),
        textField(ctx, [...path, 'name'], 'Name on the map'),
        numberField(ctx, [...path, 'lat'], 'Latitude (north positive)'),
        numberField(ctx, [...path, 'lon'], 'Longitude (east positive)'),
        citationList(ctx, [...path, 'citations']),
      ],
    }),
    itemList(ctx, ['map', 'ranges'], 'Ranges', {
      noun: 'range',
      title: (item, index) => `Range ${index + 1}: ${isRecord(item) ? str(item.label) || str(item.id) : ''}`,
      fresh: () => ({
        id: uniqueId(
          'range',
          idsOf(ctx.value, ['map', 'ranges']).map((p) => p.id),
        ),
        label: 'A range',
        center: idsOf(ctx.value, ['map', 'places'])[0]?.id ?? '',
        km: 100,
        citations: [freshCitation(ctx)],
      }),
      body: (path) => [
        textField(ctx, [...path, 'id'], 'Id'),
        textField(ctx, [...path, 'label'], 'What the circle shows'),
        selectField(
          ctx,
          [...path, 'center'],
          'Around the place',
          idsOf(ctx.value, ['map', 'places']).map((p) => ({ value: p.id, label: p.name || p.id })),
        ),
        numberField(ctx, [...path, 'km'], 'Radius in km'),
        citationList(ctx, [...path, 'citations']),
      ],
    }),
  );
}

function teacher(ctx: FormContext): HTMLElement {
  const t = ['teacher'];
  const citedOrOutside = (path: Path) => {
    const outside = valueAt(ctx.value, [...path, 'outsideSource']) === true;
    return [
      checkField(ctx, [...path, 'outsideSource'], 'Background the source does not give (no citation)'),
      outside ? null : citationList(ctx, [...path, 'citations']),
    ];
  };
  return form(
    'Teacher material',
    h('p', { class: 'ed-hint' }, 'Everything here reaches students except the notes for the teacher.'),
    textField(ctx, [...t, 'ageBand'], 'Who it is for, e.g. 14+', { optional: true }),
    numberField(ctx, [...t, 'minutes'], 'Minutes it takes', { optional: true, integer: true }),
    stringList(ctx, [...t, 'objectives'], 'Learning objectives', 'objective'),
    itemList(ctx, [...t, 'background'], 'Background before the briefing', {
      noun: 'background note',
      title: (_, index) => `Background note ${index + 1}`,
      fresh: () => ({ text: '', outsideSource: true }),
      body: (path) => [textField(ctx, [...path, 'text'], 'Text', { long: true }), ...citedOrOutside(path)],
    }),
    itemList(ctx, [...t, 'glossary'], 'Glossary', {
      noun: 'glossary entry',
      title: (item, index) => `Glossary entry ${index + 1}: ${isRecord(item) ? str(item.term) : ''}`,
      fresh: () => ({ term: '', definition: '', outsideSource: true }),
      body: (path) => [
        textField(ctx, [...path, 'term'], 'Term'),
        textField(ctx, [...path, 'definition'], 'Definition', { long: true }),
        ...citedOrOutside(path),
      ],
    }),
    itemList(ctx, [...t, 'roleBriefs'], 'Role briefs', {
      noun: 'role brief',
      title: (item, index) => `Role brief ${index + 1}: ${isRecord(item) ? str(item.actor) : ''}`,
      fresh: () => ({ actor: idsOf(ctx.value, ['actors'])[0]?.id ?? '', text: '' }),
      body: (path) => [
        selectField(
          ctx,
          [...path, 'actor'],
          'Actor',
          idsOf(ctx.value, ['actors']).map((a) => ({ value: a.id, label: a.name || a.id })),
        ),
        textField(ctx, [...path, 'text'], 'What a group playing this actor is told', { long: true }),
      ],
    }),
    stringList(ctx, [...t, 'debrief'], 'Debrief questions', 'question', { long: true }),
    stringList(ctx, [...t, 'exitTicket'], 'Exit ticket', 'question', { long: true }),
    stringList(ctx, [...t, 'sensitivity'], 'Handle with care', 'note', { long: true }),
    valueAt(ctx.value, [...t, 'lessonPlans']) !== undefined
      ? h('p', { class: 'ed-hint' }, 'Lesson plans are kept as written in the file; edit them there.')
      : null,
    textField(ctx, [...t, 'notes'], 'Notes for the teacher only', { long: true, optional: true }),
    checkField(ctx, [...t, 'shipNotes'], 'Include the teacher’s notes in student builds and exports'),
  );
}
