export { FingerprintServerApiClient } from './client'
export { Region } from './region'
export { VERSION } from './version'
export { ServerApiError, TooManyRequestsError } from './errors'
export {
  SdkError,
  RequestError,
  NetworkError,
  RequestTimeoutError,
  UnsealError,
  UnsealAggregateError,
  DecryptionAlgorithm,
  unseal,
  isValidWebhookSignature,
} from '@fpapi/client-core'
export type {
  DecryptionKey,
  IsValidWebhookSignatureParams,
  RetryEvent,
  RetryPolicy,
  RetriesOption,
  BytesLike,
} from '@fpapi/client-core'
export { unsealEventsResponse, parseEventsResponse } from './sealed-results'
export type { RawClient } from './raw-client'
export type {
  Event,
  EventUpdate,
  EventRuleAction,
  GetEventOptions,
  SearchEventsFilter,
  SearchEventsResponse,
  ErrorResponse,
  ErrorCode,
  RequestOptions,
  IterateEventsOptions,
  Options,
  FingerprintApi,
  components,
  operations,
  paths,
} from './types'
