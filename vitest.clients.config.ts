import { defineConfig } from 'vitest/config';

// Real third-party clients (AWS CLI, Azure CLI from Debian's packages) against the emulators.
export default defineConfig({
  test: {
    include: ['test/clients/**/*.test.ts'],
    globalSetup: ['test/setup/temp-root.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
