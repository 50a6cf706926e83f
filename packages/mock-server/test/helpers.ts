import type { MockServer } from '@fpapi/mock-server'

const REAL_ORIGINS = /^https:\/\/(?:eu\.|ap\.)?api\.fpjs\.io/

/**
 * A fetch for the official SDKs, which only know the real API hosts: it sends their requests to
 * the mock server instead and records each URL it was asked for.
 */
export function mockFetch(server: MockServer): typeof fetch & { urls: string[] } {
  const urls: string[] = []
  const f = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    urls.push(url)
    return fetch(url.replace(REAL_ORIGINS, server.url), init)
  }) as typeof fetch & { urls: string[] }
  f.urls = urls
  return f
}

/** A raw request to the mock server; returns status, headers and parsed JSON (or text). */
export async function call(
  server: MockServer,
  path: string,
  init: RequestInit & { version?: 'v3' | 'v4'; key?: string | null } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const { version = path.startsWith('/v4') ? 'v4' : 'v3', key = server.apiKey, ...rest } = init
  const headers = new Headers(rest.headers)
  if (key !== null) {
    if (version === 'v4') headers.set('authorization', `Bearer ${key}`)
    else headers.set('auth-api-key', key)
  }
  const res = await fetch(`${server.url}${path}`, { ...rest, headers })
  const text = await res.text()
  let body: unknown = text
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    // keep the text
  }
  return { status: res.status, headers: res.headers, body }
}
