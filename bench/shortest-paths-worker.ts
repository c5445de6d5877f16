/**
 * Runs @xstate/graph's getShortestPaths in a worker thread, so the bench can stop it at a time cap.
 * Compiles the scenario it is sent as the bench does, then times only the getShortestPaths call.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getShortestPaths } from '@xstate/graph';
import { compileScenario, type GameEvent } from '../src/engine/compile.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { time } from './measure.ts';

const scenario = workerData as Scenario;
const machine = compileScenario(scenario);
const eventsAt = new Map(
  scenario.decisions.map((d) => [d.id, d.options.map((o): GameEvent => ({ type: 'CHOOSE', option: o.id }))]),
);
const { result, ms, cpuMs } = time(() =>
  getShortestPaths(machine, {
    // Only the events a state can take, and states told apart by decision point and world (not by
    // the path walked): the same configurations the engine's analysis explores.
    events: (snapshot) => eventsAt.get(snapshot.context.at) ?? [],
    serializeState: (snapshot) => `${snapshot.context.at}|${JSON.stringify(snapshot.context.world)}`,
  }),
);
parentPort!.postMessage({ ms, cpuMs, states: result.length });
