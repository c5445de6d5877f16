/**
 * One student's path on the scenario's branch map, for the teacher's report: the decision points
 * they passed through filled, the choices they made drawn bold, the ending they reached outlined.
 * The drawing is for the eye (hidden from screen readers); the numbered list beside it in the
 * report says the same in words.
 */
import type { BranchLayout, MapNode } from '../../../engine/branch-map-layout.ts';
import type { AssignmentReport } from '../../../workshop/assignment-report.ts';
import { h } from '../../dom.ts';
import { branchMapDrawing } from '../../screens/branch-map.ts';

type ReportRow = AssignmentReport['students'][number];

export function studentPathMap(layout: BranchLayout, student: ReportRow): HTMLElement {
  const passed = new Set(student.path.map((step) => step.decision));
  // Each step leads to the next step's decision point, the last one to the ending (when reached).
  const taken = new Set(
    student.path.map(
      (step, i) => `${step.decision}\n${step.option}\n${student.path[i + 1]?.decision ?? student.ending?.id ?? ''}`,
    ),
  );
  const isTaken = (from: string, option: string, to: string) =>
    taken.has(`${from}\n${option}\n${to}`) || taken.has(`${from}\n${option}\n`);
  const statusOf = (node: MapNode) =>
    node.id === student.ending?.id ? 'current' : passed.has(node.id) ? 'explored' : 'unexplored';
  return h(
    'div',
    { class: 'assignment-map', 'aria-hidden': 'true' },
    branchMapDrawing(layout, statusOf, { edgeClass: (e) => (isTaken(e.from, e.option, e.to) ? 'taken' : '') }),
  );
}
