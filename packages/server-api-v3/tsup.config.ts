import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // openapi-fetch (behind `client.raw`) is inlined: one module less to resolve at import time
  // (cold import), and bundlers drop its unused helpers. Its types still come from the dependency.
  noExternal: ['openapi-fetch'],
})
