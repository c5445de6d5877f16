/**
 * The projector: the decision, the vote's clock, how many have voted, the results as a chart once
 * revealed, and the sources. Large type and high contrast, readable from the back of a room; no
 * controls, and no nicknames (reasons show without names).
 */
import type { GameView, ScenarioIndex } from '../../../engine/view.ts';
import type { PresenterView } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';
import { evidenceBadge } from '../../evidence.ts';
import { citationBlock, type ShowSource } from '../../parts/citation.ts';
import { decisionIntro } from '../parts/decision-intro.ts';
import { endingBlock } from '../parts/ending-block.ts';
import { statusLine } from '../parts/phase.ts';
import { qrCode } from '../parts/qr-code.ts';
import { addressText, shortAddresses } from '../parts/short-address.ts';
import { takenPath } from '../parts/taken-path.ts';
import { voteTimer } from '../parts/timer.ts';
import { roomResults } from '../parts/room-results.ts';
import { debriefBlock } from '../parts/debrief-block.ts';
import { outcomeBlock } from '../parts/outcome-block.ts';

type DecisionView = Extract<GameView, { kind: 'decision' }>;

/** What the projector has besides the view: the Phaser stage (kept across redraws) and the scenario, once loaded. */
export interface PresenterExtras {
  stage?: HTMLElement;
  index?: ScenarioIndex;
}

export function presenterScreen(
  view: PresenterView,
  joinUrl: string,
  showSource: ShowSource,
  extras: PresenterExtras = {},
): HTMLElement {
  const game = view.game;
  const showing = view.showing ?? game.kind;
  // The stage plays the choice large beside its outcome; otherwise it waits small under the room code.
  const stageLarge = showing === 'outcome';
  return h(
    'article',
    { class: `screen presenter-screen showing-${showing}`, 'aria-labelledby': 'screen-title' },
    h(
      'div',
      { class: 'presenter-main' },
      statusLine(view),
      showing === 'outcome'
        ? outcomeBlock(view, showSource, { movedOnly: true })
        : showing === 'debrief' && view.debrief
          ? debriefBlock(view.debrief, extras.index)
          : game.kind === 'ending'
            ? [
                ...endingBlock(game, showSource),
                h(
                  'section',
                  { 'aria-labelledby': 'path-title' },
                  h('h3', { id: 'path-title' }, 'The room’s path'),
                  takenPath(view.taken),
                ),
              ]
            : [
                ...decisionIntro(game, showSource).filter(
                  (part) => view.vote.phase !== 'revealed' || !part.matches('.situation, .situation-sources'),
                ),
                optionsOrResults(view, game, showSource),
              ],
    ),
    stageLarge && extras.stage
      ? h('section', { class: 'presenter-stage', 'aria-label': 'The map' }, extras.stage)
      : null,
    h(
      'aside',
      { class: 'presenter-side', 'aria-label': 'Joining and voting' },
      joinLine(joinUrl, view.code),
      h(
        'p',
        { class: 'room-code' },
        h('span', { class: 'room-code-label' }, 'Room code '),
        h('strong', { 'data-room-code': '' }, view.code),
      ),
      qrCode(joinUrl, `QR code for the join link ${joinUrl}`),
      !stageLarge && extras.stage ? h('div', { class: 'presenter-stage-small' }, extras.stage) : null,
      voteTimer(view.vote),
      game.kind === 'decision' && view.vote.phase !== 'idle'
        ? h(
            'p',
            { class: 'voter-count' },
            h('strong', { 'data-voters': '' }, String(view.vote.voters)),
            ' of ',
            h('span', { 'data-participants': '' }, String(view.participants)),
            ' have voted',
          )
        : h(
            'p',
            { class: 'voter-count' },
            h('strong', { 'data-participants': '' }, String(view.participants)),
            ' in the room',
          ),
    ),
  );
}

/** The short address people type (the full link is in the QR code), or the full link when there is none. */
function joinLine(joinUrl: string, code: string): HTMLElement {
  const short = shortAddresses(joinUrl, code);
  return short
    ? h('p', { class: 'join-line short-address' }, 'Join at ', addressText(short.join), ' with the room code')
    : h('p', { class: 'join-line' }, 'Join at ', h('span', { class: 'join-url' }, joinUrl));
}

function optionsOrResults(view: PresenterView, game: DecisionView, showSource: ShowSource): HTMLElement {
  const results = roomResults(view.vote, game);
  if (results) return results;
  return h(
    'section',
    { class: 'presenter-options', 'aria-labelledby': 'options-title' },
    h('h3', { id: 'options-title', class: 'visually-hidden' }, 'The options'),
    h(
      'ol',
      { class: 'options' },
      game.options.map((option) =>
        h(
          'li',
          { class: 'option presenter-option' },
          h(
            'p',
            { class: 'presenter-option-label' },
            h('span', { class: 'option-number', 'aria-hidden': 'true' }, String(option.number)),
            h('span', {}, option.label),
            ' ',
            evidenceBadge(option.evidence),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'presenter-sources', 'aria-labelledby': 'sources-title' },
      h('h3', { id: 'sources-title', class: 'small-heading' }, 'What each option rests on'),
      game.options.map((option) =>
        h(
          'div',
          { class: 'presenter-source-group' },
          h('p', { class: 'presenter-source-option' }, `Option ${option.number}`),
          option.citations.map((c) => citationBlock(c, showSource)),
        ),
      ),
    ),
  );
}
