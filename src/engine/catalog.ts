/** What the title screen lists about a scenario, without loading the whole of it. */
import type { ScenarioBundle } from '../scenario/validate.ts';

export interface CatalogEntry {
  id: string;
  title: string;
  summary: string;
  language: string;
  decisions: number;
  endings: number;
  sources: Array<{ title: string; publisher?: string; date?: string }>;
}

export function catalogEntry({ scenario }: ScenarioBundle): CatalogEntry {
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    language: scenario.language,
    decisions: scenario.decisions.length,
    endings: scenario.endings.length,
    sources: scenario.sources.map((s) => ({
      title: s.title,
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.date ? { date: s.date } : {}),
    })),
  };
}
