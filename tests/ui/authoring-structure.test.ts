/**
 * The structure view's model and layout (pure): what it flags, the shortest routes it jumps the
 * game along (which must be real routes: replayed through the engine, they arrive), and a layout
 * from dagre that a reader can follow (no boxes on top of each other, arrows from box to box).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { replay } from '../../src/engine/game-actor.ts';
import { scenarioStructure, shortestRoutes } from '../../src/authoring/structure-graph.ts';
import { layoutStructure } from '../../src/authoring/structure-layout.ts';
import { viewOf, ScenarioIndex } from '../../src/engine/view.ts';
import { openScenario } from '../../src/authoring/open-scenario.ts';
import { checkFolder, loadBundle, repoRoot } from '../engine/helpers/load.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const fixture = (kind: 'valid' | 'invalid', name: string) => join(repoRoot, 'tests/fixtures', kind, name);

/** The scenario's shape as the page keeps it for a file with errors. */
function shapeOf(folder: string) {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({
      path: relative(folder, join(e.parentPath, e.name)).split('\\').join('/'),
      bytes: new Uint8Array(readFileSync(join(e.parentPath, e.name))),
    }));
  const outcome = openScenario(files);
  if (outcome.kind !== 'checked' || !outcome.scenario) throw new Error(`no shape for ${folder}`);
  return outcome.scenario;
}

describe('what the structure view flags', () => {
  it('an unreachable decision point', () => {
    const structure = scenarioStructure(shapeOf(fixture('invalid', 'unreachable-decision')));
    expect(structure.points.filter((p) => p.flags.length > 0).map((p) => [p.id, p.flags])).toEqual([
      ['appeal', ['unreachable']],
    ]);
  });

  it('a dead end', () => {
    const structure = scenarioStructure(shapeOf(fixture('invalid', 'dead-end-loop')));
    expect(structure.points.find((p) => p.id === 'debate')?.flags).toEqual(['dead-end']);
  });

  it('an option leading to a point that does not exist, drawn as a missing box', () => {
    const structure = scenarioStructure(shapeOf(fixture('invalid', 'unknown-next')));
    expect(structure.arrows.filter((a) => a.flags.length > 0)).toEqual([
      expect.objectContaining({ option: 'wait', to: 'trafic', flags: ['missing-target'] }),
    ]);
    expect(layoutStructure(structure).boxes.find((b) => b.id === 'trafic')?.kind).toBe('missing');
  });

  it('with the analysis: an option never offered and the ending it alone leads to', () => {
    const result = checkFolder(fixture('invalid', 'option-never-offered'));
    const structure = scenarioStructure(result.bundle!.scenario, result.analysis);
    expect(structure.arrows.filter((a) => a.flags.length > 0).map((a) => [a.option, a.flags])).toEqual([
      ['spend', ['never-offered']],
    ]);
    expect(structure.points.filter((p) => p.flags.length > 0).map((p) => [p.id, p.flags])).toEqual([
      ['costly', ['never-reached']],
    ]);
  });

  it('nothing on a sound scenario', () => {
    const bundle = loadBundle(join(repoRoot, 'scenarios/atacms-2024'));
    const structure = scenarioStructure(bundle.scenario, checkFolder(join(repoRoot, 'scenarios/atacms-2024')).analysis);
    expect(structure.points.flatMap((p) => p.flags)).toEqual([]);
    expect(structure.points.filter((p) => p.start).map((p) => p.id)).toEqual([bundle.scenario.start]);
  });
});

describe('shortest routes for jumping the game', () => {
  it('honour conditions: the costly ending needs the cheap first choice', () => {
    const routes = shortestRoutes(loadBundle(fixture('valid', 'two-decisions')).scenario);
    expect(routes.get('council')).toEqual([]);
    expect(routes.get('costly')).toEqual(['wait', 'spend']);
    expect(routes.get('safe')?.length).toBe(2);
  });

  it('lead through the engine to every point of the flagship, by the fewest choices', () => {
    const bundle = loadBundle(join(repoRoot, 'scenarios/atacms-2024'));
    const machine = compileScenario(bundle.scenario);
    const index = new ScenarioIndex(bundle);
    const routes = shortestRoutes(bundle.scenario);
    expect([...routes.keys()].sort()).toEqual(
      [...bundle.scenario.decisions.map((d) => d.id), ...bundle.scenario.endings.map((e) => e.id)].sort(),
    );
    for (const [point, options] of routes) {
      const played = replay(machine, options);
      expect(played.ok, `${point}: ${options.join(' > ')}`).toBe(true);
      if (!played.ok) continue;
      const view = viewOf(index, played.value.getSnapshot());
      expect(view.kind === 'decision' ? view.decisionId : view.endingId).toBe(point);
      played.value.stop();
    }
  });
});

describe('the layout', () => {
  const bundle = loadBundle(join(repoRoot, 'scenarios/atacms-2024'));
  const structure = scenarioStructure(bundle.scenario);
  const layout = layoutStructure(structure);

  it('places every point once, inside the drawing, with no two boxes overlapping', () => {
    expect(layout.boxes.map((b) => b.id).sort()).toEqual(structure.points.map((p) => p.id).sort());
    for (const box of layout.boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    }
    for (const [i, a] of layout.boxes.entries()) {
      for (const b of layout.boxes.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('draws every option as an arrow from its box to the next one', () => {
    expect(layout.arrows.map((a) => a.arrow)).toEqual(structure.arrows.map((_, i) => i));
    const boxOf = new Map(layout.boxes.map((b) => [b.id, b]));
    const touches = (p: { x: number; y: number }, id: string) => {
      const box = boxOf.get(id)!;
      return p.x >= box.x - 1 && p.x <= box.x + box.width + 1 && p.y >= box.y - 1 && p.y <= box.y + box.height + 1;
    };
    for (const placed of layout.arrows) {
      const arrow = structure.arrows[placed.arrow]!;
      expect(touches(placed.points[0]!, arrow.from), `${arrow.option} starts at ${arrow.from}`).toBe(true);
      expect(touches(placed.points.at(-1)!, arrow.to), `${arrow.option} ends at ${arrow.to}`).toBe(true);
    }
  });

  it('puts the start above every point it leads to', () => {
    const y = new Map(layout.boxes.map((b) => [b.id, b.y]));
    for (const arrow of structure.arrows.filter((a) => a.from === bundle.scenario.start))
      expect(y.get(arrow.to)!).toBeGreaterThan(y.get(arrow.from)!);
  });
});
