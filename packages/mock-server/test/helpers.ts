import type { MockServer } from '@fpapi/mock-server'

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
