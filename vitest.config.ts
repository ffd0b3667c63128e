import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/clients/**', 'node_modules/**'],
    globalSetup: ['test/setup/temp-root.ts'],
    // Most of the suite waits on child processes (the built actions, the harness's steps), so one
    // worker more than there are cores keeps the cores busy: vitest's default (cores - 1) runs one
    // file at a time on a 2-core machine (idle there: 83 s with 2 workers, 75 s with 3). Worker
    // threads start faster than forked processes and keep each test file isolated (a 2-core
    // machine at load 13: 100 CPU s for the suite against 131 with forks).
    maxWorkers: availableParallelism() + 1,
    pool: 'threads',
    // One worker runs many files: no test file relies on a fresh module registry (process-wide
    // state such as the proxy settings is reset by the tests that set it), and a new worker per
    // file cost the 2-core machine 30 s of 144 (measured idle, 90 files).
    isolate: false,
    // Bounds for a hang, not for speed: at load 13 on 2 cores the slowest test (SARIF Multitool,
    // a .NET process) took 12 s and an e2e file's world start-up a few seconds; 30 s left too
    // little room under `npm run test:load`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
