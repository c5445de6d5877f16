// Lint rules, and the folder table of docs/architecture.md ("Rooms") held as rules.
//
// Rooms from the bottom up. The pure rooms (lib, scenario, engine, authoring, workshop) run in Node and
// in the browser alike, so they import no Phaser, no DOM code, no node: modules, and read no browser or
// Node globals. Above them: game (Phaser) and ui (DOM) in the page, node (file access) under the Node
// programs server, cli and build, which never import each other. tsconfig.pure.json holds the pure rooms
// to the same picture in the compiler: no DOM types, no Node types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import { builtinModules } from 'node:module';

const PURE = ['lib', 'scenario', 'engine', 'authoring', 'workshop'];
const pureFiles = PURE.map((room) => `src/${room}/**`);

/**
 * Web APIs that Node and browsers both have, with the same meaning, and that pure code may use. Each is
 * declared for the compiler in types/web-platform.d.ts (tests/lint/boundaries.test.ts holds the two equal).
 */
const CROSS_PLATFORM_GLOBALS = ['TextDecoder', 'TextEncoder', 'crypto', 'btoa', 'atob'];

/** Every browser, worker and Node global that is not part of the language (ES2023) nor listed above. */
const es2023 = new Set(Object.keys(globals.es2023));
const hostGlobals = [
  ...new Set([
    ...Object.keys(globals.browser),
    ...Object.keys(globals.worker),
    ...Object.keys(globals.serviceworker),
    ...Object.keys(globals.node),
    ...Object.keys(globals.commonjs),
  ]),
]
  .filter((name) => !es2023.has(name) && !CROSS_PLATFORM_GLOBALS.includes(name))
  .sort();

/** `node:fs`, and `fs` or `fs/promises` without the prefix. */
const nodeModules = `^(node:.*|(${builtinModules.join('|')})(/.*)?)$`;

const globalMessage =
  'A browser or Node global: pure code runs in both, and in tests. Pass it in from src/ui, src/node or src/server.';

const NODE_PROGRAMS = ['server', 'cli', 'build'];
/** Packages of the Node programs (server, store, build tool), which pure code must not reach for either. */
const NODE_ONLY_PACKAGES = [
  'vite',
  'vite/*',
  'better-sqlite3',
  'socket.io',
  'pg',
  'redis',
  '@socket.io/redis-streams-adapter',
  'rate-limiter-flexible',
];

/**
 * Which room may import which (import, export ... from, and import()). Anything no policy allows is
 * refused; where several policies match, the last one decides, so a `disallow` after an `allow` narrows
 * it and gives the specific message.
 */
const policies = [
  { from: { element: { type: 'scenario' } }, allow: { to: { element: { types: ['lib'] } } } },
  { from: { element: { type: 'engine' } }, allow: { to: { element: { types: ['scenario', 'lib'] } } } },
  {
    from: { element: { types: ['authoring', 'workshop'] } },
    allow: { to: { element: { types: ['engine', 'scenario', 'lib'] } } },
  },
  // The stage draws view models; from the format it takes types only, so zod and the checker stay out of
  // the stage's chunk.
  { from: { element: { type: 'game' } }, allow: { to: { element: { types: ['engine', 'scenario', 'lib'] } } } },
  {
    from: { element: { type: 'game' } },
    disallow: { to: { element: { type: 'scenario' } }, dependency: { kind: 'value' } },
    message: 'src/game may import only types from src/scenario (import type): the stage draws view models.',
  },
  // The page knows the stage's contract as a type; the stage's code arrives later, through the loader the
  // entry file hands to the App (Phaser loads after the text).
  { from: { element: { type: 'ui' } }, allow: { to: { element: { types: PURE } } } },
  {
    from: { element: { type: 'ui' } },
    disallow: { to: { element: { type: 'game' } } },
    message:
      'src/ui may import src/game/stage-contract.ts as a type only (import type): the stage is loaded by the entry file.',
  },
  {
    from: { element: { type: 'ui' } },
    allow: {
      to: { element: { type: 'game' }, file: { path: 'src/game/stage-contract.ts' } },
      dependency: { kind: 'type' },
    },
  },
  // The single-file player's bridge to learning platforms (SCORM API, xAPI): page code that listens to the
  // game's play events, so it may read ui's event types besides the pure rooms.
  { from: { element: { type: 'lms' } }, allow: { to: { element: { types: [...PURE, 'ui'] } } } },
  { from: { element: { type: 'node' } }, allow: { to: { element: { types: PURE } } } },
  { from: { element: { types: NODE_PROGRAMS } }, allow: { to: { element: { types: [...PURE, 'node'] } } } },
  {
    from: { element: { types: NODE_PROGRAMS } },
    disallow: { to: { element: { types: NODE_PROGRAMS } } },
    message: 'src/server, src/cli and src/build never import each other: Node code they share belongs in src/node.',
  },
  // The author preview (src/build/preview-server.ts) starts Vite with the project's own settings.
  { from: { element: { type: 'build' } }, allow: { to: { file: { path: 'vite.config.ts' } } } },
  // The browser entries (src/*.ts) start the pages: ui and the pure rooms, and the stage by import() only.
  { from: { file: { categories: 'entry' } }, allow: { to: { element: { types: ['ui', 'lms', ...PURE] } } } },
  {
    from: { file: { categories: 'entry' } },
    allow: {
      to: { element: { type: 'game' }, file: { path: 'src/game/stage.ts' } },
      dependency: { nodeKind: 'dynamic-import' },
    },
  },
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.scratch-*/**', '.tmp-*', '.bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Flat config merges `globals` from every matching block, so the host globals must not match pure files at
  // all; a later `globals: {}` would take nothing away.
  { ignores: pureFiles, languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        ...[...PURE, 'game', 'ui', 'lms', 'node', 'server', 'cli', 'build'].map((room) => ({
          type: room,
          pattern: `src/${room}`,
          partialMatch: false,
        })),
      ],
      // The browser entries that index.html, workshop.html and standalone.html load, and the declarations
      // beside them.
      'boundaries/files': [{ category: 'entry', pattern: 'src/*.ts' }],
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/legacy-warnings': false,
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkUnknownLocals: true,
          message:
            '{{#if from.element.type}}src/{{from.element.type}}{{else}}An entry file{{/if}} may not import ' +
            '{{#if to.element.type}}src/{{to.element.type}}{{else}}this file{{/if}} ' +
            '(docs/architecture.md, "Rooms": each room imports only the rooms below it).',
          policies,
        },
      ],
      // A file in src that no room claims would escape the rules above.
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    files: pureFiles,
    // The language's own globals only: what the browser or Node add is not there for pure code.
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: nodeModules,
              message: 'Pure code: no Node modules here; pass data in from src/node, src/cli or src/server.',
            },
            { group: ['phaser', 'phaser/*'], message: 'Pure code: Phaser belongs in src/game.' },
            {
              group: NODE_ONLY_PACKAGES,
              message: 'Pure code: this package runs in Node only; it belongs in src/node, src/server or src/build.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...hostGlobals.map((name) => ({ name, message: globalMessage }))],
    },
  },
  {
    files: ['src/game/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: nodeModules, message: 'src/game runs in the page: no Node modules.' }] },
      ],
    },
  },
  {
    files: ['src/ui/**', 'src/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeModules, message: 'The page (src/ui, src/*.ts) runs in the browser: no Node modules.' },
            {
              group: ['phaser', 'phaser/*'],
              message: 'Phaser belongs in src/game, which the page loads after the text.',
            },
          ],
        },
      ],
    },
  },
);
