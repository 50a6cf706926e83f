import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))

test('pnpm start: the tour runs against the mock server and exits 0', async () => {
  const env = { ...process.env }
  delete env.FINGERPRINT_API_KEY
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/tour.ts'], {
    cwd: root,
    env,
    timeout: 60_000,
  })
  expect(stdout).toMatch(/unknown event id\s+404 event_not_found/)
  expect(stdout).toMatch(/blank event id\s+TypeError: eventId/)
  expect(stdout).toMatch(/v3 linkedId \(set via v4\)\s+order-1042/)
  expect(stdout).toMatch(/retry 1 in \d+ ms after 409/)
  expect(stdout).toMatch(/search by visitor_id\s+404 visitor_not_found/)
  expect(stdout).toMatch(/unsealed with 2nd key\s+same event back/)
  expect(stdout).toMatch(/genuine signature\s+true/)
  expect(stdout).toMatch(/tampered body\s+false/)
})
