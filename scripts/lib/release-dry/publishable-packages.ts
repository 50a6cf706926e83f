import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A workspace package that gets published. */
export interface PublishablePackage {
  name: string
  version: string
  /** Folder relative to the repository root, e.g. `packages/client-core`. */
  dir: string
  /** Export subpaths other than `./package.json`, e.g. `['.', './migrate']`. */
  entryPoints: string[]
  /** Names of the workspace packages it depends on at run time. */
  workspaceDependencies: string[]
}

/**
 * Lists `packages/*` whose package.json is not `"private": true`, in an order where dependencies come first.
 *
 * @param root - repository root
 * @returns the packages
 * @example
 * publishablePackages(process.cwd()).map((p) => p.name) // ['@fpapi/client-core', ...]
 */
export function publishablePackages(root: string): PublishablePackage[] {
  const base = join(root, 'packages')
  const found: PublishablePackage[] = []
  for (const name of readdirSync(base).sort()) {
    const file = join(base, name, 'package.json')
    if (!existsSync(file)) continue
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
      name: string
      version: string
      private?: boolean
      exports?: Record<string, unknown> | string
      dependencies?: Record<string, string>
    }
    if (pkg.private === true) continue
    const entryPoints =
      typeof pkg.exports === 'object' && pkg.exports !== null
        ? Object.keys(pkg.exports).filter(
            (k) => k.startsWith('.') && k !== './package.json' && !k.includes('*'),
          )
        : ['.']
    const workspaceDependencies = Object.entries(pkg.dependencies ?? {})
      .filter(([, range]) => range.startsWith('workspace:'))
      .map(([dep]) => dep)
    found.push({
      name: pkg.name,
      version: pkg.version,
      dir: `packages/${name}`,
      entryPoints,
      workspaceDependencies,
    })
  }
  const ordered: PublishablePackage[] = []
  const visit = (p: PublishablePackage, stack: string[]) => {
    if (ordered.includes(p) || stack.includes(p.name)) return
    for (const dep of p.workspaceDependencies) {
      const d = found.find((f) => f.name === dep)
      if (d) visit(d, [...stack, p.name])
    }
    ordered.push(p)
  }
  for (const p of found) visit(p, [])
  return ordered
}
