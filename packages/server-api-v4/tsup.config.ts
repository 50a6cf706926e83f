import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', migrate: 'src/migrate/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
})
