/**
 * Which screen each address shows, drawn from the one view model of this render. The switch over
 * routes is exhaustive: a new route that is not handled here does not compile.
 */
import type { CatalogEntry } from '../engine/catalog.ts';
import { branchLayout } from '../engine/branch-map-layout.ts';
import { exploredPoints, reachablePoints } from '../engine/reachability.ts';
import { playthroughMarkdown } from '../engine/summary.ts';
import type { GameView } from '../engine/view.ts';
import { exhaustive } from '../lib/assert.ts';
import type { AuthoringBridge } from './authoring-bridge.ts';
import { downloadFile } from './download.ts';
import type { ShowSource } from './parts/citation.ts';
import type { PlaySession } from './play-session.ts';
import { formatRoute, type Route } from './routes.ts';
import type { ShellEvent, ShellState } from './shell-state.ts';
import type { SourcePanel } from './source-panel.ts';
import { hasSavedGame } from './storage.ts';
import { branchMapScreen } from './screens/branch-map.ts';
import { briefingScreen } from './screens/briefing.ts';
import { compareScreen } from './screens/compare.ts';
import { debriefScreen } from './screens/debrief.ts';
import { decisionScreen } from './screens/decision.ts';
import { guideScreen } from './screens/guide.ts';
import { labelsScreen } from './screens/labels.ts';
import { outcomeScreen } from './screens/outcome.ts';
import { titleScreen } from './screens/title.ts';

/** What screens may ask of the page. */
export interface Shell {
  navigate(route: Route): void;
  dispatch(event: ShellEvent): void;
  /** Runs a change to the game for the student (the notice is then seen), records what it returns, redraws. */
  act(change: () => ShellEvent | void): void;
  choose(option: string): void;
}

export interface ScreenContext {
  route: Route;
  session: PlaySession | undefined;
  /** The session's view, computed once for this render. */
  view: GameView | undefined;
  state: ShellState;
  catalog: CatalogEntry[];
  workshopHref: string | undefined;
  authoring: AuthoringBridge;
  sources: SourcePanel;
  shell: Shell;
}

/** A screen of a scenario's game: the session and its view are there. */
interface GameContext extends ScreenContext {
  session: PlaySession;
  view: GameView;
}

export function screenFor(context: ScreenContext): HTMLElement {
  const { route, session, view, authoring } = context;
  const game: GameContext | undefined = session && view ? { ...context, session, view } : undefined;
  switch (route.screen) {
    case 'title':
      return title(context);
    case 'open':
      return authoring.screen((tools) => tools.openScreen());
    case 'edit':
      return authoring.screen((tools) => tools.editorScreen());
    case 'briefing':
      return game ? briefing(game) : title(context);
    case 'guide':
    case 'handout': {
      if (!game) return title(context);
      const { id, index } = game.session;
      const other = route.screen === 'guide' ? 'handout' : 'guide';
      return guideScreen(index.bundle, route.screen === 'guide' ? 'teacher' : 'student', {
        other: formatRoute({ screen: other, scenario: id }),
        briefing: formatRoute({ screen: 'briefing', scenario: id }),
      });
    }
    case 'map':
      return game ? branchMap(game) : title(context);
    case 'compare':
      return game
        ? compareScreen(game.session.index, game.session.progress.playthroughs, () => backToGame(game))
        : title(context);
    case 'labels':
      return game ? labelsScreen(() => backToGame(game)) : title(context);
    case 'structure':
      return game
        ? authoring.screen((tools) => tools.structureScreen(game.session.index.bundle, pointOf(game.view)))
        : title(context);
    // The App turns a shared link into the play address before it draws.
    case 'link':
    case 'play':
      return game ? play(game) : title(context);
    default:
      return exhaustive(route, 'route');
  }
}

export const pointOf = (view: GameView) => (view.kind === 'decision' ? view.decisionId : view.endingId);

const backToGame = ({ shell, session }: GameContext) => shell.navigate({ screen: 'play', scenario: session.id });

function title({ catalog, authoring, workshopHref, shell }: ScreenContext): HTMLElement {
  return titleScreen(authoring.catalog(catalog), {
    open: (id) => shell.navigate({ screen: 'briefing', scenario: id }),
    resume: (id) => shell.navigate({ screen: 'play', scenario: id }),
    hasSave: (id) => hasSavedGame(id),
    openFile: authoring.canOpenFiles ? () => shell.navigate({ screen: 'open' }) : undefined,
    edit: authoring.canOpenFiles ? () => shell.navigate({ screen: 'edit' }) : undefined,
    workshopHref,
  });
}

function showSourceOf({ sources, session }: GameContext): ShowSource {
  return (citation, opener) => sources.open(session.index, citation.sourceId, opener, citation);
}

function briefing(game: GameContext): HTMLElement {
  const { session, view, sources, shell } = game;
  return briefingScreen(session.index, {
    begin: () => {
      session.restart();
      shell.dispatch({ type: 'placed' });
      backToGame(game);
    },
    // Back, Forward and the top bar lead here mid-game: the game in progress is offered as it is.
    resume: view.path.length > 0 ? () => backToGame(game) : undefined,
    readSource: (id, opener) => sources.open(session.index, id, opener),
    showSource: showSourceOf(game),
  });
}

function branchMap(game: GameContext): HTMLElement {
  const { session, view, shell } = game;
  const { scenario } = session.index;
  return branchMapScreen(
    {
      layout: branchLayout(scenario),
      current: pointOf(view),
      explored: exploredPoints(scenario, session.progress),
      // A point can be jumped to when a known sequence of choices leads there.
      reachable: reachablePoints(session.index.rules, [
        session.chosen(),
        ...session.progress.playthroughs.map((p) => p.options),
      ]),
    },
    {
      goTo: (options) => {
        session.goTo(options);
        shell.dispatch({ type: 'placed' });
        backToGame(game);
      },
      back: () => backToGame(game),
    },
  );
}

/** The game screen: the outcome being read, the ending, or the decision. */
function play(game: GameContext): HTMLElement {
  const { session, view, state, shell } = game;
  const showSource = showSourceOf(game);
  const glossary = session.index.scenario.teacher?.glossary;
  const pathActions = {
    rewindTo: (step: number) => shell.act(() => session.rewindTo(step)),
    tryInstead: (step: number, option: string) =>
      shell.act(() => {
        session.rewindTo(step);
        return { type: 'chose', accepted: session.choose(option) };
      }),
  };
  const last = view.path[view.path.length - 1];
  if (state.showingOutcome && last) {
    return outcomeScreen(last, view.meters, view.kind === 'ending' ? 'See the ending' : 'Next decision', {
      next: () => shell.act(() => ({ type: 'outcome-read' })),
      showSource,
      glossary,
    });
  }
  if (view.kind === 'ending') {
    const { progress, index } = session;
    return debriefScreen(
      view,
      {
        endings: progress.endings.length,
        total: index.scenario.endings.length,
        playthroughs: progress.playthroughs.length,
      },
      {
        ...pathActions,
        showSource,
        download: () =>
          downloadFile(
            `${session.id}-summary.md`,
            playthroughMarkdown(index.scenario, view, progress.endings.length),
            'text/markdown',
          ),
        print: () => window.print(),
        openMap: () => shell.navigate({ screen: 'map', scenario: session.id }),
        openCompare: () => shell.navigate({ screen: 'compare', scenario: session.id }),
        playAgain: () => shell.act(() => session.restart()),
        glossary,
      },
    );
  }
  const screen = decisionScreen(view, {
    ...pathActions,
    choose: (option) => shell.choose(option),
    showSource,
    labelsHref: formatRoute({ screen: 'labels', scenario: session.id }),
    glossary,
  });
  markInteractive();
  return screen;
}

function markInteractive(): void {
  if (performance.getEntriesByName('branchpoint:first-decision').length === 0) {
    // After this frame's layout the options can be chosen; benchmarks read this mark.
    requestAnimationFrame(() => performance.mark('branchpoint:first-decision'));
  }
}
