/**
 * Checks opened files in a Web Worker (check-worker.ts), or on the main thread where a worker
 * cannot start (a page opened from file://, a browser that refuses module workers). Either way the
 * result is openScenario's, with the files attached again.
 */
import type { OpenedFile } from '../../authoring/file-set.ts';
import type { OpenOutcome } from '../../authoring/open-scenario.ts';
import type { CheckRequest } from './check-worker.ts';

export async function checkOffThread(files: OpenedFile[], pick?: string): Promise<OpenOutcome> {
  const outcome =
    (await inWorker({ files, pick })) ?? (await import('../../authoring/open-scenario.ts')).openScenario(files, pick);
  return outcome.kind === 'checked' || outcome.kind === 'choose'
    ? { ...outcome, files: outcome.files.length ? outcome.files : files }
    : outcome;
}

function inWorker(request: CheckRequest): Promise<OpenOutcome | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const done = (outcome: OpenOutcome | undefined) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = (event: MessageEvent<OpenOutcome>) => done(event.data);
    // A worker that fails to load (or crashes) is no verdict on the files: check them here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      done(undefined);
    };
    worker.postMessage(request);
  });
}
