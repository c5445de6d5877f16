// Lint rules. The pure rooms (scenario, engine, lib, workshop) must run in Node and in the
// browser alike, so they may not import Phaser, DOM-only code or node: modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pureRooms = ['src/scenario/**', 'src/engine/**', 'src/lib/**', 'src/workshop/**'];
const impure = [
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'url'],
    message: 'Pure code: no Node modules here; pass data in from src/cli or src/server.',
  },
  { group: ['phaser', 'phaser/*'], message: 'Pure code: Phaser belongs in src/game.' },
  {
    group: ['**/game/**', '**/ui/**', '**/cli/**', '**/server/**'],
    message: 'Pure code may not import rendering, DOM or I/O code.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.scratch-*/**', '.tmp-*', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: pureRooms,
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: impure }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'navigator'],
    },
  },
  {
    files: ['src/game/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/ui/**', 'node:*'], message: 'game/ and ui/ share view models, never each other.' }],
        },
      ],
    },
  },
  {
    files: ['src/ui/**'],
    // The page may know the stage's contract (a type), never its code: Phaser loads after the text.
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/game/stage-contract.ts'],
              allowTypeImports: true,
              message: 'Import the stage contract as a type only.',
            },
            {
              group: ['**/game/**', '!**/game/stage-contract.ts', 'phaser', 'node:*'],
              message: 'game/ and ui/ share view models, never each other.',
            },
          ],
        },
      ],
    },
  },
);
