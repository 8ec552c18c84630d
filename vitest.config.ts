import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // e2e tests start real processes; give them room on a two-core machine.
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // What follows an acknowledgement (a reply, an App Home) may take a while on a loaded machine.
    expect: { poll: { timeout: 10_000, interval: 20 } },
  },
});
