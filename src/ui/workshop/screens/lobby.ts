/**
 * The projector while people join, until the facilitator opens the first vote: how to join (the
 * short address to type, the room code, the QR code) and how many have joined. Anonymous like the
 * rest of the projector: a count, never names. The count is live (`data-participants`, updated by
 * the tally the server pushes on every join).
 */
import type { PresenterView } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';
import { qrCode } from '../parts/qr-code.ts';
import { addressText, shortAddresses } from '../parts/short-address.ts';

/** Before the room's first vote: nobody has voted on anything yet, the session has not moved on. */
export function inLobby(view: PresenterView): boolean {
  return (
    view.status !== 'ended' &&
    view.game.kind === 'decision' &&
    view.step === 0 &&
    view.taken.length === 0 &&
    view.vote.phase === 'idle' &&
    // Rounds number every vote of the session: round 1 idle means no vote was ever opened (a rewind to the start is not a lobby).
    view.vote.round === 1
  );
}

export function lobbyScreen(view: PresenterView, joinUrl: string): HTMLElement {
  const short = shortAddresses(joinUrl, view.code);
  return h(
    'article',
    { class: 'screen lobby-screen', 'aria-labelledby': 'screen-title' },
    h(
      'div',
      { class: 'lobby-main' },
      h('p', { class: 'eyebrow' }, 'Workshop · ', view.scenario.title),
      h('h2', { id: 'screen-title' }, 'Join on your phone'),
      h(
        'ol',
        { class: 'lobby-steps' },
        short
          ? h('li', {}, h('span', { class: 'lobby-step-label' }, 'Open '), addressText(short.join))
          : h('li', {}, h('span', { class: 'lobby-step-label' }, 'Scan the QR code')),
        h(
          'li',
          {},
          h('span', { class: 'lobby-step-label' }, 'Type the room code '),
          h('strong', { class: 'lobby-code', 'data-room-code': '' }, view.code),
        ),
        h('li', {}, h('span', { class: 'lobby-step-label' }, 'Pick a nickname: only the facilitator sees it')),
      ),
      short
        ? h(
            'p',
            { class: 'lobby-also' },
            'Or scan the QR code, or open ',
            addressText(short.room, 'short-address-url lobby-room-address'),
            ' (the code is in it).',
          )
        : null,
    ),
    h(
      'aside',
      { class: 'lobby-side', 'aria-label': 'Joining' },
      qrCode(joinUrl, `QR code for the join link ${joinUrl}`),
      h(
        'p',
        { class: 'lobby-count' },
        h('strong', { 'data-participants': '' }, String(view.participants)),
        ' joined so far',
      ),
      h(
        'p',
        { class: 'lobby-next' },
        view.status === 'paused' ? 'The session is paused.' : 'The first vote opens when your facilitator is ready.',
      ),
    ),
  );
}
