/** The briefing: who the actors are, the starting state, and the sources with their dates. */
import type { ScenarioIndex } from '../../engine/view.ts';
import { initialWorld } from '../../engine/world.ts';
import { h } from '../dom.ts';
import { meterList } from '../parts/meters.ts';
import { mapKey } from '../parts/map-key.ts';
import { confirmButton } from '../parts/confirm.ts';
import type { ShowSource } from '../parts/citation.ts';
import { formatRoute } from '../routes.ts';
import { Glossary } from '../parts/glossary.ts';

export interface BriefingActions {
  /** Starts the game afresh. */
  begin: () => void;
  /** Goes back to the game in progress, as it is; absent when there is none. */
  resume?: () => void;
  readSource: (sourceId: string, opener: HTMLElement) => void;
  showSource: ShowSource;
}

export function briefingScreen(index: ScenarioIndex, actions: BriefingActions): HTMLElement {
  const { scenario } = index;
  const world = initialWorld(scenario);
  const glossary = new Glossary(scenario.teacher?.glossary);
  // Hidden variables steer the story unseen: students never see them, here or in the game.
  const shown = scenario.variables.filter((v) => !v.hidden);
  const meters = shown.map((v) => ({
    id: v.id,
    label: v.label,
    description: v.description,
    value: world[v.id]!,
    min: v.min,
    max: v.max,
    change: 0,
  }));
  return h(
    'article',
    { class: 'screen briefing-screen', 'aria-labelledby': 'screen-title' },
    h('p', { class: 'eyebrow' }, 'Briefing'),
    h('h2', { id: 'screen-title' }, scenario.title),
    h('p', { class: 'lead' }, glossary.text(scenario.summary)),
    h(
      'div',
      { class: 'actions' },
      actions.resume ? continueOrRestart(actions.resume, actions.begin) : beginButton(actions.begin),
    ),
    h(
      'section',
      { 'aria-labelledby': 'actors-title' },
      h('h3', { id: 'actors-title' }, 'Who decides'),
      h(
        'ul',
        { class: 'actor-list' },
        scenario.actors.map((a) =>
          h('li', {}, h('strong', {}, a.name), a.description ? [' — ', glossary.text(a.description)] : ''),
        ),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'start-title' },
      h('h3', { id: 'start-title' }, 'Where things stand'),
      meterList(meters, 'Starting state'),
      h(
        'ul',
        { class: 'meter-notes' },
        shown
          .filter((v) => v.description)
          .map((v) => h('li', {}, h('strong', {}, v.label), ': ', glossary.text(v.description ?? ''))),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'sources-title' },
      h('h3', { id: 'sources-title' }, 'Sources'),
      h(
        'ul',
        { class: 'source-list' },
        scenario.sources.map((s) => {
          const button = h('button', { type: 'button', class: 'link-button' }, 'Read the source');
          button.addEventListener('click', () => actions.readSource(s.id, button));
          return h(
            'li',
            {},
            h('strong', {}, s.title),
            [s.publisher, s.date].filter(Boolean).length
              ? ` (${[s.publisher, s.date].filter(Boolean).join(', ')})`
              : '',
            ' ',
            button,
          );
        }),
      ),
    ),
    mapKey(index, actions.showSource),
    scenario.educatorNotes
      ? h(
          'details',
          { class: 'educator-notes' },
          h('summary', {}, 'Notes for educators'),
          h('p', { class: 'prewrap' }, scenario.educatorNotes),
        )
      : null,
    'teacher' in scenario
      ? h(
          'p',
          { class: 'guide-links' },
          'For the class, ready to print: ',
          h('a', { href: formatRoute({ screen: 'guide', scenario: scenario.id }) }, "Teacher's guide"),
          ' · ',
          h('a', { href: formatRoute({ screen: 'handout', scenario: scenario.id }) }, 'Student handout'),
        )
      : null,
  );
}

const beginButton = (begin: () => void) =>
  h('button', { type: 'button', class: 'primary-button', id: 'begin-button', onclick: begin }, 'Begin');

/** A game in progress is never replaced by one click: going on is the first choice, starting again asks first. */
function continueOrRestart(resume: () => void, begin: () => void): HTMLElement[] {
  return [
    h('button', { type: 'button', class: 'primary-button', id: 'continue-game', onclick: resume }, 'Continue'),
    ...confirmButton(
      'Start again',
      {
        title: 'Start again?',
        text: 'Your game so far is replaced by a new one from the first decision. The endings you found stay found.',
        yes: 'Yes, start again',
        no: 'Keep my game',
      },
      begin,
    ),
  ];
}
