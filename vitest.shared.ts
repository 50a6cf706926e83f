import { fileURLToPath } from 'node:url'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

/** Workspace packages resolve to their sources in tests, so a test never needs a build first. */
export const workspaceAlias = [
  {
    find: /^@fpapi\/server-api-v4\/migrate$/,
    replacement: here('./packages/server-api-v4/src/migrate/index.ts'),
  },
  { find: /^@fpapi\/client-core$/, replacement: here('./packages/client-core/src/index.ts') },
  { find: /^@fpapi\/server-api-v3$/, replacement: here('./packages/server-api-v3/src/index.ts') },
  { find: /^@fpapi\/server-api-v4$/, replacement: here('./packages/server-api-v4/src/index.ts') },
  { find: /^@fpapi\/mock-server$/, replacement: here('./packages/mock-server/src/index.ts') },
]
