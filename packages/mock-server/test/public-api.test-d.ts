import { expectTypeOf, test } from 'vitest'
import {
  startMockServer,
  type MockEvent,
  type MockServer,
  type MockServerOptions,
  type MockRegion,
} from '@fpapi/mock-server'

test('startMockServer options and result', () => {
  expectTypeOf(startMockServer).parameter(0).toEqualTypeOf<MockServerOptions | undefined>()
  expectTypeOf(startMockServer).returns.resolves.toEqualTypeOf<MockServer>()
  expectTypeOf<MockServer['apiKeys']>().toEqualTypeOf<Readonly<Record<MockRegion, string>>>()
  expectTypeOf<MockServer['store']['get']>().returns.toEqualTypeOf<MockEvent | undefined>()
  expectTypeOf<MockServerOptions['rateLimit']>().toEqualTypeOf<
    { perSecond: number; burst?: number } | false | undefined
  >()
  // @ts-expect-error regions are us, eu and ap
  startMockServer({ region: 'mars' })
})
