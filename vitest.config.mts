import os from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

// One throwaway database and media folder per integration or bench run, created on first use
// (not when the config loads, which every vitest run does) and removed by test/int/globalSetup,
// which runs in this process and finds it through the environment.
// Vitest loads this file more than once per run, so the name is kept from the first load.
const runDir = (process.env.CDM_TEST_RUN_DIR ??= path.join(
  os.tmpdir(),
  `cdm-studio-int-${process.pid}-${Date.now().toString(36)}`,
))

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['test/int/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['test/int/globalSetup.ts'],
          env: {
            NODE_ENV: 'test',
            CDM_TEST_RUN_DIR: runDir,
            DATABASE_URI: process.env.TEST_DATABASE_URI ?? `file:${path.join(runDir, 'test.db')}`,
            DATA_DIR: path.join(runDir, 'data'),
            MEDIA_DIR: path.join(runDir, 'media'),
            PAYLOAD_SECRET: 'integration-tests-only',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['bench/**/*.bench.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 30 * 60_000,
          env: {
            NODE_ENV: 'test',
            CDM_TEST_RUN_DIR: runDir,
            DATABASE_URI: `file:${path.join(runDir, 'bench.db')}`,
            DATA_DIR: path.join(runDir, 'data'),
            MEDIA_DIR: path.join(runDir, 'bench-media'),
            PAYLOAD_SECRET: 'bench-only',
          },
          globalSetup: ['test/int/globalSetup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
