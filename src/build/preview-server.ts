/**
 * `npm run preview:scenario -- <scenario folder or file> [--port N] [--host H]`: the author
 * preview. Vite's dev server with the project's page, serving just this one scenario: every save
 * of the scenario or its sources is checked at once and reaches the open page, which keeps the
 * player at the same decision point; problems show over the game and in this terminal.
 */
import { parseArgs } from 'node:util';
import { createServer, type UserConfig } from 'vite';
import { scenariosPlugin } from './scenarios-plugin.ts';
import { playerTemplatePlugin } from './player-template-plugin.ts';
import { displayPath, findScenarioFiles, readBytes } from '../node/scenario-files.ts';
import { projectRoot } from '../node/project-root.ts';

const USAGE =
  'Usage: npm run preview:scenario -- <scenario folder or scenario.yaml> [--port 5173] [--host 127.0.0.1]\n';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return (process.stdout.write(USAGE), 0);
  if (positionals.length !== 1) return (process.stderr.write(USAGE), 2);
  const target = positionals[0]!;
  const files = findScenarioFiles(target);
  if (files === undefined) return (process.stderr.write(`There is no file or folder "${target}".\n`), 2);
  if (files.length !== 1) {
    process.stderr.write(
      files.length === 0
        ? `No scenario.yaml was found in "${target}".\n`
        : `"${target}" holds ${files.length} scenarios: name one of their folders.\n`,
    );
    return 2;
  }
  const port = values.port === undefined ? 5173 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return (process.stderr.write(`--port must be a port number, not "${values.port}"\n`), 2);

  // The project's own Vite settings, with the scenarios plugin pointed at this one scenario.
  const base = (await import('../../vite.config.ts')).default as UserConfig;
  const server = await createServer({
    ...base,
    configFile: false,
    root: projectRoot,
    // Its own cache of prebundled dependencies, so it and `npm start` do not undo each other's.
    cacheDir: 'node_modules/.vite-preview-scenario',
    // The page's "Download as one HTML file" fetches the single-file player template from this
    // server: without the plugin that serves it, the page said the build had no single-file player.
    plugins: [scenariosPlugin(files[0]), playerTemplatePlugin()],
    server: { ...base.server, port, host: values.host ?? base.server?.host },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  const id = /^\s*id:\s*["']?([a-z0-9][a-z0-9_-]*)/m.exec(new TextDecoder().decode(readBytes(files[0]!)))?.[1];
  process.stdout.write(
    `\nPreviewing ${displayPath(files[0]!)}: open ${url}${id ? `#/s/${id}/play` : ''}\nSave the file to see the change in the page. Ctrl+C stops.\n`,
  );
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`The preview could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
