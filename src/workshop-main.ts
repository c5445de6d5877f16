/**
 * Entry point of the workshop page (workshop.html): the facilitator's controls, the projector's
 * view, the participants' phones and the offline mode, all drawn from the same DOM pieces as the game.
 */
import './ui/zod-without-eval.ts';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/source-serif-4/400.css';
import './ui/styles.css';
import './ui/workshop/workshop.css';
import './ui/workshop/room-moments.css';
import './ui/workshop/joining.css';
import { catalog, loaders } from 'virtual:branchpoint/catalog';
import { SourcePanel } from './ui/source-panel.ts';
import { WorkshopApp } from './ui/workshop/workshop-app.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

try {
  new WorkshopApp({
    content: byId('content'),
    topbar: byId('topbar'),
    announcer: byId('announcer'),
    sources: new SourcePanel(byId<HTMLDialogElement>('source-panel')),
    catalog,
    loadScenario: async (id) => (Object.hasOwn(loaders, id) ? (await loaders[id]!()).default : undefined),
    loadStage: async () => (await import('./game/stage.ts')).mountStage,
  }).start();
} catch (error) {
  console.error(error);
  byId('content').textContent = 'Something went wrong while starting the workshop page. Reload the page to try again.';
}
