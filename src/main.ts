/**
 * Entry point. The text layer starts at once from the precompiled scenario JSON; Phaser loads
 * afterwards, so students can read and choose while the stage is still on its way.
 */
import './ui/zod-without-eval.ts';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/source-serif-4/400.css';
import './ui/styles.css';
import { catalog, loaders } from 'virtual:branchpoint/catalog';
import { App } from './ui/app.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// An assignment link (/?assignment=CODE): the student's nickname first, then this same game, recorded.
const assignmentCode = new URLSearchParams(location.search).get('assignment');
const assignment = assignmentCode
  ? await (await import('./ui/assignment/student.ts')).prepareAssignment(assignmentCode, byId('content'))
  : undefined;
if (assignment && !location.hash.startsWith(`#/s/${assignment.scenarioId}`))
  history.replaceState(null, '', `${location.pathname}${location.search}#/s/${assignment.scenarioId}/play`);

const app = new App(
  {
    content: byId('content'),
    topbar: byId('topbar'),
    stage: byId('stage'),
    announcer: byId('announcer'),
    sourcePanel: byId<HTMLDialogElement>('source-panel'),
  },
  {
    catalog,
    loadScenario: async (id) => (Object.hasOwn(loaders, id) ? (await loaders[id]!()).default : undefined),
    loadStage: async () => (await import('./game/stage.ts')).mountStage,
    workshopHref: 'workshop.html',
    loadAuthoring: async () => (await import('./ui/authoring/authoring-ui.ts')).createAuthoring,
    ...(assignment ? { listener: assignment.listener, resumeFrom: assignment.resumeFrom } : {}),
  },
);

// Under Vite's dev server (npm run dev, npm run preview:scenario): scenario edits reach the open page.
if (import.meta.hot)
  void import('./ui/authoring/live-scenarios.ts').then((live) => live.followScenarioEdits(app, import.meta.hot!));

app.start().catch((error: unknown) => {
  console.error(error);
  const content = byId('content');
  content.textContent =
    'Something went wrong while starting Branchpoint. Reload the page to try again; your saved games are kept.';
});
