import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: the unit tests, and the end-to-end tests that build the page once, serve it and
// drive Debian's Chromium (tests/e2e/global-setup.ts). The end-to-end group runs after the unit
// tests, so the two do not fight over the CPU. `vitest run --project unit` runs the unit tests alone.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
