/// <reference types="node" />
import { makeEvent, makeVisit } from '../fixtures/events'
import type { Visit } from '../../src/types'
import { startRecordServer, type Handler, type ServerRecord } from './record-server'

/** The secret every request must carry (header `Auth-API-Key` or query `api_key`). */
export const FAKE_API_KEY = 'sk_test_do_not_print_me_7f3a'

/** A visitor of the fake: how many visits it has, and which linkedId every third visit carries. */
export interface FakeVisitor {
  id: string
  visits: number
}

const json = (status: number, body: unknown, headers?: Record<string, string>) => ({
  status,
  json: body,
  ...(headers ? { headers } : {}),
})

/**
 * A tiny Server API v3 on 127.0.0.1 for tests (the project's mock server is a separate package).
 * It implements the documented history semantics: `limit` counts scanned events (default 100,
 * max 500), `request_id` / `linked_id` filter after the scan, `paginationKey` / `before` page into
 * the past, and `paginationKey` / `lastTimestamp` appear only while more events exist.
 */
export async function startFakeV3Server(visitors: FakeVisitor[]) {
  const history = new Map<string, Visit[]>()
  for (const v of visitors) {
    history.set(
      v.id,
      Array.from({ length: v.visits }, (_, i) =>
        makeVisit(v.id, i, i % 3 === 0 ? 'order-3' : undefined),
      ),
    )
  }
  const updates: { requestId: string; body: unknown }[] = []
  const deleted: string[] = []

  const handler: Handler = (req: ServerRecord) => {
    const url = new URL(req.rawTarget, 'http://fake')
    const key = req.headers['auth-api-key'] ?? url.searchParams.get('api_key')
    if (key !== FAKE_API_KEY) {
      return json(403, { error: { code: 'TokenNotFound', message: 'secret key is not found' } })
    }
    const segments = url.pathname.split('/').slice(1).map(decodeURIComponent)
    const q = url.searchParams

    if (segments[0] === 'events' && segments[1] === 'search' && req.method === 'GET') {
      const limit = Number(q.get('limit'))
      if (!Number.isInteger(limit) || limit < 1) {
        return json(400, { error: { code: 'RequestCannotBeParsed', message: 'limit is required' } })
      }
      // Accept both the spec's repeated keys and the official SDK's `environment[]`.
      const env = [...q.getAll('environment'), ...q.getAll('environment[]')]
      const all = [...history.entries()].flatMap(([id, visits]) =>
        visits.map((_, i) => makeEvent(id, i)),
      )
      const filtered = all.filter((e) => {
        const data = e.products.identification?.data
        if (!data) return false
        if (q.has('visitor_id') && data.visitorId !== q.get('visitor_id')) return false
        if (env.length > 0 && !env.includes('env_main')) return false
        return true
      })
      const start = q.has('pagination_key') ? Number(q.get('pagination_key')) : 0
      const page = filtered.slice(start, start + limit)
      const more = start + limit < filtered.length
      return json(200, { events: page, ...(more ? { paginationKey: String(start + limit) } : {}) })
    }

    if (segments[0] === 'events' && segments.length === 2) {
      const id = segments[1]!
      const owner = [...history.entries()].find(([, visits]) =>
        visits.some((v) => v.requestId === id),
      )
      if (!owner)
        return json(404, { error: { code: 'RequestNotFound', message: 'request id not found' } })
      if (req.method === 'GET') {
        const index = owner[1].findIndex((v) => v.requestId === id)
        return json(200, makeEvent(owner[0], index))
      }
      if (req.method === 'PUT') {
        // Like the real API, the body is read as JSON whatever the content type says (the official
        // SDK sends `text/plain`); the header as sent is in `records` for the tests that check it.
        updates.push({ requestId: id, body: JSON.parse(req.body) as unknown })
        return { status: 200, text: '{}' }
      }
    }

    if (segments[0] === 'visitors' && segments.length === 2) {
      const id = segments[1]!
      if (id === 'rate-limited') {
        return json(429, { error: 'too many requests' }, { 'retry-after': '1' })
      }
      const visits = history.get(id)
      if (req.method === 'DELETE') {
        if (!visits)
          return json(404, { error: { code: 'VisitorNotFound', message: 'visitor not found' } })
        deleted.push(id)
        return { status: 200, text: '{}' }
      }
      if (req.method === 'GET') {
        const all = visits ?? []
        const limit = q.has('limit') ? Math.min(Number(q.get('limit')), 500) : 100
        let from = 0
        if (q.has('paginationKey')) {
          from = all.findIndex((v) => v.requestId === q.get('paginationKey')) + 1
          if (from === 0) return json(400, { error: 'invalid paginationKey' })
        } else if (q.has('before')) {
          const before = Number(q.get('before'))
          from = all.findIndex((v) => v.timestamp < before)
          if (from === -1) from = all.length
        }
        const scanned = all.slice(from, from + limit)
        const more = from + scanned.length < all.length && scanned.length > 0
        const found = scanned.filter(
          (v) =>
            (!q.has('request_id') || v.requestId === q.get('request_id')) &&
            (!q.has('linked_id') || v.linkedId === q.get('linked_id')),
        )
        const last = scanned[scanned.length - 1]
        return json(200, {
          visitorId: id,
          visits: found,
          ...(more && last ? { paginationKey: last.requestId, lastTimestamp: last.timestamp } : {}),
        })
      }
    }

    if (segments[0] === 'related-visitors' && req.method === 'GET') {
      const id = q.get('visitor_id')
      if (!id || !history.has(id)) {
        return json(404, { error: { code: 'VisitorNotFound', message: 'visitor not found' } })
      }
      return json(200, {
        relatedVisitors: [...history.keys()]
          .filter((k) => k !== id)
          .map((visitorId) => ({ visitorId })),
      })
    }

    return {
      status: 404,
      text: '<html><body>no route</body></html>',
      headers: { 'content-type': 'text/html' },
    }
  }

  const server = await startRecordServer(handler)
  return { ...server, history, updates, deleted }
}
