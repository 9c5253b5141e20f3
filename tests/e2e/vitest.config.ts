import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The real-browser suite: Node environment (the tests drive Chromium through playwright-core),
// one file at a time (each file launches its own browser; the machine is small), generous
// timeouts (a cold Chromium start with an extension takes seconds). Also runs the demo data's
// own tests, which need no DOM.
const root = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { '@': root.replace(/\/$/, '') } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts', 'tests/demo/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // expect.poll gives up after 1 s by default: too short on a loaded CI machine for work that
    // crosses the service worker (a cold start alone can take that long). Playwright's own
    // waits default to 30 s; polls get 10 s, and still fail when the state never comes.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
