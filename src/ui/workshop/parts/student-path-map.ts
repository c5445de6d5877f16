/**
 * One student's path on the scenario's branch map, for the teacher's report: the decision points
 * they passed through filled, the choices they made drawn bold, the ending they reached outlined.
 * The drawing is for the eye (hidden from screen readers); the numbered list beside it in the
 * report says the same in words.
 */
import type { BranchLayout, MapEdge, MapNode } from '../../../engine/branch-map-layout.ts';
import type { AssignmentReport } from '../../../workshop/assignment-report.ts';
import { h } from '../../dom.ts';
import { branchMapDrawing } from '../../screens/branch-map.ts';

type ReportRow = AssignmentReport['students'][number];

export function studentPathMap(layout: BranchLayout, student: ReportRow): HTMLElement {
  const passed = new Set(student.path.map((step) => step.decision));
  // Each step's edge: the one into the next step's point (or the ending reached, after the last
  // step); when the option leads elsewhere by a route the map cannot tell apart, all its edges.
  const taken = new Set<MapEdge>();
  student.path.forEach((step, i) => {
    const to = student.path[i + 1]?.decision ?? student.ending?.id;
    const edges = layout.edges.filter((e) => e.from === step.decision && e.option === step.option);
    const into = edges.filter((e) => e.to === to);
    for (const edge of into.length ? into : edges) taken.add(edge);
  });
  const statusOf = (node: MapNode) =>
    node.id === student.ending?.id ? 'current' : passed.has(node.id) ? 'explored' : 'unexplored';
  return h(
    'div',
    { class: 'assignment-map', 'aria-hidden': 'true' },
    branchMapDrawing(layout, statusOf, { edgeClass: (e) => (taken.has(e) ? 'taken' : '') }),
  );
}
