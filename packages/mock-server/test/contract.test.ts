import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer, type MockRulesets, type MockServer } from '@fpapi/mock-server'
import { call } from './helpers'

// A ruleset whose action breaks the v4 EventRuleAction schema (status_code must be an integer):
// the one way user configuration can make the server answer something the spec forbids.
const brokenRulesets = {
  rs_broken: [
    {
      id: 'r1',
      expression: 'true',
      matches: () => true,
      action: { type: 'block', status_code: 'four-oh-three' },
    },
  ],
} as unknown as MockRulesets

let strict: MockServer
let lax: MockServer
const logged: string[] = []

beforeAll(async () => {
  strict = await startMockServer({
    events: 5,
    visitors: 2,
    rulesets: brokenRulesets,
    log: (m) => logged.push(m),
  })
  lax = await startMockServer({
    events: 5,
    visitors: 2,
    rulesets: brokenRulesets,
    strict: false,
    log: (m) => logged.push(m),
  })
})
afterAll(async () => {
  await strict.stop()
  await lax.stop()
})

describe('strict contract mode', () => {
  it('turns a response that violates the spec into a loud 500 naming the schema path', async () => {
    const id = strict.store.list()[0]!.event_id
    const res = await call(strict, `/v4/events/${id}?ruleset_id=rs_broken`)
    expect(res.status).toBe(500)
    expect(res.body.error.code).toBe('failed')
    expect(res.body.error.message).toMatch(
      /Contract violation: v4 getEvent 200 response does not match #\/components\/schemas\/Event/,
    )
    expect(res.body.error.message).toMatch(/\/rule_action/)
    expect(strict.contractViolations).toHaveLength(1)
    expect(strict.contractViolations[0]).toMatchObject({
      version: 'v4',
      operationId: 'getEvent',
      status: 200,
      schemaRef: '#/components/schemas/Event',
    })
    expect(logged.some((l) => l.includes('Contract violation'))).toBe(true)
  })

  it('lets the same response through when strict is off', async () => {
    const id = lax.store.list()[0]!.event_id
    const res = await call(lax, `/v4/events/${id}?ruleset_id=rs_broken`)
    expect(res.status).toBe(200)
    expect(res.body.rule_action.status_code).toBe('four-oh-three')
    expect(lax.contractViolations).toEqual([])
  })

  it('refuses to store an event that does not match the v4 Event schema', () => {
    expect(() => strict.store.insert({ event_id: 'x', timestamp: 'now' } as never)).toThrow(
      /does not match #\/components\/schemas\/Event: \/timestamp/,
    )
  })
})

describe('resilience', () => {
  it('answers 500 when user code throws and keeps serving', async () => {
    const errors: string[] = []
    const fragile = await startMockServer({
      events: 3,
      visitors: 1,
      log: (m) => errors.push(m),
      rulesets: {
        rs_throws: [
          {
            id: 'r',
            expression: 'boom',
            matches: () => {
              throw new Error('rule failed')
            },
            action: { type: 'allow' },
          },
        ],
      },
    })
    try {
      const id = fragile.store.list()[0]!.event_id
      const res = await call(fragile, `/v4/events/${id}?ruleset_id=rs_throws`)
      expect(res).toMatchObject({ status: 500, body: { error: { code: 'failed' } } })
      expect(errors.join('\n')).toMatch(/rule failed/)
      expect((await call(fragile, `/v4/events/${id}`)).status).toBe(200)
      expect(fragile.contractViolations).toEqual([])
    } finally {
      await fragile.stop()
    }
  })
})
