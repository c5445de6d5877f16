/**
 * One page of the room's debrief at its ending, the same on the projector, the facilitator's
 * laptop and the phones: the room's path on the branch map beside the paths it did not take,
 * where it parted from what the source reports, how each vote split, then the scenario's common
 * questions and the ending's own.
 */
import { branchLayout, type BranchLayout } from '../../../engine/branch-map-layout.ts';
import type { OptionView, ScenarioIndex } from '../../../engine/view.ts';
import { matchesReported } from '../../../workshop/debrief.ts';
import type { DebriefPart, DebriefStep, DebriefView } from '../../../workshop/protocol.ts';
import { h } from '../../dom.ts';
import { branchMapDrawing } from '../../screens/branch-map.ts';
import { voteChart, votesCaption } from './vote-chart.ts';

export const DEBRIEF_TITLES: Record<DebriefPart, string> = {
  path: 'The room’s path, and the paths not taken',
  reported: 'Where the room parted from what happened',
  votes: 'How the room voted',
  common: 'Questions for every ending',
  questions: 'Questions for this ending',
};

const layouts = new WeakMap<ScenarioIndex, BranchLayout>();

export function debriefBlock(debrief: DebriefView, index: ScenarioIndex | undefined): HTMLElement[] {
  const part = debrief.parts[debrief.page]!;
  return [
    h(
      'p',
      { class: 'eyebrow' },
      `Debrief · ${debrief.page + 1} of ${debrief.parts.length} · Ending: ${debrief.endingTitle}`,
    ),
    h('h2', { id: 'screen-title' }, DEBRIEF_TITLES[part]),
    h('div', { class: `debrief-page page-${part}`, 'data-debrief': part }, pageContent(part, debrief, index)),
  ];
}

function pageContent(
  part: DebriefPart,
  debrief: DebriefView,
  index: ScenarioIndex | undefined,
): Array<HTMLElement | null> {
  switch (part) {
    case 'path':
      return [pathDrawing(debrief, index), pathList(debrief.steps)];
    case 'reported':
      return reportedPage(debrief.steps);
    case 'votes':
      return debrief.steps.map(voteSplit);
    case 'common':
      return [questionList(debrief.common)];
    case 'questions':
      return [questionList(debrief.questions)];
  }
}

/** The whole scenario as the branch map draws it: the room's points lit, its edges drawn bold, the ones it passed by dashed. */
function pathDrawing(debrief: DebriefView, index: ScenarioIndex | undefined): HTMLElement | null {
  if (!index) return null;
  let layout = layouts.get(index);
  if (!layout) layouts.set(index, (layout = branchLayout(index.scenario)));
  const onPath = new Set([...debrief.steps.map((s) => s.decisionId), debrief.endingId]);
  // An option with conditional routes has an edge per target: only the one the room went along is its path.
  const chosen = new Set(
    debrief.steps.map(
      (s, i) => `${s.decisionId} ${s.optionId} ${debrief.steps[i + 1]?.decisionId ?? debrief.endingId}`,
    ),
  );
  const passedBy = new Set(debrief.steps.flatMap((s) => s.untaken.map((o) => `${s.decisionId} ${o.id}`)));
  const svg = branchMapDrawing(
    layout,
    (node) => (node.id === debrief.endingId ? 'current' : onPath.has(node.id) ? 'explored' : 'unexplored'),
    {
      edgeClass: (edge) =>
        chosen.has(`${edge.from} ${edge.option} ${edge.to}`)
          ? 'room-edge'
          : passedBy.has(`${edge.from} ${edge.option}`)
            ? 'untaken-edge'
            : undefined,
    },
  );
  return h(
    'figure',
    { class: 'debrief-map' },
    h('div', { class: 'branch-map-scroll debrief-map-frame' }, svg),
    h(
      'figcaption',
      { class: 'fine-print' },
      'Lit: the points the room passed; outlined: its ending. Bold lines: the room’s choices; dashed: options it did not take.',
    ),
  );
}

function pathList(steps: DebriefStep[]): HTMLElement {
  return h(
    'ol',
    { class: 'debrief-path' },
    steps.map((step) =>
      h(
        'li',
        { 'data-step': step.step },
        h('strong', {}, step.decisionTitle),
        ': ',
        h('span', { class: 'debrief-chosen' }, step.optionLabel),
        step.override ? h('span', { class: 'fine-print' }, ' (the facilitator’s choice)') : null,
        step.untaken.length > 0
          ? h('p', { class: 'debrief-untaken' }, 'Not taken: ', step.untaken.map((o) => o.label).join(' · '))
          : null,
      ),
    ),
  );
}

function reportedPage(steps: DebriefStep[]): HTMLElement[] {
  const judged = steps.filter((s) => matchesReported(s) !== undefined);
  const parted = judged.filter((s) => matchesReported(s) === false);
  return [
    h(
      'p',
      { class: 'debrief-summary' },
      judged.length === 0
        ? 'The source reports none of the decisions on this path.'
        : parted.length === 0
          ? judged.length === 1
            ? 'At the one decision the source reports, the room chose what happened.'
            : `At all ${judged.length} decisions the source reports, the room chose what happened.`
          : `The room chose differently from what the source reports at ${parted.length} of ${judged.length} decisions.`,
    ),
    h(
      'ol',
      { class: 'debrief-reported' },
      steps.map((step) => {
        const same = matchesReported(step);
        return h(
          'li',
          {
            class: same === undefined ? 'not-reported' : same ? 'same-as-reported' : 'differs-from-reported',
            'data-step': step.step,
          },
          h('strong', {}, step.decisionTitle),
          h(
            'p',
            {},
            h('span', { class: 'debrief-mark', 'aria-hidden': 'true' }, same === undefined ? '–' : same ? '=' : '≠'),
            ' The room: ',
            h('span', { class: 'debrief-chosen' }, step.optionLabel),
          ),
          h(
            'p',
            {},
            same === undefined
              ? 'The source reports no decision here: every option is a position, an analysis or a hypothesis.'
              : [
                  same ? 'As the source reports' : 'The source reports',
                  same && step.reported.length === 1
                    ? '.'
                    : [
                        ': ',
                        h('span', { class: 'debrief-reported-label' }, step.reported.map((o) => o.label).join(' or ')),
                        '.',
                      ],
                ],
          ),
        );
      }),
    ),
  ];
}

function voteSplit(step: DebriefStep): HTMLElement {
  const options: OptionView[] = step.votes.options.map((o, i) => ({
    id: o.id,
    number: i + 1,
    label: o.label,
    evidence: 'reported',
    citations: [],
  }));
  const counts = Object.fromEntries(step.votes.options.map((o) => [o.id, o.count]));
  return h(
    'section',
    { class: 'debrief-vote', 'data-step': step.step },
    h('h3', {}, step.decisionTitle),
    voteChart(options, counts, { caption: votesCaption(step.votes.total), majority: step.votes.majority }),
    h(
      'p',
      { class: 'fine-print' },
      'The room took: ',
      h('strong', {}, step.optionLabel),
      step.override ? [' — the facilitator’s choice: ', h('q', {}, step.override.reason)] : null,
    ),
  );
}

function questionList(questions: string[]): HTMLElement {
  return h(
    'ol',
    { class: 'debrief-questions' },
    questions.map((q) => h('li', {}, q)),
  );
}
