import { defineProject } from 'vitest/config'
import { workspaceAlias } from '../../vitest.shared.ts'

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: '@fpapi/mock-server',
    include: ['test/**/*.test.ts'],
    // Every test talks HTTP to a real server; on a busy shared machine 5 s can be too short.
    testTimeout: 20_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
