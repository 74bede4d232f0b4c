import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with scripts/ensure-browser.mjs
import { CHROMIUM_ARGS, findSystemChromium } from './scripts/find-chromium.mjs';

const executablePath = (findSystemChromium as () => string | undefined)();
// PORT_BASE lets two checkouts (a git worktree beside main) run their journeys at the same time.
const PORT = Number(process.env.PORT_BASE ?? 4173);
const SUBPATH_PORT = PORT + 1;
const HOSTILE_PORT = PORT + 2;
const ARCHIVE_PORT = PORT + 3;

/**
 * Journeys run against the production build (`npm run test:e2e` builds first): `vite preview`
 * for the default seeds, a plain static host under `/reader/` for sub-path deep links, and one
 * for the hostile fixture folder (`npm run build:hostile` generates and builds it).
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Two at least: Playwright's default is half the cores, one on two cores, where two workers
  // finish the journeys sooner (reader + entities specs, load ~18: 81 s on one, 68 s on two).
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    // A trace of every test (kept on failure) cost ~25% more CPU on two cores; a failing test's
    // retry (CI) records one. Locally: `npx playwright test --trace on <spec>`.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: executablePath ? { executablePath, args: CHROMIUM_ARGS as string[] } : {},
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      testIgnore: /(subpath|hostile-files|huge-file|archive)\.spec/u,
    },
    {
      name: 'subpath',
      use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${SUBPATH_PORT}/reader/` },
      testMatch: /subpath\.spec/u,
    },
    {
      name: 'hostile',
      use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${HOSTILE_PORT}` },
      testMatch: /(hostile-files|huge-file)\.spec/u,
    },
    {
      // The seeds built as an archive (`npm run build:archive`: pages of 4 rows).
      name: 'archive',
      use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${ARCHIVE_PORT}` },
      testMatch: /archive\.spec/u,
    },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node scripts/static-server.mjs dist-subpath ${SUBPATH_PORT} /reader/`,
      url: `http://localhost:${SUBPATH_PORT}/reader/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node scripts/static-server.mjs dist-hostile ${HOSTILE_PORT} /`,
      url: `http://localhost:${HOSTILE_PORT}/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `node scripts/static-server.mjs dist-archive ${ARCHIVE_PORT} /`,
      url: `http://localhost:${ARCHIVE_PORT}/`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
