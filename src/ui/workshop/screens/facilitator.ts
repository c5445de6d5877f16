/**
 * The facilitator's laptop: the room (code, link, QR code, who is here), the decision with the
 * live count, and the controls the moment allows: open, close, reveal, advance with the majority
 * or override it with a reason, pause, go back to an earlier decision, end, and the record.
 * The offline presenter mode uses the same screen with hand counts in place of phones.
 */
import type { GameView } from '../../../engine/view.ts';
import { LIMITS, type ControlIntent, type FacilitatorView, type RecordFormat } from '../../../workshop/protocol.ts';
import { own, ownRecord } from '../../../lib/own.ts';
import { h } from '../../dom.ts';
import type { ShowSource } from '../../parts/citation.ts';
import { decisionIntro } from '../parts/decision-intro.ts';
import { endingBlock } from '../parts/ending-block.ts';
import { statusLine } from '../parts/phase.ts';
import { qrCode } from '../parts/qr-code.ts';
import { addressText, shortAddresses } from '../parts/short-address.ts';
import { takenPath } from '../parts/taken-path.ts';
import { voteTimer } from '../parts/timer.ts';
import { voteChart } from '../parts/vote-chart.ts';
import { reasonsList } from '../parts/reasons.ts';
import { evidenceBadge } from '../../evidence.ts';
import type { ScenarioIndex } from '../../../engine/view.ts';
import { debriefBlock } from '../parts/debrief-block.ts';
import { outcomeBlock } from '../parts/outcome-block.ts';
import { wayOnAfterOutcome, wayOnAtEnding, wayOnInDebrief } from '../parts/way-on.ts';

type DecisionView = Extract<GameView, { kind: 'decision' }>;

/** What the facilitator has typed or picked but not yet sent; kept across redraws. */
export interface FacilitatorDrafts {
  seconds: string;
  overrideOption: string;
  overrideReason: string;
  hands: Record<string, string>;
}

export const emptyDrafts = (): FacilitatorDrafts => ({
  seconds: '',
  overrideOption: '',
  overrideReason: '',
  // Keyed by option ids, which may be `constructor` or `__proto__`.
  hands: ownRecord<string>(),
});

export interface FacilitatorActions {
  control: (intent: ControlIntent) => void;
  /** Offline: record the counted hands and show the result in one step. */
  countHands: (counts: Record<string, number>) => void;
  download: (format: RecordFormat) => void;
  showSource: ShowSource;
  /** Offline: start a new session of the same scenario. */
  restart?: () => void;
}

export interface FacilitatorOptions {
  mode: 'online' | 'offline';
  /** The participants' join link and the projector's link (online). */
  joinUrl?: string;
  presenterUrl?: string;
  /** A request is on its way: further clicks are ignored until it is answered. */
  busy: boolean;
  problem?: string;
  /** The scenario, once loaded: the debrief draws its branch map. */
  index?: ScenarioIndex;
}

const TIME_LIMITS = [
  { seconds: '', label: 'No time limit' },
  { seconds: '15', label: '15 seconds' },
  { seconds: '30', label: '30 seconds' },
  { seconds: '60', label: '1 minute' },
  { seconds: '120', label: '2 minutes' },
  { seconds: '300', label: '5 minutes' },
];

export function facilitatorScreen(
  view: FacilitatorView,
  drafts: FacilitatorDrafts,
  options: FacilitatorOptions,
  actions: FacilitatorActions,
): HTMLElement {
  return h(
    'article',
    { class: `screen facilitator-screen mode-${options.mode}`, 'aria-labelledby': 'screen-title' },
    options.mode === 'online' ? roomPanel(view, options, actions) : null,
    h(
      'div',
      { class: 'control-panel', 'aria-busy': options.busy ? 'true' : undefined },
      h(
        'div',
        { class: 'status-row' },
        statusLine(view, options.mode),
        voteTimer(view.vote),
        voterCount(view, options.mode),
      ),
      options.problem ? h('p', { class: 'form-problem', role: 'alert' }, options.problem) : null,
      placeParts(view, drafts, options, actions),
      sessionControls(view, options, actions),
      h(
        'section',
        { class: 'path-section', 'aria-labelledby': 'path-title' },
        h('h3', { id: 'path-title' }, 'The room’s path'),
        takenPath(
          view.taken,
          view.status === 'ended' ? undefined : (step) => actions.control({ type: 'rewind', toStep: step }),
        ),
      ),
      h(
        'section',
        { class: 'record-section', 'aria-labelledby': 'record-title' },
        h('h3', { id: 'record-title' }, 'The record'),
        h(
          'p',
          { class: 'fine-print' },
          'The path, every vote with its counts, reasons and timings, overrides with their reasons, and the sources of each step.',
        ),
        h(
          'div',
          { class: 'actions' },
          (['markdown', 'csv', 'json'] as const).map((format) =>
            h(
              'button',
              { type: 'button', id: `download-${format}`, onclick: () => actions.download(format) },
              `Download ${format === 'markdown' ? 'Markdown' : format.toUpperCase()}`,
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * The middle of the panel, by what the room sees: the outcome of its last choice, the ending, a
 * debrief page, or the decision. The way on comes first in each, so it is in view without scrolling.
 */
function placeParts(
  view: FacilitatorView,
  drafts: FacilitatorDrafts,
  options: FacilitatorOptions,
  actions: FacilitatorActions,
): Array<HTMLElement | null> {
  const game = view.game;
  const running = view.status === 'running';
  const showing = view.showing ?? game.kind;
  if (showing === 'outcome') {
    const [eyebrow, title, ...rest] = outcomeBlock(view, actions.showSource);
    return [eyebrow ?? null, title ?? null, running ? wayOnAfterOutcome(game, actions.control) : null, ...rest];
  }
  if (showing === 'debrief' && view.debrief) {
    const [eyebrow, title, ...rest] = debriefBlock(view.debrief, options.index);
    return [eyebrow ?? null, title ?? null, running ? wayOnInDebrief(view.debrief, actions.control) : null, ...rest];
  }
  if (game.kind === 'ending') {
    const [eyebrow, title, ...rest] = endingBlock(game, actions.showSource);
    return [eyebrow ?? null, title ?? null, running ? wayOnAtEnding(actions.control) : null, ...rest];
  }
  const [eyebrow, title, ...situation] = decisionIntro(game, actions.showSource);
  const revealed = view.vote.phase === 'revealed';
  const way = controls(view, game, drafts, options, actions);
  return [
    eyebrow ?? null,
    title ?? null,
    // After the reveal the way on (majority, override) comes straight under the question.
    revealed ? way : null,
    ...situation,
    view.vote.phase === 'idle' && options.mode === 'online' ? optionList(game) : null,
    liveChart(view, game),
    view.vote.results ? reasonsList(view.vote.results.reasons, game) : null,
    revealed ? null : way,
  ];
}

/** The options the room will vote on, before the vote opens: the facilitator reads them out first. */
function optionList(game: DecisionView): HTMLElement {
  return h(
    'section',
    { class: 'facilitator-options', 'aria-labelledby': 'options-title' },
    h('h3', { id: 'options-title', class: 'small-heading' }, `The options (${game.options.length})`),
    h(
      'ol',
      {},
      game.options.map((option) =>
        h('li', { 'data-option': option.id }, option.label, ' ', evidenceBadge(option.evidence)),
      ),
    ),
  );
}

function roomPanel(view: FacilitatorView, options: FacilitatorOptions, actions: FacilitatorActions): HTMLElement {
  const joinUrl = options.joinUrl ?? '';
  return h(
    'aside',
    { class: 'room-panel', 'aria-label': 'The room' },
    h(
      'p',
      { class: 'room-code' },
      h('span', { class: 'room-code-label' }, 'Room code '),
      h('strong', { 'data-room-code': '' }, view.code),
    ),
    shortAddressLine(joinUrl, view.code),
    h('p', { class: 'join-line' }, 'Join link: ', h('a', { href: joinUrl, class: 'join-url' }, joinUrl)),
    joinUrl ? qrCode(joinUrl, `QR code for the join link ${joinUrl}`) : null,
    options.presenterUrl
      ? h(
          'p',
          {},
          h(
            'a',
            { href: options.presenterUrl, target: '_blank', rel: 'noopener', id: 'presenter-link' },
            'Open the presenter view',
          ),
          h('span', { class: 'fine-print' }, ' (for the projector)'),
        )
      : null,
    h('h3', { id: 'people-title' }, `Participants (${view.participants})`),
    view.status === 'ended' ? null : lockControl(view, actions),
    view.people.length === 0 ? h('p', { class: 'fine-print' }, 'Nobody has joined yet.') : peopleList(view, actions),
  );
}

/** What to read out to the room: the short address and the code, or the room's own short address. */
function shortAddressLine(joinUrl: string, code: string): HTMLElement | null {
  const short = shortAddresses(joinUrl, code);
  if (!short) return null;
  return h(
    'p',
    { class: 'short-address', id: 'short-address' },
    h('span', { class: 'short-address-label' }, 'To read out'),
    ' ',
    addressText(short.join),
    ' and the code, or ',
    addressText(short.room),
  );
}

/** Lock the room once everyone is in: joins that make new participants are refused, tokens still work. */
function lockControl(view: FacilitatorView, actions: FacilitatorActions): HTMLElement {
  return h(
    'div',
    { class: 'lock-control' },
    h(
      'p',
      { class: 'fine-print', id: 'lock-state' },
      view.locked
        ? 'The room is locked: nobody new can join; people already in can come back.'
        : 'Anyone with the code can join. Lock the room once everyone is in.',
    ),
    h(
      'button',
      {
        type: 'button',
        id: view.locked ? 'unlock-room' : 'lock-room',
        'aria-describedby': 'lock-state',
        onclick: () => actions.control({ type: view.locked ? 'unlock' : 'lock' }),
      },
      view.locked ? 'Unlock the room' : 'Lock the room',
    ),
  );
}

/** Removing asks first, in a fold that keyboard and screen reader users open like any other. */
function removeControl(person: FacilitatorView['people'][number], actions: FacilitatorActions): HTMLElement {
  return h(
    'details',
    { class: 'remove-person' },
    // The name makes each summary distinct: redraws reopen folds by their summary's text.
    h('summary', {}, 'Remove', h('span', { class: 'visually-hidden' }, ` ${person.nickname}`), '…'),
    h(
      'p',
      { class: 'fine-print' },
      'Their vote in an open vote is withdrawn, and their phone cannot come back with it. Lock the room to keep them from joining again.',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'remove-button',
        'data-remove': person.id,
        onclick: () => actions.control({ type: 'remove', participant: person.id }),
      },
      `Remove ${person.nickname}`,
    ),
  );
}

/** Who is here and who has voted; a big room's list folds away behind its counts. */
function peopleList(view: FacilitatorView, actions: FacilitatorActions): HTMLElement {
  const list = h(
    'ul',
    { class: 'people', 'aria-labelledby': 'people-title' },
    view.people.map((person) =>
      h(
        'li',
        { class: person.connected ? 'person' : 'person away' },
        h('span', { class: 'person-name' }, person.nickname),
        person.voted ? h('span', { class: 'voted-mark' }, ' ✓ voted') : null,
        person.connected ? null : h('span', { class: 'fine-print' }, ' (away)'),
        view.status === 'ended' ? null : removeControl(person, actions),
      ),
    ),
  );
  if (view.people.length <= PEOPLE_SHOWN) return list;
  const voted = view.people.filter((p) => p.voted).length;
  const away = view.people.filter((p) => !p.connected).length;
  // The summary's words stay the same as votes come in, so the fold stays open across redraws.
  return h(
    'div',
    {},
    h('p', { class: 'fine-print' }, `${voted} voted · ${away} away`),
    h('details', { class: 'people-fold' }, h('summary', {}, 'Show everyone'), list),
  );
}

/** Beyond this many, the list of people is folded (a room of hundreds would bury the controls). */
const PEOPLE_SHOWN = 40;

function voterCount(view: FacilitatorView, mode: FacilitatorOptions['mode']): HTMLElement | null {
  if (mode === 'offline' || view.game.kind !== 'decision' || view.vote.phase === 'idle') return null;
  return h(
    'p',
    { class: 'voter-count' },
    h('strong', { 'data-voters': '' }, String(view.vote.voters)),
    ' of ',
    h('span', { 'data-participants': '' }, String(view.participants)),
    ' have voted',
  );
}

function liveChart(view: FacilitatorView, game: DecisionView): HTMLElement | null {
  const counts = view.vote.results?.counts ?? view.vote.counts;
  if (!counts) return null;
  const revealed = view.vote.phase === 'revealed';
  return voteChart(game.options, counts, {
    caption: revealed ? 'Results (everyone sees these)' : 'Live count (only you see this until you reveal it)',
    majority: revealed ? view.vote.results?.majority : undefined,
  });
}

function controls(
  view: FacilitatorView,
  game: DecisionView,
  drafts: FacilitatorDrafts,
  options: FacilitatorOptions,
  actions: FacilitatorActions,
): HTMLElement | null {
  if (view.status !== 'running') return null;
  const phase = view.vote.phase;
  const button = (id: string, label: string, intent: () => ControlIntent, primary = false) =>
    h(
      'button',
      { type: 'button', id, class: primary ? 'primary-button' : undefined, onclick: () => actions.control(intent()) },
      label,
    );
  // Read when clicked: the time limit may have been picked after this was drawn.
  const open = (): ControlIntent =>
    Number(drafts.seconds) > 0 ? { type: 'open', seconds: Number(drafts.seconds) } : { type: 'open' };
  return h(
    'section',
    { class: 'vote-controls', 'aria-label': 'The vote' },
    phase === 'revealed'
      ? h('div', { class: 'way-on' }, advanceControls(view, game, drafts, actions))
      : options.mode === 'offline'
        ? handsForm(game, drafts, 'Hands raised for each option', 'Show the result', actions.countHands)
        : [
            phase === 'open'
              ? null
              : h(
                  'p',
                  { class: 'time-limit' },
                  h('label', { for: 'vote-seconds' }, 'Time limit '),
                  h(
                    'select',
                    {
                      id: 'vote-seconds',
                      onchange: (event: Event) => (drafts.seconds = (event.target as HTMLSelectElement).value),
                    },
                    TIME_LIMITS.map((t) =>
                      h('option', { value: t.seconds, selected: t.seconds === drafts.seconds }, t.label),
                    ),
                  ),
                ),
            h(
              'div',
              { class: 'actions' },
              phase === 'idle' ? button('open-vote', 'Open the vote', open, true) : null,
              phase === 'closed' ? button('open-vote', 'Reopen the vote', open) : null,
              phase === 'open' ? button('close-vote', 'Close the vote', () => ({ type: 'close' })) : null,
              phase === 'open' && view.vote.endsAt !== undefined
                ? button('extend-vote', 'Add 30 seconds', () => ({ type: 'extend', seconds: 30 }))
                : null,
              phase === 'open' || phase === 'closed'
                ? button('reveal-vote', 'Reveal the results', () => ({ type: 'reveal' }), true)
                : null,
            ),
            h(
              'details',
              { class: 'hands' },
              h('summary', {}, 'Add hands raised in the room'),
              handsForm(game, drafts, 'Hands raised (added to the phone votes)', 'Add the hands', (counts) =>
                actions.control({ type: 'handCounts', counts }),
              ),
            ),
          ],
  );
}

function handsForm(
  game: DecisionView,
  drafts: FacilitatorDrafts,
  legend: string,
  submit: string,
  send: (counts: Record<string, number>) => void,
): HTMLElement {
  const form = h(
    'form',
    { class: 'hands-form' },
    h(
      'fieldset',
      {},
      h('legend', {}, legend),
      game.options.map((option) =>
        h(
          'p',
          { class: 'hand-count' },
          h(
            'label',
            { for: `hands-${option.id}` },
            h('span', { class: 'chart-number' }, `${option.number}.`),
            ' ',
            option.label,
          ),
          h('input', {
            type: 'number',
            id: `hands-${option.id}`,
            class: 'number-field',
            min: 0,
            max: LIMITS.handCount,
            step: 1,
            inputmode: 'numeric',
            value: own(drafts.hands, option.id) ?? '',
            oninput: (event: Event) => (drafts.hands[option.id] = (event.target as HTMLInputElement).value),
          }),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary-button', id: 'submit-hands' }, submit),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const counts = ownRecord<number>();
    for (const option of game.options)
      counts[option.id] = Math.max(0, Math.floor(Number(own(drafts.hands, option.id) ?? '0') || 0));
    send(counts);
  });
  return form;
}

function advanceControls(
  view: FacilitatorView,
  game: DecisionView,
  drafts: FacilitatorDrafts,
  actions: FacilitatorActions,
): HTMLElement[] {
  const majority = view.vote.results?.majority ?? null;
  const majorityLabel = majority ? game.options.find((o) => o.id === majority)?.label : undefined;
  const others = game.options.filter((o) => o.id !== majority);
  const override = h(
    'form',
    { class: 'override-form' },
    h(
      'fieldset',
      {},
      h('legend', {}, majority ? 'Or take another option' : 'No majority: choose the option the room takes'),
      h('label', { class: 'field-label', for: 'override-option' }, 'Option'),
      h(
        'select',
        {
          id: 'override-option',
          required: true,
          onchange: (event: Event) => (drafts.overrideOption = (event.target as HTMLSelectElement).value),
        },
        h('option', { value: '' }, 'Choose…'),
        others.map((o) =>
          h('option', { value: o.id, selected: drafts.overrideOption === o.id }, `${o.number}. ${o.label}`),
        ),
      ),
      h('label', { class: 'field-label', for: 'override-reason' }, 'Reason, for the record'),
      h('input', {
        type: 'text',
        id: 'override-reason',
        class: 'text-field',
        required: true,
        maxlength: LIMITS.reason,
        autocomplete: 'off',
        value: drafts.overrideReason,
        oninput: (event: Event) => (drafts.overrideReason = (event.target as HTMLInputElement).value),
      }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'override-submit' }, 'Take this option')),
    ),
  );
  override.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!override.reportValidity()) return;
    actions.control({ type: 'advance', option: drafts.overrideOption, reason: drafts.overrideReason.trim() });
  });
  return [
    h('h3', { class: 'small-heading' }, 'The way on'),
    majorityLabel
      ? h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'primary-button',
              id: 'advance-majority',
              onclick: () => actions.control({ type: 'advance' }),
            },
            `Go on with the majority: ${majorityLabel}`,
          ),
        )
      : h('p', {}, 'The vote is tied or empty, so the room has no majority.'),
    override,
  ];
}

function sessionControls(view: FacilitatorView, options: FacilitatorOptions, actions: FacilitatorActions): HTMLElement {
  if (view.status === 'ended') {
    return h(
      'section',
      { class: 'session-controls', 'aria-labelledby': 'session-title' },
      h('h3', { id: 'session-title' }, 'Session'),
      h('p', {}, 'The session has ended. Download the record below.'),
      actions.restart
        ? h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', onclick: actions.restart }, 'Start a new offline session'),
          )
        : null,
    );
  }
  return h(
    'section',
    { class: 'session-controls', 'aria-labelledby': 'session-title' },
    h('h3', { id: 'session-title' }, 'Session'),
    h(
      'div',
      { class: 'actions' },
      view.status === 'paused'
        ? h(
            'button',
            {
              type: 'button',
              id: 'resume',
              class: 'primary-button',
              onclick: () => actions.control({ type: 'resume' }),
            },
            'Resume',
          )
        : h('button', { type: 'button', id: 'pause', onclick: () => actions.control({ type: 'pause' }) }, 'Pause'),
    ),
    view.game.kind === 'ending'
      ? null
      : h(
          'details',
          { class: 'end-session' },
          h('summary', {}, 'End the session…'),
          h('p', {}, 'Nobody can vote after this. The record stays available to download.'),
          h(
            'div',
            { class: 'actions' },
            h(
              'button',
              { type: 'button', id: 'end-session', onclick: () => actions.control({ type: 'end' }) },
              'End the session now',
            ),
          ),
        ),
  );
}
