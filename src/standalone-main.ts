/**
 * Entry point of the single-file player (standalone.html, built by vite.standalone.config.ts):
 * the same page as src/main.ts, but its one scenario comes from the JSON element the export
 * wrote into the file, not from the build's catalog, and nothing is fetched from anywhere.
 */
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/source-serif-4/400.css';
import './ui/styles.css';
import { catalogEntry } from './engine/catalog.ts';
import { BUNDLE_ELEMENT_ID, readEmbeddedBundle } from './authoring/standalone-bundle.ts';
import { App } from './ui/app.ts';
import { connectPlayer } from './lms/player-bridge.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const content = byId('content');
const embedded = readEmbeddedBundle(document.getElementById(BUNDLE_ELEMENT_ID)?.textContent);

if (!embedded.ok) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = embedded.error;
  content.replaceChildren(message);
} else {
  const bundle = embedded.value;
  // A learning platform (SCORM), a learning record store (xAPI, cmi5) and the host page hear of each choice.
  const bridge = connectPlayer(window, bundle);
  if (bridge.startHash && !location.hash) history.replaceState(null, '', bridge.startHash);
  const app = new App(
    {
      content,
      topbar: byId('topbar'),
      stage: byId('stage'),
      announcer: byId('announcer'),
      sourcePanel: byId<HTMLDialogElement>('source-panel'),
    },
    {
      catalog: [catalogEntry(bundle)],
      loadScenario: async (id) => (id === bundle.scenario.id ? bundle : undefined),
      loadStage: async () => (await import('./game/stage.ts')).mountStage,
      listener: bridge.listener,
      resumeFrom: bridge.resumeFrom,
    },
  );
  app.start().catch((error: unknown) => {
    console.error(error);
    content.textContent =
      'Something went wrong while starting Branchpoint. Reload the page to try again; your saved games are kept.';
  });
}
