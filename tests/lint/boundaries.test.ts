/**
 * The lint holds the Rooms table of docs/architecture.md: each forbidden kind of import and each host
 * global in a pure room is reported, and the imports the table allows are not. The probes are text linted
 * as if it were a file at the given path in src/ (ESLint's lintText), so nothing is written into the tree;
 * the files they import are real, so the imports resolve as they would in a real file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import globals from 'globals';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function lint(filePath: string, text: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return result!.messages;
}

/** The rules that hold the rooms (the probes' unused imports would also draw no-unused-vars). */
const ROOM_RULES = /^(boundaries\/|no-restricted-imports$|no-restricted-globals$)/;

/** The room problems a probe gets, as "rule: message", so a failing test shows what was (not) reported. */
async function problems(filePath: string, text: string): Promise<string[]> {
  return (await lint(filePath, text))
    .filter((m) => m.ruleId === null || ROOM_RULES.test(m.ruleId))
    .map((m) => `${m.ruleId ?? 'parse error'}: ${m.message}`);
}

// Loading the config, its plugins and the import resolver takes seconds on a busy machine: once, here,
// with time to spare, rather than inside the first test's time limit.
beforeAll(async () => {
  await lint('src/lib/warm-up.ts', "import { ok } from './result.ts';\nexport const probe = ok;\n");
}, 120_000);

const PURE = ['lib', 'scenario', 'engine', 'authoring', 'workshop'];

// [importing file, import statement, words the message must hold]
const forbiddenImports: [string, string, string][] = [
  // upward, inside the pure rooms
  ['src/engine/probe.ts', "import { RoomState } from '../workshop/room.ts';", 'src/engine may not import src/workshop'],
  [
    'src/scenario/probe.ts',
    "import { addEffects } from '../engine/world.ts';",
    'src/scenario may not import src/engine',
  ],
  [
    'src/lib/probe.ts',
    "import { parseScenarioText } from '../scenario/parse.ts';",
    'src/lib may not import src/scenario',
  ],
  ['src/engine/probe.ts', "import { twee } from '../authoring/twee.ts';", 'src/engine may not import src/authoring'],
  ['src/workshop/probe.ts', "import { x } from '../authoring/unzip.ts';", 'src/workshop may not import src/authoring'],
  // pure code reaching for Node, build, cli, server or page code; re-exports and import() count too
  [
    'src/engine/probe.ts',
    "import { projectRoot } from '../node/project-root.ts';",
    'src/engine may not import src/node',
  ],
  [
    'src/authoring/probe.ts',
    "export { scenariosPlugin } from '../build/scenarios-plugin.ts';",
    'may not import src/build',
  ],
  ['src/workshop/probe.ts', "export const cli = import('../cli/main.ts');", 'src/workshop may not import src/cli'],
  ['src/workshop/probe.ts', "import { x } from '../server/store.ts';", 'src/workshop may not import src/server'],
  ['src/scenario/probe.ts', "import { h } from '../ui/dom.ts';", 'src/scenario may not import src/ui'],
  ['src/engine/probe.ts', "import { mountStage } from '../game/stage.ts';", 'src/engine may not import src/game'],
  ['src/node/probe.ts', "import { x } from '../server/store.ts';", 'src/node may not import src/server'],
  // the page importing the Node programs
  ['src/ui/probe.ts', "import { x } from '../server/server.ts';", 'src/ui may not import src/server'],
  ['src/ui/probe.ts', "import { x } from '../cli/main.ts';", 'src/ui may not import src/cli'],
  [
    'src/ui/authoring/probe.ts',
    "import { x } from '../../build/scenarios-plugin.ts';",
    'src/ui may not import src/build',
  ],
  ['src/ui/probe.ts', "import { x } from '../node/scenario-files.ts';", 'src/ui may not import src/node'],
  ['src/game/probe.ts', "import { x } from '../server/server.ts';", 'src/game may not import src/server'],
  ['src/game/pieces/probe.ts', "import { x } from '../../cli/main.ts';", 'src/game may not import src/cli'],
  ['src/game/probe.ts', "import { x } from '../build/scenarios-plugin.ts';", 'src/game may not import src/build'],
  ['src/game/probe.ts', "import { h } from '../ui/dom.ts';", 'src/game may not import src/ui'],
  // the Node programs importing each other
  ['src/cli/probe.ts', "import { x } from '../server/server.ts';", 'never import each other'],
  ['src/server/probe.ts', "import { x } from '../cli/play.ts';", 'never import each other'],
  ['src/build/probe.ts', "import { x } from '../cli/export.ts';", 'never import each other'],
  ['src/cli/probe.ts', "import { scenariosPlugin } from '../build/scenarios-plugin.ts';", 'never import each other'],
  ['src/server/probe.ts', "export const b = import('../build/preview-server.ts');", 'never import each other'],
  // the page and the stage: the contract as a type, the stage's code only through the entry's import()
  ['src/ui/probe.ts', "import { mountStage } from '../game/stage.ts';", 'stage-contract.ts as a type only'],
  ['src/ui/probe.ts', "import type { MountStage } from '../game/stage.ts';", 'stage-contract.ts as a type only'],
  ['src/ui/probe.ts', "import { STAGE } from '../game/stage-contract.ts';", 'stage-contract.ts as a type only'],
  ['src/ui/probe.ts', "import { type Stage } from '../game/stage-contract.ts';", 'stage-contract.ts as a type only'],
  ['src/ui/probe.ts', "export const s = import('../game/stage.ts');", 'stage-contract.ts as a type only'],
  ['src/ui/screens/probe.ts', "import { palette } from '../../game/palette.ts';", 'stage-contract.ts as a type only'],
  ['src/game/probe.ts', "import { scenarioSchema } from '../scenario/schema.ts';", 'only types from src/scenario'],
  ['src/probe-main.ts', "import { mountStage } from './game/stage.ts';", 'An entry file may not import src/game'],
  ['src/probe-main.ts', "export const p = import('./game/pieces/panel.ts');", 'An entry file may not import src/game'],
  ['src/probe-main.ts', "import { x } from './server/server.ts';", 'An entry file may not import src/server'],
  // files outside every room
  ['src/engine/probe.ts', "import config from '../../vite.config.ts';", 'src/engine may not import this file'],
  ['src/cli/probe.ts', "export const c = import('../../vite.config.ts');", 'src/cli may not import this file'],
  ['src/workshop/probe.ts', "import { x } from '../../tests/engine/arbitraries.ts';", 'may not import this file'],
];

const allowedImports: [string, string][] = [
  ['src/scenario/probe.ts', "import { ok } from '../lib/result.ts';"],
  ['src/engine/probe.ts', "import { parseScenarioText } from '../scenario/parse.ts';"],
  ['src/authoring/probe.ts', "import { checkScenario } from '../engine/check.ts';"],
  ['src/workshop/probe.ts', "import { gameView } from '../engine/view.ts';"],
  ['src/game/probe.ts', "import type { Scenario } from '../scenario/schema.ts';"],
  ['src/game/probe.ts', "import { gameView } from '../engine/view.ts';"],
  ['src/ui/probe.ts', "import type { Stage, MountStage } from '../game/stage-contract.ts';"],
  ['src/ui/probe.ts', "import { openScenario } from '../authoring/open-scenario.ts';"],
  ['src/ui/probe.ts', "import { roomView } from '../workshop/views.ts';"],
  ['src/node/probe.ts', "import { MAX_FILE_BYTES } from '../scenario/parse.ts';"],
  ['src/cli/probe.ts', "import { findScenarioFiles } from '../node/scenario-files.ts';"],
  ['src/server/probe.ts', "import { decide } from '../workshop/room.ts';"],
  ['src/build/probe.ts', "import { cachedPlayerTemplate } from '../node/player-template.ts';"],
  ['src/build/probe.ts', "export const c = import('../../vite.config.ts');"],
  ['src/probe-main.ts', "export const load = async () => (await import('./game/stage.ts')).mountStage;"],
  ['src/probe-main.ts', "import { App } from './ui/app.ts';"],
];

// Globals a pure room must not read (the ones the issue names, and their kin); the lint refuses every
// browser and Node global, these are the ones checked by name.
const forbiddenGlobals = [
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'requestAnimationFrame',
  'fetch',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'history',
  'window',
  'self',
  'document',
  'navigator',
  'HTMLElement',
  'Event',
  'console',
  'performance',
  'structuredClone',
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
];

describe('the lint refuses what the Rooms table forbids', () => {
  it.each(forbiddenImports)('%s: %s', async (filePath, statement, words) => {
    const found = await problems(filePath, `${statement}\nexport const probe = 1;\n`);
    expect(found.filter((p) => p.startsWith('boundaries/dependencies:')).join('\n')).toContain(words);
  });

  it.each(PURE)('Node modules, Node-only packages and Phaser in src/%s', async (room) => {
    const text = [
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import { readFile } from 'fs/promises';",
      "import Phaser from 'phaser';",
      "import { build } from 'vite';",
      'export const probe = [readFileSync, join, readFile, Phaser, build];',
    ].join('\n');
    const found = await problems(`src/${room}/probe.ts`, text);
    const restricted = found.filter((p) => p.startsWith('no-restricted-imports:'));
    expect(restricted.filter((p) => p.includes('no Node modules'))).toHaveLength(3);
    expect(restricted.filter((p) => p.includes('Phaser belongs in src/game'))).toHaveLength(1);
    expect(restricted.filter((p) => p.includes('runs in Node only'))).toHaveLength(1);
  });

  it('Node modules in the page and the stage, Phaser in the page', async () => {
    for (const filePath of ['src/ui/probe.ts', 'src/game/probe.ts', 'src/probe-main.ts']) {
      const found = await problems(filePath, "import { readFileSync } from 'node:fs';\nexport const p = readFileSync;");
      expect(found.join('\n'), filePath).toMatch(/no-restricted-imports: .*no Node modules/);
    }
    const found = await problems('src/ui/probe.ts', "import Phaser from 'phaser';\nexport const p = Phaser;");
    expect(found.join('\n')).toMatch(/no-restricted-imports: .*Phaser belongs in src\/game/);
  });

  it.each(PURE)('browser and Node globals in src/%s', async (room) => {
    const text = `export const probe = () => [${forbiddenGlobals.join(', ')}];\n`;
    const found = await lint(`src/${room}/probe.ts`, text);
    const reported = found.filter((m) => m.ruleId === 'no-restricted-globals').map((m) => m.message);
    for (const name of forbiddenGlobals)
      expect(
        reported.some((message) => message.startsWith(`Unexpected use of '${name}'.`)),
        name,
      ).toBe(true);
    expect(reported.every((message) => message.includes('Pass it in from src/ui, src/node or src/server'))).toBe(true);
  });

  it('a file in src that belongs to no room', async () => {
    const found = await problems('src/elsewhere/probe.ts', 'export const probe = 1;\n');
    expect(found.join('\n')).toContain('boundaries/no-unknown-files');
  });
});

describe('the lint allows what the Rooms table allows', () => {
  it.each(allowedImports)('%s: %s', async (filePath, statement) => {
    expect(await problems(filePath, `${statement}\nexport const probe = 1;\n`)).toEqual([]);
  });

  it('the language, and the web APIs both platforms have, in a pure room', async () => {
    const text = [
      'export const probe = () => [',
      '  new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(1)),',
      '  new TextEncoder().encode("x"),',
      '  crypto.getRandomValues(new Uint8Array(4)),',
      '  btoa("x"), atob("eA=="), Math.max(1, 2), JSON.stringify({}), new Map(), globalThis, Symbol.iterator,',
      '];',
    ].join('\n');
    expect(await problems('src/workshop/probe.ts', text)).toEqual([]);
  });

  it('host globals outside the pure rooms', async () => {
    const text = 'export const probe = () => [document.title, setTimeout, localStorage];\n';
    expect(await problems('src/ui/probe.ts', text)).toEqual([]);
  });
});

/** The global names declared in types/web-platform.d.ts. */
function declaredWebGlobals(): string[] {
  const file = fileURLToPath(new URL('../../types/web-platform.d.ts', import.meta.url));
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  return source.statements.flatMap((statement) => {
    if (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement))
      return statement.name ? [statement.name.text] : [];
    if (ts.isVariableStatement(statement))
      return statement.declarationList.declarations.map(
        (d) => (d as ts.VariableDeclaration & { name: ts.Identifier }).name.text,
      );
    return [];
  });
}

describe('the lint and tsconfig.pure.json agree on the web APIs pure code may use', () => {
  it('every host global the lint lets pure code read is declared for the compiler, and no other', async () => {
    const config = (await eslint.calculateConfigForFile('src/engine/probe.ts')) as Linter.Config;
    const option = config.rules?.['no-restricted-globals'];
    const restricted = new Set(
      (Array.isArray(option) ? (option.slice(1) as (string | { name: string })[]) : []).map((entry) =>
        typeof entry === 'string' ? entry : entry.name,
      ),
    );
    const language = new Set(Object.keys(globals.es2023));
    const host = new Set([...Object.keys(globals.browser), ...Object.keys(globals.node)]);
    const allowed = [...host].filter((name) => !language.has(name) && !restricted.has(name)).sort();
    expect(allowed).toEqual([...new Set(declaredWebGlobals())].sort());
  });

  it('the compiler refuses DOM and Node names in a pure room', () => {
    const configPath = fileURLToPath(new URL('../../tsconfig.pure.json', import.meta.url));
    const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
    const probe = `${root}src/engine/zz-probe.ts`;
    const text =
      'export const probe = () => [document.title, setTimeout, process.env, localStorage, new TextDecoder()];\n';
    const host = ts.createCompilerHost(parsed.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) =>
      name === probe ? ts.createSourceFile(name, text, ts.ScriptTarget.ES2022) : getSourceFile(name, version);
    host.fileExists = (
      (fileExists) => (name: string) =>
        name === probe || fileExists(name)
    )(host.fileExists.bind(host));
    const declarations = parsed.fileNames.filter((name) => name.endsWith('web-platform.d.ts'));
    expect(declarations).toHaveLength(1);
    const program = ts.createProgram([probe, ...declarations], parsed.options, host);
    const unknown = ts
      .getPreEmitDiagnostics(program, program.getSourceFile(probe))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      .filter((message) => message.startsWith('Cannot find name'))
      .map((message) => /'([^']+)'/.exec(message)?.[1]);
    expect(unknown.sort()).toEqual(['document', 'localStorage', 'process', 'setTimeout']);
  });
});
