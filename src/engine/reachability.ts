/**
 * What a student can go back to on the branch map: the points they have seen, and for each point a
 * known sequence of choices that leads there. Pure: it reads the scenario and the student's
 * progress, and never runs the machine (the choices are replayed, and checked, when used).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Progress } from './progress.ts';
import { pointsAlong, type Rules } from './rules.ts';

/** Decision points and endings the student has been at: the start, every point chosen at, every ending found. */
export function exploredPoints(scenario: Scenario, progress: Progress): Set<string> {
  const explored = new Set<string>([scenario.start, ...progress.endings]);
  for (const choice of progress.choices) explored.add(choice.split('/')[0]!);
  return explored;
}

/**
 * For every point that one of `paths` (sequences of option ids from the start) passes through or
 * ends at, the choices that lead there: the first path listed that reaches a point wins, and
 * within a path its earliest visit. Routes may depend on the whole path, so the points are found
 * by following the scenario's rules; a choice the game would refuse ends the path there.
 */
export function reachablePoints(rules: Rules, paths: readonly (readonly string[])[]): Map<string, string[]> {
  const reachable = new Map<string, string[]>();
  for (const options of paths) {
    pointsAlong(rules, options).forEach((at, i) => {
      if (!reachable.has(at)) reachable.set(at, options.slice(0, i));
    });
  }
  return reachable;
}
