import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PublishablePackage } from './publishable-packages.ts'
import { run, type CommandResult } from './run-command.ts'

/** One consumer check: which package entry, how it was loaded, and what happened. */
export interface ConsumerCheck {
  label: string
  ok: boolean
  detail: string
}

const specifier = (pkg: PublishablePackage, entry: string) =>
  entry === '.' ? pkg.name : `${pkg.name}/${entry.slice(2)}`

/**
 * Creates an empty ESM project in `dir` and installs the tarballs into it with npm, all in one install so that
 * the workspace packages resolve to each other's tarball. Third-party dependencies come from the npm registry
 * (or npm's cache).
 *
 * @param dir - an empty directory
 * @param tarballs - absolute paths of `.tgz` files
 * @param extra - other packages to install, e.g. `@types/node@20`
 * @returns npm's result
 * @example
 * installConsumer('/tmp/consumer', ['/tmp/packs/fpapi-client-core-0.1.0.tgz'], ['@types/node@20'])
 */
export function installConsumer(dir: string, tarballs: string[], extra: string[]): CommandResult {
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'fpapi-release-dry-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`,
  )
  return run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--ignore-scripts',
      '--loglevel=error',
      ...tarballs,
      ...extra,
    ],
    dir,
    600_000,
  )
}

/**
 * Loads every entry point of every package with ESM `import` and CJS `require` in separate Node processes, and
 * checks that each exposes at least one export.
 *
 * @param dir - the consumer project
 * @param packages - the installed packages
 * @returns one check per entry point and module system
 * @example
 * runtimeChecks('/tmp/consumer', publishablePackages(root))
 */
export function runtimeChecks(dir: string, packages: PublishablePackage[]): ConsumerCheck[] {
  const checks: ConsumerCheck[] = []
  for (const pkg of packages) {
    for (const entry of pkg.entryPoints) {
      const spec = JSON.stringify(specifier(pkg, entry))
      const probe = (keys: string) =>
        `const keys = Object.keys(${keys}).filter((k) => k !== 'default' && k !== '__esModule'); if (keys.length === 0) throw new Error('no named exports'); console.log(keys.length)`
      const esm = run(
        process.execPath,
        ['--input-type=module', '-e', `import * as m from ${spec}; ${probe('m')}`],
        dir,
        60_000,
      )
      checks.push({
        label: `esm import ${specifier(pkg, entry)}`,
        ok: esm.ok,
        detail: esm.ok ? `${esm.output.trim()} exports` : firstLines(esm.output),
      })
      const cjs = run(
        process.execPath,
        ['--input-type=commonjs', '-e', `const m = require(${spec}); ${probe('m')}`],
        dir,
        60_000,
      )
      checks.push({
        label: `cjs require ${specifier(pkg, entry)}`,
        ok: cjs.ok,
        detail: cjs.ok ? `${cjs.output.trim()} exports` : firstLines(cjs.output),
      })
    }
  }
  return checks
}

/**
 * Type-checks a consumer that imports every entry point, with `moduleResolution` node16 (an ESM `.mts` and a
 * CommonJS `.cts` file) and bundler, using the given `tsc`. Library checking stays on, so broken `.d.ts` files fail.
 *
 * @param dir - the consumer project
 * @param packages - the installed packages
 * @param tsc - path of TypeScript's `bin/tsc`
 * @returns one check per resolution mode
 * @example
 * typeChecks('/tmp/consumer', packages, join(root, 'node_modules/typescript/bin/tsc'))
 */
export function typeChecks(
  dir: string,
  packages: PublishablePackage[],
  tsc: string,
): ConsumerCheck[] {
  const entries = packages.flatMap((pkg) => pkg.entryPoints.map((entry) => specifier(pkg, entry)))
  const esm = entries.map((s, i) => `import * as m${i} from '${s}'`).join('\n')
  const use = `\nexport const exported: string[][] = [${entries.map((_, i) => `Object.keys(m${i})`).join(', ')}]\n`
  writeFileSync(join(dir, 'esm-consumer.mts'), `${esm}${use}`)
  writeFileSync(
    join(dir, 'cjs-consumer.cts'),
    `${entries.map((s, i) => `import m${i} = require('${s}')`).join('\n')}${use}`,
  )
  const base = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    types: ['node'],
  }
  const configs = {
    node16: {
      compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' },
      files: ['esm-consumer.mts', 'cjs-consumer.cts'],
    },
    bundler: {
      compilerOptions: { ...base, module: 'esnext', moduleResolution: 'bundler' },
      files: ['esm-consumer.mts'],
    },
  }
  return Object.entries(configs).map(([mode, config]) => {
    writeFileSync(join(dir, `tsconfig.${mode}.json`), JSON.stringify(config, null, 2))
    const result = run(process.execPath, [tsc, '-p', `tsconfig.${mode}.json`], dir, 300_000)
    return {
      label: `typescript moduleResolution ${mode}`,
      ok: result.ok,
      detail: result.ok
        ? `${entries.length} entry points type-check`
        : firstLines(result.output, 15),
    }
  })
}

function firstLines(text: string, n = 6): string {
  return text.trim().split('\n').slice(0, n).join('\n')
}
