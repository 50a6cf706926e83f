/// <reference types="node" />
/**
 * Code written for @fingerprint/node-sdk 7.7.1 compiles against ours with only the import changed.
 */
import { expectTypeOf, test } from 'vitest'
import type * as official from '@fingerprint/node-sdk'
import * as ours from '../src/index'
import {
  DecryptionAlgorithm,
  FingerprintServerApiClient,
  Region,
  RequestError,
  SdkError,
  ServerApiError,
  TooManyRequestsError,
  UnsealAggregateError,
  UnsealError,
  isValidWebhookSignature,
  unsealEventsResponse,
  type ErrorCode,
  type Event,
  type EventUpdate,
  type GetEventOptions,
  type Options,
  type SearchEventsFilter,
  type SearchEventsResponse,
} from '../src/index'

test('every value export of the official SDK exists here', () => {
  expectTypeOf<keyof typeof official>().toMatchTypeOf<keyof typeof ours>()
})

test('the official types fit: inputs written for it are accepted, results fit where its types are expected', () => {
  // Inputs: what a caller builds for the official SDK is accepted by ours.
  expectTypeOf<official.SearchEventsFilter>().toMatchTypeOf<SearchEventsFilter>()
  expectTypeOf<official.EventUpdate>().toMatchTypeOf<EventUpdate>()
  expectTypeOf<official.GetEventOptions>().toMatchTypeOf<GetEventOptions>()
  expectTypeOf<official.Options>().toMatchTypeOf<Options>()
  expectTypeOf<official.Region>().toEqualTypeOf<Region>()
  // Results: ours can be passed where code expects the official types.
  expectTypeOf<Event>().toMatchTypeOf<official.Event>()
  expectTypeOf<SearchEventsResponse>().toMatchTypeOf<official.SearchEventsResponse>()
  expectTypeOf<official.ErrorCode>().toMatchTypeOf<ErrorCode>()
})

test('a program written for the official SDK type-checks', async () => {
  const options: Options = { apiKey: 'k', region: Region.AP, fetch, defaultHeaders: { 'X-A': 'b' } }
  const client = new FingerprintServerApiClient(options)
  const event: Event = await client.getEvent('id', { ruleset_id: 'rs' })
  const ruleAction = event.rule_action
  void ruleAction
  const page: SearchEventsResponse = await client.searchEvents({
    limit: 10,
    environment: ['a'],
    bot: 'bad',
  })
  const next: string | undefined = page.pagination_key
  void next
  const updated: void = await client.updateEvent('id', { linked_id: 'x', suspect: true })
  const deleted: void = await client.deleteVisitorData('visitor')
  void updated
  void deleted
  try {
    await client.getEvent('x')
  } catch (e) {
    if (e instanceof TooManyRequestsError) {
      const code: ErrorCode = e.errorCode
      const status: 429 = e.statusCode
      void code
      void status
    } else if (e instanceof ServerApiError) {
      const code: ErrorCode = e.errorCode
      const message: string = e.responseBody.error.message
      void code
      void message
    } else if (e instanceof RequestError) {
      const status: number = e.statusCode
      const response: Response = e.response
      void status
      void response
    } else if (e instanceof SdkError) {
      void e.message
    }
  }
  const unsealed: Event = await unsealEventsResponse(Buffer.from('x'), [
    { key: Buffer.from('k'), algorithm: DecryptionAlgorithm.Aes256Gcm },
  ])
  void unsealed
  try {
    await unsealEventsResponse(Buffer.from('x'), [
      { key: Buffer.from('k'), algorithm: 'aes-256-gcm' },
    ])
  } catch (e) {
    if (e instanceof UnsealAggregateError)
      for (const u of e.errors) expectTypeOf(u).toMatchTypeOf<UnsealError>()
  }
  const ok: boolean = isValidWebhookSignature({
    header: 'v1=…',
    data: Buffer.from('{}'),
    secret: 's',
  })
  void ok
  const body = { error: { code: 'failed' as const, message: 'x' } }
  const response = new Response('')
  void new ServerApiError(body, 500, response)
  void ServerApiError.fromErrorResponse(body, response)
  void new TooManyRequestsError({ error: { code: 'too_many_requests', message: 'x' } }, response)
  void RequestError.unknown(response)
})
