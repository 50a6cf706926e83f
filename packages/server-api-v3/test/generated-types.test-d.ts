import { expectTypeOf, test } from 'vitest'
import type { components, paths } from '../src/index'

test('GET /events/{request_id} answers 200 with EventsGetResponse', () => {
  type Body = paths['/events/{request_id}']['get']['responses'][200]['content']['application/json']
  expectTypeOf<Body>().toEqualTypeOf<components['schemas']['EventsGetResponse']>()
})
