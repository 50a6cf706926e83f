import { posix } from 'node:path'

/** A file inside a packed tarball (path relative to the package root, as npm unpacks it). */
export interface PackedFile {
  path: string
  /** Text content; only needed for `.map` and JavaScript files. */
  text?: string
}

const FORBIDDEN: { pattern: RegExp; what: string }[] = [
  {
    pattern: /(^|\/)(test|tests|__tests__|__mocks__|bench|benchmarks?)\//,
    what: 'a test or benchmark folder',
  },
  { pattern: /(^|\/)fixtures?\//, what: 'test fixtures' },
  { pattern: /\.(test|test-d|bench)\.[cm]?[jt]sx?$/, what: 'a test file' },
  {
    pattern: /(^|\/)specs?\/.*\.(ya?ml|json)$|\.openapi\.(ya?ml|json)$/,
    what: 'an API description (spec) file',
  },
  { pattern: /(^|\/)(src)\/.*\.tsx?$/, what: 'TypeScript source' },
  {
    pattern:
      /(^|\/)(tsconfig[^/]*\.json|vitest\.config\.[cm]?[jt]s|tsup\.config\.[cm]?[jt]s|\.turbo\/.*)$/,
    what: 'build configuration',
  },
]

/**
 * Checks what a package tarball holds: no tests, fixtures, benchmarks, specs, sources or build config, and no
 * source map that points outside the package (or at a file that is not in the tarball and not inlined).
 *
 * @param files - every file in the tarball, with text for `.map` and `.js`/`.cjs`/`.mjs` files
 * @returns one message per problem
 * @example
 * checkTarballFiles([{ path: 'dist/index.js' }, { path: 'test/a.test.ts' }]) // ['test/a.test.ts: a test or benchmark folder']
 */
export function checkTarballFiles(files: readonly PackedFile[]): string[] {
  const problems: string[] = []
  const paths = new Set(files.map((f) => f.path))
  for (const file of files) {
    const hit = FORBIDDEN.find((f) => f.pattern.test(file.path))
    if (hit) problems.push(`${file.path}: ${hit.what} should not be published`)
  }
  for (const file of files) {
    if (file.path.endsWith('.map')) problems.push(...checkSourceMap(file, paths))
    if (/\.[cm]?js$/.test(file.path) && file.text) {
      const ref = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(file.text)?.[1]
      if (ref && !ref.startsWith('data:')) {
        const target = posix.normalize(posix.join(posix.dirname(file.path), ref))
        if (!paths.has(target))
          problems.push(
            `${file.path}: sourceMappingURL ${ref} names a file that is not in the tarball`,
          )
      }
    }
  }
  return problems
}

function checkSourceMap(file: PackedFile, paths: Set<string>): string[] {
  let map: { sources?: unknown; sourcesContent?: unknown; sourceRoot?: unknown }
  try {
    map = JSON.parse(file.text ?? '') as typeof map
  } catch {
    return [`${file.path}: not a valid source map (JSON)`]
  }
  const sources = Array.isArray(map.sources) ? (map.sources as unknown[]) : []
  const contents = Array.isArray(map.sourcesContent) ? (map.sourcesContent as unknown[]) : []
  const problems: string[] = []
  sources.forEach((source, i) => {
    const s = String(source)
    if (/^[a-z]+:\/\//i.test(s) && !s.startsWith('webpack://')) {
      problems.push(`${file.path}: source ${s} is an absolute URL`)
      return
    }
    if (s.startsWith('/')) {
      problems.push(`${file.path}: source ${s} is an absolute path`)
      return
    }
    const resolved = posix.normalize(
      posix.join(posix.dirname(file.path), String(map.sourceRoot ?? ''), s),
    )
    if (resolved.startsWith('../') || resolved === '..') {
      problems.push(`${file.path}: source ${s} points outside the package`)
      return
    }
    if (typeof contents[i] !== 'string' && !paths.has(resolved)) {
      problems.push(`${file.path}: source ${s} is neither inlined nor in the tarball`)
    }
  })
  return problems
}
