import { defineConfig } from 'vitest/config';

/**
 * Three projects so each file pays only for what it needs:
 * - unit: plain functions, no emulators;
 * - infra: CDK synth assertions and cdk-nag;
 * - integration: handlers through the local gateway against DynamoDB Local,
 *   cognito-local and s3rver, booted once by the global setup.
 */
export default defineConfig({
  test: {
    // Vitest leaves a core free by default; integration tests mostly wait on the emulators, so use them all.
    maxWorkers: '100%',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/local-stack.ts'],
          setupFiles: ['test/setup/handler-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});
