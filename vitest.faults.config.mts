import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the full fault suite (every rate, 20 crash points); see
// docs/reliability.md. `npm test` runs its short form through vitest.config.mts.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    environment: 'node',
    env: { SPOKE_FAULTS: 'full' },
    testTimeout: 60_000,
    pool: 'forks',
  },
});
