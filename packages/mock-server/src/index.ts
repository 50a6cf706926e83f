export { startMockServer } from './start-mock-server'
export type { MockServer, MockServerOptions, ContractViolation } from './start-mock-server'
export { createRedirectFetch } from './redirect-fetch'
export { EventStore } from './event-store'
export type { EventCheck } from './event-store'
export { FaultController } from './faults'
export type { FaultMatch, FailOptions } from './faults'
export { generateEvents } from './seed-events'
export type { GenerateEventsOptions } from './seed-events'
export { DEFAULT_RULESETS } from './rulesets'
export type { MockRule, MockRulesets } from './rulesets'
export type { RateLimitOptions } from './rate-limiter'
export type {
  ApiVersion,
  ConfidenceLevel,
  MockEvent,
  MockEventUpdate,
  MockGeolocation,
  MockIdentification,
  MockIpInfoBlock,
  MockRegion,
  MockRuleAction,
  SdkPlatform,
} from './types'
