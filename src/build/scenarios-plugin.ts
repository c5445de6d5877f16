/**
 * Vite plugin: checks every scenario under scenarios/ (or the one folder the author preview names)
 * and ships it to players as precompiled JSON, so browsers never load a YAML parser or a validator
 * to play.
 * - `vite build`: a scenario with errors stops the build with the same path:line:col messages as
 *   the command line.
 * - Dev server (npm start, npm run preview:scenario): a scenario with errors is left out of the
 *   catalog and its problems go to the open page, which shows them over the game (and to the
 *   terminal); every change to a scenario or its sources is checked again at once and sent to the
 *   page, which swaps the scenario in without reloading and keeps the player's place.
 */
import { studentBundle } from '../scenario/student-bundle.ts';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { checkScenario } from '../engine/check.ts';
import { formatDiagnostic, hasErrors } from '../scenario/diagnostic.ts';
import { decodeText } from '../scenario/parse.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import { displayPath, findScenarioFiles, readBeside, readBytes } from '../node/scenario-files.ts';
import { catalogEntry } from '../engine/catalog.ts';
import { ASK_EVENT, SCENARIOS_EVENT, type LiveScenarios } from '../authoring/live-protocol.ts';
import { shapeOf } from '../authoring/open-scenario.ts';

const CATALOG = 'virtual:branchpoint/catalog';
const SCENARIO = 'virtual:branchpoint/scenario/';
const resolved = (id: string) => `\0${id}`;
/** Editors save in bursts (a temporary file, a rename, the file itself): check once they are done. */
const SETTLE_MS = 80;

interface Checked extends LiveScenarios {
  byId: Map<string, ScenarioBundle>;
  /** Every file read, to watch: scenario files and their sources. */
  files: string[];
}

/** `folder`: a folder of scenario folders, one scenario's folder, or one scenario file. */
export function scenariosPlugin(folder = 'scenarios'): Plugin {
  // One scenario file stands for its folder: its sources lie beside it.
  const root =
    existsSync(resolve(folder)) && statSync(resolve(folder)).isFile() ? dirname(resolve(folder)) : resolve(folder);
  const target = resolve(folder);
  let checked: Checked | undefined;
  let serving = false;
  const current = () => (checked ??= checkAll(target));

  return {
    name: 'branchpoint-scenarios',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    configureServer(server) {
      followChanges(server, root, () => {
        checked = undefined;
        return current();
      });
      server.ws.on(ASK_EVENT, (_data, client) => client.send(SCENARIOS_EVENT, live(current())));
      reportInTerminal(server, current());
    },
    resolveId(id) {
      if (id === CATALOG || id.startsWith(SCENARIO)) return resolved(id);
      return undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:branchpoint/')) return undefined;
      const { byId, reports, files } = current();
      if (!serving) {
        for (const file of files) this.addWatchFile(file);
        const errors = reports.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'));
        if (errors.length > 0) this.error(`Scenario errors:\n${errors.map(formatDiagnostic).join('\n')}`);
      }
      if (id === resolved(CATALOG)) {
        const entries = [...byId.values()].map((bundle) => catalogEntry(bundle));
        const loaders = [...byId.keys()].map(
          (key) => `  ${JSON.stringify(key)}: () => import(${JSON.stringify(SCENARIO + key)}),`,
        );
        return `export const catalog = ${JSON.stringify(entries)};\nexport const loaders = {\n${loaders.join('\n')}\n};\n`;
      }
      const key = id.slice(resolved(SCENARIO).length);
      const bundle = byId.get(key);
      if (!bundle) this.error(`No scenario "${key}" under ${folder}`);
      // JSON.parse of a string literal is faster for engines to load than an object literal.
      // Teacher-only notes never reach a student's browser unless the author asks (teacher.shipNotes).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(studentBundle(bundle)))});\n`;
    },
    watchChange(file) {
      if (isUnder(file, root)) checked = undefined;
    },
  };
}

function checkAll(target: string): Checked {
  const byId = new Map<string, ScenarioBundle>();
  const reports: LiveScenarios['reports'] = [];
  const files: string[] = [];
  for (const file of findScenarioFiles(target) ?? []) {
    files.push(file);
    const bytes = readBytes(file);
    // Named as the command line names it; a scenario outside the project by its full path.
    const shown = displayPath(file).startsWith('..') ? resolve(file) : displayPath(file);
    const result = checkScenario(shown, bytes, readBeside(file));
    for (const source of result.bundle?.scenario.sources ?? []) files.push(resolve(dirname(file), source.file));
    if (result.diagnostics.length > 0) {
      const decoded = decodeText(bytes, file);
      const text = decoded.ok ? decoded.text : undefined;
      // Its shape lets the page name places by their ids ("decision point “council”").
      reports.push({
        file: shown,
        text,
        diagnostics: result.diagnostics,
        scenario: result.bundle?.scenario ?? (text === undefined ? undefined : shapeOf(text, shown)),
      });
    }
    if (result.bundle) byId.set(result.bundle.scenario.id, result.bundle);
  }
  return { byId, bundles: [...byId.values()], reports, files };
}

const live = ({ bundles, reports }: Checked): LiveScenarios => ({ bundles, reports });

const isUnder = (file: string, root: string) => file === root || file.startsWith(root + sep);

/** Checks again after every change under `root` and sends the result to every open page. */
function followChanges(server: ViteDevServer, root: string, recheck: () => Checked): void {
  // The folder may lie outside Vite's own root (an author's scenario anywhere on disk).
  server.watcher.add(root);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (file: string) => {
    if (!isUnder(resolve(file), root)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = recheck();
      // A reload of the page must get the new version too.
      const graph = server.environments.client.moduleGraph;
      for (const [id, module] of graph.idToModuleMap)
        if (id.startsWith('\0virtual:branchpoint/')) graph.invalidateModule(module);
      reportInTerminal(server, now);
      server.ws.send(SCENARIOS_EVENT, live(now));
    }, SETTLE_MS);
  };
  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
}

function reportInTerminal(server: ViteDevServer, { reports, bundles }: Checked): void {
  const logger = server.config.logger;
  const lines = reports.flatMap((r) => r.diagnostics.map(formatDiagnostic));
  const broken = reports.filter((r) => hasErrors(r.diagnostics)).length;
  const summary = `[branchpoint] ${bundles.length} ${bundles.length === 1 ? 'scenario' : 'scenarios'} ready${broken ? `, ${broken} with errors (shown on the page too)` : ''}`;
  logger.info([summary, ...lines.map((line) => `  ${line}`)].join('\n'), { timestamp: true });
}
