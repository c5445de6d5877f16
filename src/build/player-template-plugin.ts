/**
 * Vite plugin: ships the single-file player template beside the page (dist/player-template.html),
 * so the page itself, served from any host, can export a scenario it has opened: it fetches the
 * template and writes the scenario into it with injectBundle (src/authoring/standalone-bundle.ts). The dev
 * server serves the same file at the same address.
 */
import type { Plugin } from 'vite';
import { PLAYER_TEMPLATE_FILE } from '../authoring/standalone-bundle.ts';
import { cachedPlayerTemplate } from '../node/player-template.ts';

export function playerTemplatePlugin(): Plugin {
  return {
    name: 'branchpoint-player-template',
    async generateBundle() {
      const { html } = await cachedPlayerTemplate();
      this.emitFile({ type: 'asset', fileName: PLAYER_TEMPLATE_FILE, source: html });
    },
    configureServer(server) {
      server.middlewares.use(`/${PLAYER_TEMPLATE_FILE}`, (_req, res, next) => {
        cachedPlayerTemplate().then(({ html }) => {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(html);
        }, next);
      });
    },
  };
}
