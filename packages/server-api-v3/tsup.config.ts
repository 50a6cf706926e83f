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
  // openapi-fetch (behind `client.raw`) and @fpapi/client-core are inlined: importing the package
  // loads one module (faster cold import), and bundlers drop unused helpers. Error classes still
  // match with `instanceof` across copies (see isInstanceAcrossCopies in the core). Types still
  // come from the dependencies.
  noExternal: ['openapi-fetch', '@fpapi/client-core'],
})
