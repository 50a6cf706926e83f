import { defineConfig } from 'tsup'

export default defineConfig({
  // The webhook check is its own file with @noble/hashes bundled in: one file to load instead of
  // noble's many small modules (faster cold import), and a bundler drops the whole file when
  // isValidWebhookSignature is not used (noble's `hmac.create = ...` would otherwise keep it).
  entry: { index: 'src/index.ts', webhook: 'src/webhook.ts' },
  noExternal: ['@noble/hashes'],
  format: ['esm', 'cjs'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
})
