/** Once per run of the end-to-end tests: build the page, serve it, and tell the tests where. */
import type { TestProject } from 'vitest/node';
import { buildAndServe } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const served = await buildAndServe();
  project.provide('baseUrl', served.url);
  return () => served.stop();
}
