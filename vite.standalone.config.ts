/**
 * Builds the single-file player template (standalone.html -> one HTML file with every script,
 * style and font inlined), into which `npm run scenario -- export` and the page's own export
 * write a scenario. It must play from file:// with no network and stay small, so:
 * - vite-plugin-singlefile inlines everything, the lazily imported stage included;
 * - the 1:50m country shapes (~750 KB) are swapped for the 1:110m ones the stage already has;
 * - fonts keep only their WOFF2 files (every browser that runs the game reads WOFF2), since each
 *   inlined font is written out in base64.
 */
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const require = createRequire(import.meta.url);

/** Drops the WOFF fallback from fontsource's @font-face rules before the fonts are inlined. */
function woff2Only(): Plugin {
  return {
    name: 'branchpoint-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return undefined;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  base: './',
  // No public/ folder is copied: the player is this one file.
  publicDir: false,
  plugins: [woff2Only(), viteSingleFile({ removeViteModuleLoader: true })],
  resolve: {
    alias: [
      { find: /^world-atlas\/countries-50m\.json$/, replacement: require.resolve('world-atlas/countries-110m.json') },
    ],
  },
  build: {
    target: 'es2022',
    // Only for a build run by hand (vite build -c vite.standalone.config.ts); the export builds in memory.
    outDir: 'dist/standalone',
    rollupOptions: { input: 'standalone.html' },
    // Everything is inlined, so there is nothing to preload.
    modulePreload: { polyfill: false },
    // Kept in memory by the callers (write: false); reported sizes would only be noise.
    reportCompressedSize: false,
  },
});
