/**
 * The editor's compound parts: citations (with where each quote sits in its source), conditions
 * built from choices (pick an option or a decision point from a list, never type an id), texts that
 * vary with the path, where an option leads, effects and stage directions.
 */
import {
  CONDITION_KINDS,
  CONDITION_WORDS,
  conditionKind,
  describeCondition,
  idsOf,
  optionsOf,
  pointsOf,
  type ConditionKind,
} from '../../authoring/editor/choices.ts';
import { locateQuote } from '../../authoring/editor/cite.ts';
import type { Json, Path } from '../../authoring/editor/yaml-edit.ts';
import { valueAt } from '../../authoring/editor/yaml-edit.ts';
import { isRecord } from '../../lib/is-record.ts';
import { AREA_KINDS, EVIDENCE_KINDS, STANCES } from '../../scenario/schema.ts';
import { h, replaceChildren } from '../dom.ts';
import {
  capitalize,
  fieldId,
  itemList,
  numberField,
  pathKey,
  selectField,
  textField,
  type Choice,
  type FormContext,
} from './fields.ts';

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export const EVIDENCE_CHOICES: Choice[] = EVIDENCE_KINDS.map((kind) => ({ value: kind, label: kind }));

const sourceChoices = (ctx: FormContext): Choice[] =>
  idsOf(ctx.value, ['sources']).map((s) => ({ value: s.id, label: s.name ? `${s.name} (${s.id})` : s.id }));

/** A new citation: of the first source, with an empty quote to fill by selecting. */
export const freshCitation = (ctx: FormContext): Json => ({
  source: idsOf(ctx.value, ['sources'])[0]?.id ?? 'source',
  quote: '',
});

/** The citations of a claim: source, quote (cite by selecting), evidence, note; where the quote sits. */
export function citationList(ctx: FormContext, path: Path, heading = 'Citations'): HTMLElement {
  return itemList(ctx, path, heading, {
    noun: 'citation',
    title: (item, index) =>
      `Citation ${index + 1}${isRecord(item) && item.quote ? `: “${short(str(item.quote))}”` : ''}`,
    fresh: () => freshCitation(ctx),
    body: (itemPath) => {
      const quotePath = [...itemPath, 'quote'];
      const status = h('div', { class: 'ed-quote-status', 'aria-live': 'off' });
      const update = () => {
        const citation = valueAt(ctx.value, itemPath);
        const quote = isRecord(citation) ? str(citation.quote) : '';
        const sourceId = isRecord(citation) ? str(citation.source) : '';
        const source = ctx.sourceText(sourceId);
        if (quote.trim() === '') {
          replaceChildren(
            status,
            h('p', { class: 'ed-hint' }, 'No quote yet: cite by selecting its words in the source.'),
          );
          return;
        }
        if (source === undefined) {
          replaceChildren(
            status,
            h('p', { class: 'ed-bad' }, `The text of source “${sourceId}” is not here to check against.`),
          );
          return;
        }
        const found = locateQuote(source, quote);
        replaceChildren(
          status,
          found
            ? h(
                'p',
                { class: 'ed-good ed-context' },
                h('span', { class: 'visually-hidden' }, 'Found word for word in the source: '),
                h('span', { 'aria-hidden': 'true' }, '✓ '),
                found.before,
                h('mark', {}, found.match),
                found.after,
              )
            : h('p', { class: 'ed-bad' }, '✗ Not in the source word for word. Select the words in the source instead.'),
        );
      };
      ctx.live(update);
      update();
      return [
        selectField(ctx, [...itemPath, 'source'], 'Source', sourceChoices(ctx), { redraw: true }),
        textField(ctx, quotePath, 'Quote: the exact words of the source', { long: true }),
        h(
          'button',
          {
            type: 'button',
            class: 'ed-cite-button',
            id: `${fieldId(itemPath)}-cite`,
            'aria-describedby': fieldId(quotePath),
            onclick: () => ctx.cite(itemPath),
          },
          'Cite by selecting in the source…',
        ),
        status,
        selectField(ctx, [...itemPath, 'evidence'], 'What kind of claim the quoted words are', EVIDENCE_CHOICES, {
          optional: true,
        }),
        textField(ctx, [...itemPath, 'note'], 'Note for students', { optional: true }),
      ];
    },
  });
}

const short = (text: string) => (text.length > 48 ? `${text.slice(0, 47)}…` : text);

/** The choices a condition's list offers for its kind. */
function targetChoices(ctx: FormContext, kind: ConditionKind): Choice[] {
  if (kind === 'chose' || kind === 'notChose')
    return optionsOf(ctx.value).map((o) => ({
      value: o.ref,
      label: `“${o.label || o.ref}” at “${o.pointTitle || o.point}”`,
    }));
  if (kind === 'passed' || kind === 'notPassed')
    return pointsOf(ctx.value)
      .filter((p) => p.kind === 'decision point')
      .map((p) => ({ value: p.id, label: `“${p.title || p.id}”` }));
  return idsOf(ctx.value, ['variables']).map((v) => ({ value: v.id, label: v.name || v.id }));
}

/** A fresh condition of a kind, naming the first thing its list offers. */
function freshCondition(ctx: FormContext, kind: ConditionKind): Json {
  const first = targetChoices(ctx, kind)[0]?.value ?? '';
  if (kind === 'variable') return { variable: first, atLeast: 0 };
  return { [kind]: first };
}

/** A `when`: conditions built from lists ("the player chose … at …"), all of which must hold. */
export function conditionList(ctx: FormContext, path: Path, heading: string): HTMLElement {
  return itemList(ctx, path, heading, {
    noun: 'condition',
    title: (item, index) => `Condition ${index + 1}: ${describeCondition(item, ctx.value)}`,
    fresh: () => freshCondition(ctx, optionsOf(ctx.value).length > 0 ? 'chose' : 'passed'),
    duplicate: false,
    body: (itemPath) => {
      const condition = valueAt(ctx.value, itemPath);
      const kind = conditionKind(condition);
      if (!kind) return [h('p', { class: 'ed-hint' }, describeCondition(condition, ctx.value))];
      const kindId = `${fieldId(itemPath)}-kind`;
      const kindSelect = h(
        'select',
        {
          id: kindId,
          'data-path': `${pathKey(itemPath)}.kind`,
          onchange: () => ctx.set(itemPath, freshCondition(ctx, kindSelect.value as ConditionKind), true),
        },
        CONDITION_KINDS.map((k) => h('option', { value: k }, CONDITION_WORDS[k])),
      );
      kindSelect.value = kind;
      const target =
        kind === 'variable'
          ? [
              selectField(ctx, [...itemPath, 'variable'], 'Meter or hidden variable', targetChoices(ctx, kind)),
              numberField(ctx, [...itemPath, 'atLeast'], 'At least', { optional: true }),
              numberField(ctx, [...itemPath, 'atMost'], 'At most', { optional: true }),
            ]
          : [
              selectField(
                ctx,
                [...itemPath, kind],
                kind === 'chose' || kind === 'notChose' ? 'Option' : 'Decision point',
                targetChoices(ctx, kind),
                { redraw: true },
              ),
            ];
      return [h('div', { class: 'ed-field' }, h('label', { for: kindId }, 'Holds when'), kindSelect), ...target];
    },
  });
}

export type TextOwner = 'situation' | 'outcome' | 'ending';

/**
 * A text that is one string, or versions for different paths. "Add a version for some paths" turns
 * the one text into two versions: one shown when a condition holds, and the other as the fallback.
 */
export function variantText(
  ctx: FormContext,
  path: Path,
  label: string,
  owner: TextOwner,
  citations: Path,
): HTMLElement {
  const value = valueAt(ctx.value, path);
  if (!Array.isArray(value)) {
    return h(
      'div',
      { class: 'ed-variant-text' },
      textField(ctx, path, label, { long: true }),
      h(
        'button',
        {
          type: 'button',
          class: 'ed-add',
          onclick: () => {
            const own = valueAt(ctx.value, citations);
            const cited: Json = Array.isArray(own) && own.length > 0 ? (own as Json) : [freshCitation(ctx)];
            const first = optionsOf(ctx.value)[0]?.ref;
            ctx.set(
              path,
              [
                {
                  when: [first ? { chose: first } : { passed: pointsOf(ctx.value)[0]?.id ?? '' }],
                  text: str(value),
                  citations: cited,
                },
                { text: str(value), citations: cited },
              ],
              true,
            );
          },
        },
        `Add a version of the ${owner === 'ending' ? 'text' : owner} for some paths`,
      ),
    );
  }
  return h(
    'div',
    { class: 'ed-variant-text' },
    h(
      'p',
      { class: 'ed-hint' },
      `${label}: the first version whose conditions hold is shown; the last, without conditions, is shown otherwise.`,
    ),
    itemList(ctx, path, `${label}: versions`, {
      noun: 'version',
      keepLast: true,
      title: (item, index) => {
        const when = isRecord(item) && Array.isArray(item.when) ? item.when : [];
        return when.length === 0
          ? `Version ${index + 1}: otherwise`
          : `Version ${index + 1}: when ${when.map((c) => describeCondition(c, ctx.value)).join(' and ')}`;
      },
      fresh: () => ({
        when: [freshCondition(ctx, optionsOf(ctx.value).length > 0 ? 'chose' : 'passed')],
        text: '',
        citations: [freshCitation(ctx)],
      }),
      body: (itemPath, index) => {
        const items = valueAt(ctx.value, path) as unknown[];
        const last = index === items.length - 1;
        const when = valueAt(ctx.value, [...itemPath, 'when']);
        return [
          Array.isArray(when) || !last
            ? conditionList(ctx, [...itemPath, 'when'], 'Shown when all of these hold')
            : h('p', { class: 'ed-hint' }, 'Shown on every other path.'),
          textField(ctx, [...itemPath, 'text'], `Text of version ${index + 1}`, { long: true }),
          owner === 'outcome'
            ? selectField(
                ctx,
                [...itemPath, 'evidence'],
                'Evidence, when it differs from the option’s',
                EVIDENCE_CHOICES,
                {
                  optional: true,
                },
              )
            : null,
          citationList(ctx, [...itemPath, 'citations'], `Citations of version ${index + 1}`),
        ];
      },
    }),
  );
}

const pointChoices = (ctx: FormContext): Choice[] =>
  pointsOf(ctx.value).map((p) => ({ value: p.id, label: `${capitalize(p.kind)}: ${p.title || p.id}` }));

/** Where an option leads: one point chosen from the list, or routes by condition. */
export function nextField(ctx: FormContext, path: Path): HTMLElement {
  const value = valueAt(ctx.value, path);
  if (!Array.isArray(value)) {
    return h(
      'div',
      { class: 'ed-next' },
      selectField(ctx, path, 'Leads to', pointChoices(ctx), { redraw: true }),
      h(
        'button',
        {
          type: 'button',
          class: 'ed-add',
          onclick: () =>
            ctx.set(
              path,
              [
                { when: [freshCondition(ctx, optionsOf(ctx.value).length > 0 ? 'chose' : 'passed')], to: str(value) },
                { to: str(value) },
              ],
              true,
            ),
        },
        'Lead elsewhere on some paths',
      ),
    );
  }
  return itemList(ctx, path, 'Leads to (the first route whose conditions hold)', {
    noun: 'route',
    keepLast: true,
    title: (item, index) =>
      `Route ${index + 1} to “${isRecord(item) ? str(item.to) : ''}”${isRecord(item) && Array.isArray(item.when) ? '' : ' (otherwise)'}`,
    fresh: () => ({ when: [freshCondition(ctx, 'chose')], to: pointsOf(ctx.value)[0]?.id ?? '' }),
    body: (itemPath, index) => [
      Array.isArray(valueAt(ctx.value, [...itemPath, 'when'])) || index < (value as unknown[]).length - 1
        ? conditionList(ctx, [...itemPath, 'when'], 'Taken when all of these hold')
        : h('p', { class: 'ed-hint' }, 'Taken on every other path.'),
      selectField(ctx, [...itemPath, 'to'], 'Leads to', pointChoices(ctx), { redraw: true }),
    ],
  });
}

/** An option's effects on the meters. */
export function effectList(ctx: FormContext, path: Path): HTMLElement {
  const variables = idsOf(ctx.value, ['variables']).map((v) => ({ value: v.id, label: v.name || v.id }));
  return itemList(ctx, path, 'Effects on meters and hidden variables', {
    noun: 'effect',
    title: (item, index) => `Effect ${index + 1}${isRecord(item) ? ` on “${str(item.variable)}”` : ''}`,
    fresh: variables.length > 0 ? () => ({ variable: variables[0]!.value, add: 1 }) : undefined,
    body: (itemPath) => {
      const effect = valueAt(ctx.value, itemPath);
      const how = isRecord(effect) && effect.set !== undefined ? 'set' : 'add';
      const howId = `${fieldId(itemPath)}-how`;
      const howSelect = h(
        'select',
        {
          id: howId,
          onchange: () => {
            const current = valueAt(ctx.value, itemPath);
            const amount = isRecord(current) ? Number(current.add ?? current.set ?? 0) : 0;
            const { add: _a, set: _s, ...rest } = isRecord(current) ? (current as Record<string, Json>) : {};
            ctx.set(itemPath, { ...rest, [howSelect.value]: amount }, true);
          },
        },
        h('option', { value: 'add' }, 'changes it by'),
        h('option', { value: 'set' }, 'sets it to'),
      );
      howSelect.value = how;
      return [
        selectField(ctx, [...itemPath, 'variable'], 'Meter or hidden variable', variables, { redraw: true }),
        h('div', { class: 'ed-field' }, h('label', { for: howId }, 'The choice'), howSelect),
        numberField(ctx, [...itemPath, how], how === 'add' ? 'By (negative lowers it)' : 'To', { integer: true }),
        textField(ctx, [...itemPath, 'reason'], 'Why it changes, in a few words', { optional: true }),
      ];
    },
  });
}

const STAGE_KINDS = ['highlight', 'strike', 'area', 'showRange', 'hideRange', 'stance'] as const;
type StageKind = (typeof STAGE_KINDS)[number];
const STAGE_WORDS: Record<StageKind, string> = {
  highlight: 'Highlight a place',
  strike: 'A strike from one place to another',
  area: 'An area around a place',
  showRange: 'Show a range',
  hideRange: 'Hide a range',
  stance: 'An actor’s stance',
};

/** What the map shows after a choice. */
export function stageList(ctx: FormContext, path: Path): HTMLElement {
  const places = idsOf(ctx.value, ['map', 'places']).map((p) => ({ value: p.id, label: p.name || p.id }));
  const ranges = idsOf(ctx.value, ['map', 'ranges']).map((r) => ({ value: r.id, label: r.name || r.id }));
  const actors = idsOf(ctx.value, ['actors']).map((a) => ({ value: a.id, label: a.name || a.id }));
  const fresh = (kind: StageKind): Json => {
    const place = places[0]?.value ?? '';
    switch (kind) {
      case 'highlight':
        return { highlight: place };
      case 'strike':
        return { strike: { from: place, to: places[1]?.value ?? place } };
      case 'area':
        return { area: { place, km: 50, kind: 'held' } };
      case 'showRange':
      case 'hideRange':
        return { [kind]: ranges[0]?.value ?? '' };
      case 'stance':
        return { stance: { actor: actors[0]?.value ?? '', is: 'hold' } };
    }
  };
  return itemList(ctx, path, 'Stage directions: what the map shows after this choice', {
    noun: 'stage direction',
    title: (item, index) => {
      const kind = STAGE_KINDS.find((k) => isRecord(item) && item[k] !== undefined);
      return `Stage direction ${index + 1}${kind ? `: ${STAGE_WORDS[kind].toLowerCase()}` : ''}`;
    },
    fresh: places.length > 0 || actors.length > 0 ? () => fresh(places.length > 0 ? 'highlight' : 'stance') : undefined,
    body: (itemPath) => {
      const item = valueAt(ctx.value, itemPath);
      const kind = STAGE_KINDS.find((k) => isRecord(item) && item[k] !== undefined) ?? 'highlight';
      const kindId = `${fieldId(itemPath)}-kind`;
      const kindSelect = h(
        'select',
        { id: kindId, onchange: () => ctx.set(itemPath, fresh(kindSelect.value as StageKind), true) },
        STAGE_KINDS.map((k) => h('option', { value: k }, STAGE_WORDS[k])),
      );
      kindSelect.value = kind;
      const at = (key: string) => [...itemPath, kind, key];
      const fields: Record<StageKind, () => HTMLElement[]> = {
        highlight: () => [selectField(ctx, [...itemPath, 'highlight'], 'Place', places)],
        strike: () => [
          selectField(ctx, at('from'), 'From', places),
          selectField(ctx, at('to'), 'To', places),
          selectField(ctx, at('within'), 'Within the range', ranges, { optional: true }),
        ],
        area: () => [
          selectField(ctx, at('place'), 'Around the place', places),
          numberField(ctx, at('km'), 'Radius in km'),
          selectField(
            ctx,
            at('kind'),
            'Kind',
            AREA_KINDS.map((k) => ({ value: k, label: k })),
          ),
          textField(ctx, at('label'), 'Label on the map key', { optional: true }),
        ],
        showRange: () => [selectField(ctx, [...itemPath, 'showRange'], 'Range', ranges)],
        hideRange: () => [selectField(ctx, [...itemPath, 'hideRange'], 'Range', ranges)],
        stance: () => [
          selectField(ctx, at('actor'), 'Actor', actors),
          selectField(
            ctx,
            at('is'),
            'Stance',
            STANCES.map((s) => ({ value: s, label: s })),
          ),
        ],
      };
      return [
        h('div', { class: 'ed-field' }, h('label', { for: kindId }, 'Kind of direction'), kindSelect),
        ...fields[kind](),
      ];
    },
  });
}
