import { describe, expect, it } from 'vitest'
import { createRedirectFetch } from '@fpapi/mock-server'

function recorder() {
  const seen: string[] = []
  const base = (async (input: RequestInfo | URL) => {
    seen.push(typeof input === 'string' || input instanceof URL ? String(input) : input.url)
    return new Response('{}')
  }) as typeof fetch
  return { seen, base }
}

describe('createRedirectFetch', () => {
  it('rewrites the real API hosts of every region and leaves other URLs alone', async () => {
    const { seen, base } = recorder()
    const f = createRedirectFetch('http://127.0.0.1:9', base)
    await f('https://api.fpjs.io/v4/events?limit=1')
    await f(new URL('https://eu.api.fpjs.io/events/x'))
    await f(new Request('https://ap.api.fpjs.io/visitors/v'))
    await f('https://api.fpjs.io.evil.example/v4/events')
    await f('https://example.com/')
    expect(seen).toEqual([
      'http://127.0.0.1:9/v4/events?limit=1',
      'http://127.0.0.1:9/events/x',
      'http://127.0.0.1:9/visitors/v',
      'https://api.fpjs.io.evil.example/v4/events',
      'https://example.com/',
    ])
  })
})
