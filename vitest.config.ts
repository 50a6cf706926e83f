import { defineConfig } from 'vitest/config'
import { workspaceAlias } from './vitest.shared.ts'

export default defineConfig({
  resolve: { alias: workspaceAlias },
  test: {
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
    projects: [
      'packages/*/vitest.config.ts',
      {
        resolve: { alias: workspaceAlias },
        test: {
          name: 'scripts',
          include: ['scripts/test/**/*.test.ts', 'examples/test/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
})
