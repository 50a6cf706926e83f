import type { FingerprintJsServerApiClient } from '@fpapi/server-api-v3'
import type { FingerprintServerApiClient } from '@fpapi/server-api-v4'
import {
  createV3CompatClient,
  type V3CompatClient,
  type V4ClientLike,
} from '@fpapi/server-api-v4/migrate'
import { describe, expectTypeOf, it } from 'vitest'

type V3Surface = Pick<
  FingerprintJsServerApiClient,
  | 'getEvent'
  | 'updateEvent'
  | 'searchEvents'
  | 'getVisits'
  | 'getVisitorHistory'
  | 'deleteVisitorData'
  | 'iterateEvents'
  | 'iterateVisits'
>

describe('createV3CompatClient types', () => {
  it('stands in for the v3 client wherever v3 code uses its methods', () => {
    expectTypeOf<V3CompatClient>().toMatchTypeOf<V3Surface>()
  })

  it('returns the v3 result types', () => {
    const client = createV3CompatClient({ apiKey: 'k' })
    expectTypeOf(client.getEvent('r')).toEqualTypeOf<
      ReturnType<FingerprintJsServerApiClient['getEvent']>
    >()
    expectTypeOf(client.getVisits('v')).toEqualTypeOf<
      ReturnType<FingerprintJsServerApiClient['getVisits']>
    >()
  })

  it('accepts our v4 client as the transport', () => {
    expectTypeOf<FingerprintServerApiClient>().toMatchTypeOf<V4ClientLike>()
  })

  it('keeps v3 argument order and names', () => {
    const client = createV3CompatClient({
      apiKey: 'k',
      region: 'EU',
      authenticationMode: 'AuthHeader',
    })
    // @ts-expect-error v4 order (id first) is not the v3 signature
    void client.updateEvent('r', { linkedId: 'x' })
    // @ts-expect-error v4 body keys are not v3 keys
    void client.updateEvent({ linked_id: 'x' }, 'r')
  })
})
