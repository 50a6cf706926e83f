/**
 * `pnpm bench:generate [--runs N]`: measures `pnpm generate` cold, i.e. the wall time of
 * `node --import tsx scripts/generate.ts --no-cache` in a fresh process, N times (default 5), on a temporary copy
 * of the specs and of the current generated files (so nothing in the repository is written). Prints every run,
 * min/median/max, the phases of the median run (`--timings`) and whether the copy's outputs still equal the
 * repository's generated files. Numbers depend on the machine and its load: the load average is printed too.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { readManifest, repoRoot } from './lib/manifest.ts'

interface Run {
  ms: number
  timings: string[]
}

function copyInputs(): { root: string; outputs: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'fpapi-bench-generate-'))
  const entries = readManifest(repoRoot)
  const outputs = entries.flatMap((e) => e.outputs.map((o) => o.file))
  const files = ['specs/manifest.json', ...entries.map((e) => e.spec), ...outputs]
  for (const file of files) {
    if (!existsSync(join(repoRoot, file))) continue
    mkdirSync(dirname(join(root, file)), { recursive: true })
    cpSync(join(repoRoot, file), join(root, file))
  }
  return { root, outputs }
}

function runOnce(root: string): Run {
  const generate = join(import.meta.dirname, 'generate.ts')
  const started = performance.now()
  const out = spawnSync(
    process.execPath,
    ['--import', 'tsx', generate, '--no-cache', '--timings', '--root', root],
    { cwd: repoRoot, encoding: 'utf8' },
  )
  const ms = performance.now() - started
  if (out.status !== 0) throw new Error(`generate failed (exit ${out.status}):\n${out.stderr}`)
  const timings = out.stdout
    .split('\n')
    .filter((line) => line.startsWith('generate --timings: '))
    .map((line) => line.slice('generate --timings: '.length))
  return { ms, timings }
}

function main(argv: string[]): void {
  const runsFlag = argv.indexOf('--runs')
  const count = runsFlag >= 0 ? Number(argv[runsFlag + 1]) : 5
  if (!Number.isInteger(count) || count < 1)
    throw new TypeError('--runs: expected a positive integer')
  const { root, outputs } = copyInputs()
  try {
    const load = () =>
      loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')
    console.log(`bench:generate: ${cpus().length} cores, load average ${load()} (1, 5, 15 min)`)
    console.log(
      'command: node --import tsx scripts/generate.ts --no-cache (fresh process each run)',
    )
    const runs: Run[] = []
    for (let i = 0; i < count; i++) {
      const run = runOnce(root)
      runs.push(run)
      console.log(`  run ${i + 1}: ${Math.round(run.ms)} ms`)
    }
    const sorted = [...runs].sort((a, b) => a.ms - b.ms)
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!
    const ms = (r: Run) => Math.round(r.ms)
    console.log(
      `wall: min ${ms(sorted[0]!)} ms, median ${ms(median)} ms, max ${ms(sorted.at(-1)!)} ms (${count} runs)`,
    )
    console.log(
      'phases of the median run (ms since the process started; +ms since the previous mark):',
    )
    for (const line of median.timings) console.log(`  ${line}`)
    const same = outputs.every(
      (file) =>
        existsSync(join(repoRoot, file)) &&
        readFileSync(join(root, file), 'utf8') === readFileSync(join(repoRoot, file), 'utf8'),
    )
    console.log(
      `outputs equal the repository's generated files: ${same ? 'yes' : 'NO (specs changed since the last pnpm generate?)'}`,
    )
    console.log(`load average after: ${load()}`)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

main(process.argv.slice(2))
