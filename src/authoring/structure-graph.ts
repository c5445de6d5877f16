/**
 * A scenario as the author's structure view draws it: decision points and endings, every option
 * as an arrow, and what is wrong with each marked. Works on a scenario whose shape is right even
 * when its references are broken, since that is when an author most needs to see it.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Analysis } from '../engine/analyze.ts';
import { applyEffects, initialWorld, type World } from '../engine/world.ts';
import { Rules } from '../engine/rules.ts';
import { allHold, pathFacts, type Choice } from '../engine/conditions.ts';
import { targetsOf } from '../scenario/texts.ts';

export type PointFlag =
  /** No chain of options leads here from the start. */
  | 'unreachable'
  /** Reachable, but no ending can be reached from here. */
  | 'dead-end'
  /** An ending the analysis found no world state reaches (its options' conditions never allow it). */
  | 'never-reached'
  /** The analysis found a world state in which no option is offered here. */
  | 'stuck';

export type ArrowFlag =
  /** The option's `next` names no decision point or ending. */
  | 'missing-target'
  /** The option's conditions never hold in any reachable world state. */
  | 'never-offered';

export interface StructurePoint {
  id: string;
  title: string;
  kind: 'decision' | 'ending';
  start: boolean;
  flags: PointFlag[];
}

export interface StructureArrow {
  from: string;
  /** A point's id, or the id the option names when no such point exists (flagged missing-target). */
  to: string;
  option: string;
  label: string;
  flags: ArrowFlag[];
}

export interface Structure {
  points: StructurePoint[];
  arrows: StructureArrow[];
}

/** The structure, with the analysis's findings where the scenario was valid enough to analyse. */
export function scenarioStructure(scenario: Scenario, analysis?: Analysis): Structure {
  const known = new Set([...scenario.decisions.map((d) => d.id), ...scenario.endings.map((e) => e.id)]);
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const decision of scenario.decisions) {
    forward.set(decision.id, decision.options.flatMap(targetsOf));
    for (const next of decision.options.flatMap(targetsOf))
      backward.set(next, [...(backward.get(next) ?? []), decision.id]);
  }
  // An unknown start is its own error; calling every point unreachable because of it would bury it.
  const reached = forward.has(scenario.start) ? reach([scenario.start], forward) : known;
  const canFinish = reach(
    scenario.endings.map((e) => e.id),
    backward,
  );
  const stuck = new Set(analysis?.stuck.map((s) => s.decision));
  const neverReached = new Set(analysis?.unreachableEndings);
  const neverOffered = new Set(analysis?.neverOffered.map((n) => `${n.decision}/${n.option}`));

  const flagsOf = (id: string, kind: StructurePoint['kind']): PointFlag[] => {
    const flags: PointFlag[] = [];
    if (!reached.has(id)) flags.push('unreachable');
    else if (kind === 'decision' && !canFinish.has(id)) flags.push('dead-end');
    if (kind === 'ending' && reached.has(id) && neverReached.has(id)) flags.push('never-reached');
    if (stuck.has(id)) flags.push('stuck');
    return flags;
  };
  const points: StructurePoint[] = [
    ...scenario.decisions.map((d) => ({
      id: d.id,
      title: d.title,
      kind: 'decision' as const,
      start: d.id === scenario.start,
      flags: flagsOf(d.id, 'decision'),
    })),
    ...scenario.endings.map((e) => ({
      id: e.id,
      title: e.title,
      kind: 'ending' as const,
      start: false,
      flags: flagsOf(e.id, 'ending'),
    })),
  ];
  const arrows: StructureArrow[] = scenario.decisions.flatMap((d) =>
    d.options.flatMap((o) =>
      targetsOf(o).map((to) => {
        const flags: ArrowFlag[] = [];
        if (!known.has(to)) flags.push('missing-target');
        if (neverOffered.has(`${d.id}/${o.id}`)) flags.push('never-offered');
        return { from: d.id, to, option: o.id, label: o.label, flags };
      }),
    ),
  );
  return { points, arrows };
}

function reach(from: readonly string[], edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  for (let i = 0; i < queue.length; i++) {
    for (const next of edges.get(queue[i]!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** How many (point, world state) configurations the route search looks at before giving up. */
const MAX_SEARCHED = 200_000;

/**
 * For every point a player can get to, the fewest option ids that lead there from the start,
 * honouring every option's conditions and effects: one breadth-first search over (decision point,
 * world state), so the first arrival at a point is by a shortest route. Points no player can get
 * to are absent. Only for a valid scenario: every reference must resolve.
 */
export function shortestRoutes(scenario: Scenario): Map<string, string[]> {
  const rules = new Rules(scenario);
  // Conditions read the world and the set of choices made, so together they name a state.
  const key = (point: string, world: World, path: readonly Choice[]) =>
    `${point}|${scenario.variables.map((v) => world[v.id]).join(',')}|${path
      .map((s) => `${s.decision}/${s.option}`)
      .sort()
      .join(' ')}`;
  interface Visit {
    point: string;
    world: World;
    path: Choice[];
    option?: string;
    from?: Visit;
  }
  const start: Visit = { point: scenario.start, world: initialWorld(scenario), path: [] };
  const seen = new Set([key(start.point, start.world, start.path)]);
  const firstArrival = new Map<string, Visit>([[start.point, start]]);
  const queue: Visit[] = [start];
  for (let i = 0; i < queue.length && i < MAX_SEARCHED; i++) {
    const visit = queue[i]!;
    for (const option of rules.decision(visit.point)?.options ?? []) {
      if (!allHold(option.when, pathFacts(visit.world, visit.path))) continue;
      const world = applyEffects(visit.world, option.effects);
      const path = [...visit.path, { decision: visit.point, option: option.id }];
      const point = rules.route(option, pathFacts(world, path));
      if (point === undefined) continue;
      const k = key(point, world, path);
      if (seen.has(k)) continue;
      seen.add(k);
      const next: Visit = { point, world, path, option: option.id, from: visit };
      if (!firstArrival.has(next.point)) firstArrival.set(next.point, next);
      queue.push(next);
    }
  }
  const routeTo = (visit: Visit): string[] => {
    const options: string[] = [];
    for (let at: Visit | undefined = visit; at?.option !== undefined; at = at.from) options.push(at.option);
    return options.reverse();
  };
  return new Map([...firstArrival].map(([point, visit]) => [point, routeTo(visit)]));
}
