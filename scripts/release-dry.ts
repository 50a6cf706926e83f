/**
 * `pnpm release:dry [--skip-build] [--keep]`: builds every publishable package (packages/* not private, runtime
 * dependencies first), packs each
 * with `pnpm pack`, checks what the tarballs hold, installs them all into a fresh temporary project with npm and
 * checks ESM import, CJS require and TypeScript (moduleResolution node16 and bundler). Prints a report; exit 1 on
 * any problem.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { repoRoot } from './lib/manifest.ts'
import {
  installConsumer,
  runtimeChecks,
  typeChecks,
  type ConsumerCheck,
} from './lib/release-dry/consumer-project.ts'
import { publishablePackages } from './lib/release-dry/publishable-packages.ts'
import { pnpmCommand, run } from './lib/release-dry/run-command.ts'
import { checkTarballFiles, type PackedFile } from './lib/release-dry/tarball-contents.ts'

function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

async function main(argv: string[]): Promise<number> {
  const root = repoRoot
  const keep = argv.includes('--keep')
  const packages = publishablePackages(root)
  const work = mkdtempSync(join(tmpdir(), 'fpapi-release-dry-'))
  const checks: ConsumerCheck[] = []
  const say = (line: string) => console.log(line)
  say(
    `release:dry: ${packages.length} publishable packages: ${packages.map((p) => `${p.name}@${p.version}`).join(', ')}`,
  )
  try {
    const pnpm = pnpmCommand(root)
    if (!argv.includes('--skip-build')) {
      // one package at a time, runtime dependencies first (devDependency edges may form cycles in the task graph)
      for (const pkg of packages) {
        const build = run(
          pnpm[0]!,
          [...pnpm.slice(1), 'run', 'build'],
          join(root, pkg.dir),
          600_000,
        )
        checks.push({
          label: `build ${pkg.name}`,
          ok: build.ok,
          detail: build.ok
            ? 'pnpm run build'
            : build.output.trim().split('\n').slice(-15).join('\n'),
        })
        if (!build.ok) return report(checks, work, keep)
      }
    }

    const packs = join(work, 'tarballs')
    const tarballs: string[] = []
    for (const pkg of packages) {
      const before = new Set(existsSync(packs) ? readdirSync(packs) : [])
      const pack = run(
        pnpm[0]!,
        [...pnpm.slice(1), 'pack', '--pack-destination', packs],
        join(root, pkg.dir),
        300_000,
      )
      const made = existsSync(packs)
        ? readdirSync(packs).filter((f) => f.endsWith('.tgz') && !before.has(f))
        : []
      if (!pack.ok || made.length !== 1) {
        checks.push({
          label: `pack ${pkg.name}`,
          ok: false,
          detail: pack.output.trim().split('\n').slice(-10).join('\n'),
        })
        continue
      }
      const tarball = join(packs, made[0]!)
      tarballs.push(tarball)
      const unpacked = join(work, 'unpacked', made[0]!.replace(/\.tgz$/, ''))
      mkdirSync(unpacked, { recursive: true })
      const untar = run('tar', ['-xzf', tarball, '-C', unpacked], root)
      if (!untar.ok) {
        checks.push({ label: `unpack ${pkg.name}`, ok: false, detail: untar.output })
        continue
      }
      const pkgRoot = join(unpacked, 'package')
      const files: PackedFile[] = listFiles(pkgRoot).map((path) => ({
        path,
        ...(/\.(map|[cm]?js)$/.test(path)
          ? { text: readFileSync(join(pkgRoot, path), 'utf8') }
          : {}),
      }))
      const problems = checkTarballFiles(files)
      const manifest = readFileSync(join(pkgRoot, 'package.json'), 'utf8')
      if (manifest.includes('"workspace:'))
        problems.push('package.json still has a workspace: range')
      const size = statSync(tarball).size
      checks.push({
        label: `contents ${pkg.name}`,
        ok: problems.length === 0,
        detail:
          problems.length === 0
            ? `${files.length} files, ${(size / 1024).toFixed(1)} kB packed: ${files.map((f) => f.path).join(', ')}`
            : problems.join('\n'),
      })
    }
    if (tarballs.length !== packages.length) return report(checks, work, keep)

    const consumer = join(work, 'consumer')
    const install = installConsumer(consumer, tarballs, ['@types/node@20'])
    checks.push({
      label: 'npm install of the tarballs in a fresh project',
      ok: install.ok,
      detail: install.ok ? consumer : install.output.trim().split('\n').slice(-15).join('\n'),
    })
    if (!install.ok) return report(checks, work, keep)
    checks.push(...runtimeChecks(consumer, packages))
    checks.push(
      ...typeChecks(consumer, packages, join(root, 'node_modules', 'typescript', 'bin', 'tsc')),
    )
    return report(checks, work, keep)
  } catch (error) {
    checks.push({
      label: 'release:dry',
      ok: false,
      detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
    return report(checks, work, keep)
  }
}

function report(checks: ConsumerCheck[], work: string, keep: boolean): number {
  for (const c of checks) {
    console.log(
      `${c.ok ? 'ok  ' : 'FAIL'} ${c.label}${c.detail ? `: ${c.ok ? c.detail : `\n${c.detail.replace(/^/gm, '       ')}`}` : ''}`,
    )
  }
  const failed = checks.filter((c) => !c.ok).length
  console.log(
    `release:dry: ${checks.length - failed} checks passed, ${failed} failed${keep ? ` (work folder kept: ${work})` : ''}`,
  )
  if (!keep) rmSync(work, { recursive: true, force: true })
  return failed === 0 ? 0 : 1
}

process.exitCode = await main(process.argv.slice(2))
