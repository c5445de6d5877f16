/** The bare Phaser page is built with the project's own Vite settings; only the root differs. */
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import projectConfig from '../../vite.config.ts';

export default mergeConfig(projectConfig, { root: fileURLToPath(new URL('.', import.meta.url)) });
