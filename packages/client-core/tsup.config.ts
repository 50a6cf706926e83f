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
  // One file instead of the many small modules of @noble/hashes: faster cold import, tree-shaken to hmac + sha256.
  noExternal: ['@noble/hashes'],
})
