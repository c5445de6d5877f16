/** The title screen: every scenario found, and a way to continue a saved game. */
import type { CatalogEntry } from '../../engine/catalog.ts';
import { h } from '../dom.ts';
import { scenarioCards } from '../parts/scenario-cards.ts';

export interface TitleActions {
  open: (scenario: string) => void;
  resume: (scenario: string) => void;
  hasSave: (scenario: string) => boolean;
  /** Opens a scenario from the author's own files, where the page offers that. */
  openFile?: () => void;
  /** Opens the editor in the page, where the page offers it. */
  edit?: () => void;
  /** Where a facilitator starts a workshop; absent where there is no session server (the one-file player). */
  workshopHref?: string;
}

export function titleScreen(catalog: CatalogEntry[], actions: TitleActions): HTMLElement {
  return h(
    'article',
    { class: 'screen title-screen', 'aria-labelledby': 'screen-title' },
    h('h2', { id: 'screen-title' }, 'Choose a scenario'),
    h(
      'p',
      { class: 'lead' },
      'Step through the decisions of a real event. Every branch shows the exact words of the source it rests on, and says whether it is reported fact, someone’s stated position, an analyst’s judgement or a hypothetical.',
    ),
    scenarioCards(catalog, {
      heading: 'h3',
      sources: true,
      actions: (entry) => {
        const saved = actions.hasSave(entry.id);
        return [
          saved
            ? h(
                'button',
                { type: 'button', class: 'primary-button', onclick: () => actions.resume(entry.id) },
                'Continue',
                h('span', { class: 'visually-hidden' }, ` ${entry.title}`),
              )
            : null,
          h(
            'button',
            { type: 'button', class: saved ? '' : 'primary-button', onclick: () => actions.open(entry.id) },
            saved ? 'Start again' : 'Start',
            h('span', { class: 'visually-hidden' }, ` ${entry.title}`),
          ),
        ];
      },
    }),
    actions.workshopHref
      ? h(
          'p',
          { class: 'open-own' },
          'Leading a class? ',
          h('a', { href: actions.workshopHref }, 'Run a workshop'),
          ': the room votes from phones while the decision shows on the projector.',
        )
      : null,
    actions.openFile
      ? h(
          'p',
          { class: 'open-own' },
          'Wrote your own? ',
          h(
            'button',
            { type: 'button', class: 'link-button', onclick: actions.openFile },
            'Open a scenario from your computer',
          ),
          ' to check and play it here',
          actions.edit
            ? [
                ', or ',
                h('button', { type: 'button', class: 'link-button', onclick: actions.edit }, 'write one in the page'),
                ' with no YAML to type.',
              ]
            : '.',
        )
      : null,
  );
}
