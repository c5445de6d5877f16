/// <reference types="vite/client" />
declare module 'virtual:branchpoint/catalog' {
  import type { CatalogEntry } from './engine/catalog.ts';
  import type { ScenarioBundle } from './scenario/validate.ts';
  export const catalog: CatalogEntry[];
  export const loaders: Record<string, () => Promise<{ default: ScenarioBundle }>>;
}
