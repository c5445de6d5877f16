/** Once per run of the end-to-end tests: build the page, serve it, and tell the tests where. */
import type { TestProject } from 'vitest/node';
import { buildAndServe } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built page's folder, for tests that serve it another way (the workshop server). */
    outDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const served = await buildAndServe();
  project.provide('baseUrl', served.url);
  project.provide('outDir', served.outDir);
  return () => served.stop();
}
