import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The result of a finished command. */
export interface CommandResult {
  ok: boolean
  status: number | null
  output: string
}

/**
 * Runs a command to completion without a shell and returns its exit status and combined output.
 *
 * @param command - executable
 * @param args - arguments
 * @param cwd - working directory
 * @param timeoutMs - kill after this long; default 5 minutes
 * @returns status and output
 * @example
 * run('node', ['-e', '1'], process.cwd())
 */
export function run(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs = 300_000,
): CommandResult {
  const out = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  })
  const output = `${out.stdout ?? ''}${out.stderr ?? ''}${out.error ? `\n${out.error.message}` : ''}`
  return { ok: out.status === 0, status: out.status, output }
}

/**
 * How to call pnpm here: the pnpm that launched this process (when run through a pnpm script), else `pnpm` on
 * PATH, else `npx pnpm@<packageManager version>`.
 *
 * @param root - repository root (its package.json names the pnpm version)
 * @returns command and leading arguments
 * @example
 * const [cmd, ...pre] = pnpmCommand(root); run(cmd, [...pre, 'pack'], dir)
 */
export function pnpmCommand(root: string): string[] {
  const launcher = process.env.npm_execpath
  if (launcher && /pnpm/.test(launcher) && existsSync(launcher))
    return /\.c?js$/.test(launcher) ? [process.execPath, launcher] : [launcher]
  if (run('pnpm', ['--version'], root, 30_000).ok) return ['pnpm']
  const pm =
    (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager?: string })
      .packageManager ?? 'pnpm@10'
  return ['npx', '-y', pm.split('+')[0]!]
}
