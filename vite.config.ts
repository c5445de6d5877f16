import { defineConfig } from 'vite';
import { scenariosPlugin } from './src/build/scenarios-plugin.ts';

export default defineConfig({
  // Relative asset paths, so a build works from any folder and from file://.
  base: './',
  plugins: [scenariosPlugin()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
