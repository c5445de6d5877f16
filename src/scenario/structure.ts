/**
 * Checks of the scenario's shape as a graph of decision points and endings, ignoring world state:
 * what cannot be reached from the start, and where no ending can be reached.
 * Endings that cannot be reached are found by the engine's analysis, which also sees world state.
 */
import type { Scenario } from './schema.ts';
import { targetsOf } from './texts.ts';
import type { Reporter } from './validate.ts';

export function checkStructure(scenario: Scenario, report: Reporter): void {
  const endings = new Set(scenario.endings.map((ending) => ending.id));
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const decision of scenario.decisions) {
    // With routes, an option may lead to several places: each is a possible edge (the analysis,
    // which sees conditions, finds the ones no path takes).
    forward.set(
      decision.id,
      decision.options.flatMap((option) => targetsOf(option)),
    );
    for (const option of decision.options) {
      for (const next of targetsOf(option)) {
        const earlier = backward.get(next);
        if (earlier) earlier.push(decision.id);
        else backward.set(next, [decision.id]);
      }
    }
  }

  // An unknown start is reported as a broken reference; calling every decision point unreachable
  // because of it would bury that one error under many.
  const reached = forward.has(scenario.start) ? walk([scenario.start], forward) : new Set(forward.keys());
  const canFinish = walk([...endings], backward);

  scenario.decisions.forEach((decision, d) => {
    if (!reached.has(decision.id)) {
      report.error(
        ['decisions', d, 'id'],
        `decision point "${decision.id}" cannot be reached from the start ("${scenario.start}")`,
      );
    } else if (!canFinish.has(decision.id)) {
      report.error(
        ['decisions', d, 'id'],
        `no ending can be reached from decision point "${decision.id}": it is a dead end or a loop with no way out`,
      );
    }
  });
}

function walk(from: string[], edges: Map<string, string[]>): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  while (queue.length > 0) {
    for (const next of edges.get(queue.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
