import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser journeys, run by `npm run test:e2e` (scripts/e2e.mjs starts the server and sets E2E_BASE_URL).
// Separate from the root config: no database template (the journeys drive a real server), one
// worker (one Chromium at a time on a 2-core machine), and timeouts sized for a cold browser.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.spec.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
