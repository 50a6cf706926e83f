import { expectTypeOf, test } from 'vitest'
import type { components, paths } from '../src/index.ts'

test('GET /events/{event_id} answers 200 with the Event schema', () => {
  type Body = paths['/events/{event_id}']['get']['responses'][200]['content']['application/json']
  expectTypeOf<Body>().toEqualTypeOf<components['schemas']['Event']>()
})

test('PATCH /events/{event_id} takes an EventUpdate body', () => {
  type Body = NonNullable<
    paths['/events/{event_id}']['patch']['requestBody']
  >['content']['application/json']
  expectTypeOf<Body>().toEqualTypeOf<components['schemas']['EventUpdate']>()
})
