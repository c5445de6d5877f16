/** getShortestPaths on the compiled machine, stopped at a time cap: it can take minutes at 10,000 states. */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../src/scenario/schema.ts';

export type ShortestPathsTiming =
  { finished: true; ms: number; cpuMs: number; states: number } | { finished: false; ms: number; capMs: number };

export function timeShortestPaths(scenario: Scenario, capMs: number): Promise<ShortestPathsTiming> {
  return new Promise((resolve, reject) => {
    // Node 20 does not pass tsx's loader on to a worker's entry file, so the worker registers it first.
    const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const entry = JSON.stringify(new URL('./shortest-paths-worker.ts', import.meta.url).href);
    const bootstrap = `import(${tsx}).then((tsx) => tsx.register()).then(() => import(${entry}))`;
    const worker = new Worker(bootstrap, { eval: true, workerData: scenario });
    const started = performance.now();
    const settle = (outcome: ShortestPathsTiming | Error) => {
      clearTimeout(timer);
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    // The cap counts from the worker's start, so it also covers compiling the machine: a cap hit is a lower bound.
    const timer = setTimeout(() => settle({ finished: false, ms: performance.now() - started, capMs }), capMs);
    worker.once('message', (message: { ms: number; cpuMs: number; states: number }) =>
      settle({ finished: true, ...message }),
    );
    worker.once('error', settle);
  });
}
