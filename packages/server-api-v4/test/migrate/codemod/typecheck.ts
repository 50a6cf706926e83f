/// <reference types="node" />
import { fileURLToPath } from 'node:url'
import { Project, ts } from 'ts-morph'

const pkg = fileURLToPath(new URL('../../../', import.meta.url))
const root = fileURLToPath(new URL('../../../../../', import.meta.url))

/**
 * Type-checks sources (strict) with `@fpapi/server-api-v4` resolved to this package's sources,
 * as a user's project would see the published types. Returns `file:line: message` per error.
 */
export function typecheck(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  const project = new Project({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      typeRoots: [`${pkg}node_modules/@types`],
      skipLibCheck: true,
      allowJs: false,
      baseUrl: root,
      paths: {
        '@fpapi/server-api-v4': ['packages/server-api-v4/src/index.ts'],
        '@fpapi/server-api-v4/migrate': ['packages/server-api-v4/src/migrate/index.ts'],
        '@fpapi/client-core': ['packages/client-core/src/index.ts'],
        // still installed while migrating: names v4 lacks stay imported from it
        '@fpapi/server-api-v3': ['packages/server-api-v3/src/index.ts'],
      },
    },
  })
  const dir = `${pkg}test/migrate/fixtures/__virtual__/`
  for (const f of files) project.createSourceFile(dir + f.path, f.text, { overwrite: true })
  return project
    .getPreEmitDiagnostics()
    .filter((d) => d.getSourceFile()?.getFilePath().startsWith(dir))
    .map((d) => {
      const file = d.getSourceFile()!.getFilePath().slice(dir.length)
      const message = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n')
      return `${file}:${d.getLineNumber()}: ${message}`
    })
}
