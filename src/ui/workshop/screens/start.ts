/** The workshop's front door: run a session (online or offline) of a scenario, or join one. */
import type { CatalogEntry } from '../../../engine/catalog.ts';
import { h } from '../../dom.ts';
import { scenarioCards } from '../../parts/scenario-cards.ts';

export interface StartActions {
  host: (scenario: string) => void;
  offline: (scenario: string) => void;
  /** Set the scenario as an assignment (homework at each student's pace); no button without it. */
  assign?: (scenario: string) => void;
  join: () => void;
}

export function startScreen(
  catalog: CatalogEntry[],
  problem: string | undefined,
  busy: boolean,
  actions: StartActions,
): HTMLElement {
  return h(
    'article',
    { class: 'screen start-screen', 'aria-labelledby': 'screen-title' },
    h('h2', { id: 'screen-title' }, 'Workshop'),
    h(
      'p',
      { class: 'lead' },
      'Lead a room through a scenario: the decision on the projector, everyone votes from a phone, you reveal the result, the class discusses, and the session goes on — or goes back to try the branch the room rejected.',
    ),
    h(
      'p',
      { class: 'back-to-game' },
      'Playing alone, at your own pace? ',
      h('a', { href: 'index.html' }, 'Back to the game'),
    ),
    problem ? h('p', { class: 'form-problem', role: 'alert' }, problem) : null,
    h('h3', {}, 'Run a session'),
    // Where a facilitator looks when the room has no network: beside the buttons that start a session.
    h(
      'section',
      { class: 'no-network', 'aria-labelledby': 'no-network-title' },
      h('h4', { id: 'no-network-title' }, 'No network in the room?'),
      h(
        'p',
        {},
        'Choose “Offline, with hand counts” on the scenario. It runs in this browser alone: you show it on the projector, the room votes by raising hands, and you type in the count for each option. Nobody needs a phone, and the record you download is the same.',
      ),
    ),
    scenarioCards(catalog, {
      heading: 'h4',
      headingClass: 'card-title',
      sources: false,
      actions: (entry) => [
        h(
          'button',
          { type: 'button', class: 'primary-button', disabled: busy, onclick: () => actions.host(entry.id) },
          'Start a session',
          h('span', { class: 'visually-hidden' }, ` of ${entry.title}`),
        ),
        h(
          'button',
          { type: 'button', onclick: () => actions.offline(entry.id) },
          'Offline, with hand counts',
          h('span', { class: 'visually-hidden' }, ` of ${entry.title}`),
        ),
        actions.assign
          ? h(
              'button',
              { type: 'button', onclick: () => actions.assign?.(entry.id) },
              'Set as an assignment',
              h('span', { class: 'visually-hidden' }, ` of ${entry.title}`),
            )
          : null,
      ],
    }),
    h('h3', {}, 'Take part'),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: actions.join }, 'Join with a room code')),
    h(
      'p',
      { class: 'fine-print' },
      'On a phone, the facilitator’s screen shows the address to open and the room code.',
    ),
  );
}
