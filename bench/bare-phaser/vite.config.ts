/**
 * The bare Phaser page is built with the project's own Vite build settings. Only what cannot
 * apply to a one-file page differs: its root, its single entry, and no project plugins (they
 * compile scenarios and the exported player, which a bare page has none of).
 */
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import projectConfig from '../../vite.config.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const project = projectConfig as UserConfig;

export default {
  ...project,
  root,
  plugins: [],
  build: { ...project.build, rollupOptions: { input: `${root}index.html` } },
} satisfies UserConfig;
