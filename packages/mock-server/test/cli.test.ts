import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url))

describe('fpapi-mock bin', () => {
  it('prints the URLs and keys, serves requests and stops on SIGTERM', async () => {
    const child = spawn(tsx, [cli, '--port', '0', '--events', '12', '--seed', '3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    const v4BaseUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /v4 base URL: (\S+)/.exec(out)
        if (m && out.includes('Press Ctrl+C')) resolve(m[1]!)
      })
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)))
    })
    expect(v4BaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v4$/)
    expect(out).toMatch(/12 events/)
    expect(out).toMatch(/us=mock-secret-us\s+eu=mock-secret-eu\s+ap=mock-secret-ap/)
    const res = await fetch(`${v4BaseUrl}/events?limit=2`, {
      headers: { authorization: 'Bearer mock-secret-us' },
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { events: unknown[] }).events).toHaveLength(2)
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
  }, 30_000)

  it('rejects unknown options with exit code 2 and the usage text', async () => {
    const child = spawn(tsx, [cli, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(2)
    expect(err).toMatch(/Unknown option '--bogus'/)
    expect(err).toMatch(/Usage: fpapi-mock/)
  }, 30_000)
})
