/// <reference types="node" />
/**
 * Drop-in check: one small program written against the official
 * `@fingerprintjs/fingerprintjs-pro-server-api` v6 API runs twice, once with the official SDK and
 * once with this package (only the module changes), against the same local fake server, and both
 * runs must produce the same transcript.
 *
 * The program reaches the local server the way a user of the official SDK has to (that SDK has no
 * base URL option): through an injected `fetch` that rewrites the region URL.
 */
import { createCipheriv, createHmac, randomBytes } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import * as official from '@fingerprintjs/fingerprintjs-pro-server-api'
import { afterAll, beforeAll, expect, test } from 'vitest'
import * as ours from '../src/index'
import { FAKE_API_KEY, startFakeV3Server } from './helpers/fake-v3-server'

type Sdk = typeof official

let server: Awaited<ReturnType<typeof startFakeV3Server>>
beforeAll(async () => {
  server = await startFakeV3Server([
    { id: 'compatVisitor1', visits: 12 },
    { id: 'compatVisitor2', visits: 3 },
  ])
})
afterAll(() => server.close())

const sealedKey = randomBytes(32)
const otherKey = randomBytes(32)
function seal(payload: unknown): Buffer {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealedKey, nonce)
  const body = Buffer.concat([
    cipher.update(deflateRawSync(Buffer.from(JSON.stringify(payload)))),
    cipher.final(),
  ])
  return Buffer.concat([Buffer.from([0x9e, 0x85, 0xdc, 0xed]), nonce, body, cipher.getAuthTag()])
}

/** The program, as a user of the official v6 SDK writes it. */
async function program(sdk: Sdk, apiKey: string, localBaseUrl: string) {
  const {
    FingerprintJsServerApiClient,
    Region,
    AuthenticationMode,
    RequestError,
    TooManyRequestsError,
  } = sdk
  const transcript: unknown[] = []
  const localFetch = (url: string, init?: RequestInit) =>
    fetch(url.replace('https://api.fpjs.io', localBaseUrl), init)

  const client = new FingerprintJsServerApiClient({
    apiKey,
    region: Region.Global,
    fetch: localFetch as typeof fetch,
  })
  const record = async (label: string, run: () => Promise<unknown>) => {
    try {
      transcript.push([label, 'ok', await run()])
    } catch (e) {
      if (e instanceof TooManyRequestsError) {
        transcript.push([
          label,
          'rate-limited',
          e.statusCode,
          e.errorCode,
          e.message,
          e.retryAfter,
          e.responseBody,
        ])
      } else if (e instanceof RequestError) {
        transcript.push([
          label,
          'request-error',
          e.statusCode,
          e.errorCode,
          e.message,
          e.responseBody,
        ])
      } else {
        transcript.push([label, 'other', String(e)])
      }
    }
  }

  const history = await client.getVisits('compatVisitor1', { limit: 5 })
  transcript.push(['history', history.visits.length, typeof history.paginationKey])
  const requestId = history.visits[0]!.requestId
  await record('getEvent', () => client.getEvent(requestId))
  await record('getEvent missing', () => client.getEvent('no-such-request'))
  await record('updateEvent', () =>
    client.updateEvent({ linkedId: 'order-9', suspect: true }, requestId),
  )
  await record('next page', () =>
    client.getVisits('compatVisitor1', { limit: 5, paginationKey: history.paginationKey }),
  )
  await record('last page', () =>
    client.getVisitorHistory('compatVisitor1', {
      limit: 5,
      paginationKey: history.visits[4]!.requestId,
    }),
  )
  await record('filtered', () => client.getVisits('compatVisitor1', { linked_id: 'order-3' }))
  await record('search', () =>
    client.searchEvents({ limit: 2, visitor_id: 'compatVisitor2', bot: 'all' }),
  )
  await record('search env', () => client.searchEvents({ limit: 1, environment: ['env_main'] }))
  await record('related', () => client.getRelatedVisitors({ visitor_id: 'compatVisitor2' }))
  await record('related missing', () => client.getRelatedVisitors({ visitor_id: 'nobody' }))
  await record('delete', () => client.deleteVisitorData('compatVisitor2'))
  await record('delete missing', () => client.deleteVisitorData('nobody'))
  await record('rate limited', () => client.getVisits('rate-limited'))

  const badKey = new FingerprintJsServerApiClient({
    apiKey: 'wrong',
    authenticationMode: AuthenticationMode.QueryParameter,
    fetch: localFetch as typeof fetch,
  })
  await record('bad key', () => badKey.getEvent(requestId))
  const queryAuth = new FingerprintJsServerApiClient({
    apiKey,
    authenticationMode: AuthenticationMode.QueryParameter,
    fetch: localFetch as typeof fetch,
  })
  await record('query auth', () => queryAuth.getEvent(requestId))

  // Sealed results and webhooks
  const event = await client.getEvent(requestId)
  const sealed = seal(event)
  transcript.push([
    'unseal',
    await sdk.unsealEventsResponse(sealed, [
      { key: otherKey, algorithm: sdk.DecryptionAlgorithm.Aes256Gcm },
      { key: sealedKey, algorithm: sdk.DecryptionAlgorithm.Aes256Gcm },
    ]),
  ])
  try {
    await sdk.unsealEventsResponse(sealed, [{ key: otherKey, algorithm: 'aes-256-gcm' }])
  } catch (e) {
    transcript.push([
      'unseal wrong key',
      e instanceof sdk.UnsealAggregateError,
      (e as { errors: unknown[] }).errors.length,
    ])
  }
  const body = Buffer.from(JSON.stringify({ requestId }))
  const signature = createHmac('sha256', 'whsec').update(body).digest('hex')
  transcript.push([
    'webhook',
    sdk.isValidWebhookSignature({ header: `v1=${signature}`, data: body, secret: 'whsec' }),
    sdk.isValidWebhookSignature({ header: `v1=${signature}`, data: body, secret: 'other' }),
    sdk.isValidWebhookSignature({ header: `v2=x,v1=${signature}`, data: body, secret: 'whsec' }),
  ])
  return transcript
}

test('the same program gives the same transcript with the official SDK and with ours', async () => {
  const withOfficial = await program(official, FAKE_API_KEY, server.baseUrl)
  server.deleted.length = 0
  const withOurs = await program(ours as unknown as Sdk, FAKE_API_KEY, server.baseUrl)
  expect(withOurs).toEqual(withOfficial)
  // The transcript is not trivially equal: it holds results and every kind of failure.
  const kinds = withOfficial.map((entry) => (entry as unknown[])[1])
  expect(kinds).toEqual(expect.arrayContaining(['ok', 'request-error', 'rate-limited']))
  expect(withOfficial).toHaveLength(19)
}, 20_000)
