// @vitest-environment happy-dom
/**
 * A student's path on the branch map in the teacher's report (src/ui/workshop/parts/student-path-map.ts):
 * the steps' choices drawn bold into the next step and the ending, the points passed filled, the
 * ending reached outlined, and the drawing hidden from screen readers (the list says the same).
 */
import { describe, expect, it } from 'vitest';
import { branchLayout } from '../../src/engine/branch-map-layout.ts';
import { studentPathMap } from '../../src/ui/workshop/parts/student-path-map.ts';
import { smallScenario } from '../workshop/helpers.ts';

const scenario = smallScenario().index.scenario;
const layout = branchLayout(scenario);
const step = (decision: string, option: string) => ({ decision, decisionTitle: decision, option, optionLabel: option });

describe("a student's path on the branch map", () => {
  it('marks the choices made, the points passed and the ending reached', () => {
    // The first option at every point, from the start to an ending.
    const path = [];
    let at = scenario.start;
    for (let d = scenario.decisions.find((x) => x.id === at); d; d = scenario.decisions.find((x) => x.id === at)) {
      path.push(step(d.id, d.options[0]!.id));
      at = String(d.options[0]!.next);
    }
    const ending = scenario.endings.find((e) => e.id === at)!;
    const map = studentPathMap(layout, {
      nickname: 'Ada',
      joinedAt: '2026-12-01T10:00:00.000Z',
      events: 4,
      ending: { id: ending.id, title: ending.title },
      path,
      sourcesOpened: [],
    });
    expect(map.getAttribute('aria-hidden')).toBe('true');
    const taken = map.querySelectorAll('.edge.taken');
    expect(taken).toHaveLength(path.length);
    // Taken edges are drawn last, over the others.
    const edges = [...map.querySelectorAll('.edge')];
    expect(edges.slice(-path.length)).toEqual([...taken]);
    const explored = [...map.querySelectorAll('.node.explored text')].map((t) => t.textContent).join(' ');
    expect(explored).toContain('Repair the barrier?');
    expect(explored).toContain('The storm arrives');
    expect(map.querySelectorAll('.node.decision.explored')).toHaveLength(path.length);
    expect(map.querySelectorAll('.node.ending.current')).toHaveLength(1);
  });

  it('draws nothing bold for a student who has not chosen yet', () => {
    const map = studentPathMap(layout, {
      nickname: 'Idle',
      joinedAt: '2026-12-01T10:00:00.000Z',
      events: 0,
      path: [],
      sourcesOpened: [],
    });
    expect(map.querySelectorAll('.edge.taken')).toHaveLength(0);
    expect(map.querySelectorAll('.node.explored, .node.current')).toHaveLength(0);
    expect(map.querySelectorAll('.node').length).toBe(layout.nodes.length);
  });
});
