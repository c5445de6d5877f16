import { defineConfig } from 'vite';
import { scenariosPlugin } from './src/build/scenarios-plugin.ts';
import { playerTemplatePlugin } from './src/build/player-template-plugin.ts';

export default defineConfig({
  // Relative asset paths, so a build works from any folder and from file://.
  base: './',
  // playerTemplatePlugin: dist/player-template.html, the single-file player the page exports into.
  plugins: [scenariosPlugin(), playerTemplatePlugin()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // index.html is the game; workshop.html the facilitator's, projector's and participants' pages.
    rollupOptions: { input: { main: 'index.html', workshop: 'workshop.html' } },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
