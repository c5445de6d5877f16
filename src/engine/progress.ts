/** What a student has explored of a scenario: endings found, choices tried, finished playthroughs. */
export const PROGRESS_VERSION = 1;

export interface Progress {
  version: typeof PROGRESS_VERSION;
  endings: string[];
  /** "decision/option" pairs chosen at least once. */
  choices: string[];
  /** Finished playthroughs, oldest first, for comparing paths. */
  playthroughs: Playthrough[];
}

export interface Playthrough {
  ending: string;
  options: string[];
  finishedAt: string;
}

const MAX_PLAYTHROUGHS = 20;

export const emptyProgress = (): Progress => ({
  version: PROGRESS_VERSION,
  endings: [],
  choices: [],
  playthroughs: [],
});

export const choiceKey = (decision: string, option: string) => `${decision}/${option}`;

export function recordChoice(progress: Progress, decision: string, option: string): Progress {
  const key = choiceKey(decision, option);
  return progress.choices.includes(key) ? progress : { ...progress, choices: [...progress.choices, key] };
}

export function recordEnding(progress: Progress, ending: string, options: string[], finishedAt: string): Progress {
  const same = (p: Playthrough) => p.options.join('.') === options.join('.');
  const playthroughs = [...progress.playthroughs.filter((p) => !same(p)), { ending, options, finishedAt }].slice(
    -MAX_PLAYTHROUGHS,
  );
  const endings = progress.endings.includes(ending) ? progress.endings : [...progress.endings, ending];
  return { ...progress, endings, playthroughs };
}
