export { FingerprintJsServerApiClient } from './client'
export type { PagedIterator, FingerprintApi } from './client'
export type { Options, RequestOptions, IterateOptions } from './options'
export { Region, AuthenticationMode } from './region'
export { VERSION } from './version'
export { getIntegrationInfo } from './user-agent'
export { getRetryAfter } from './retry-after'
export { unsealEventsResponse, unseal, parseEventsResponse } from './sealed'
export { nextVisitsFilter, nextSearchFilter } from './history-cursor'
export { TooManyRequestsError, RequestError } from './errors'
export type { TooManyRequestsErrorConstructor } from './errors'
export {
  SdkError,
  ServerApiError,
  NetworkError,
  RequestTimeoutError,
  UnsealError,
  UnsealAggregateError,
  DecryptionAlgorithm,
  isValidWebhookSignature,
  collect,
} from '@fpapi/client-core'
export type {
  DecryptionKey,
  IsValidWebhookSignatureParams,
  RetriesOption,
  RetryPolicy,
  RetryEvent,
  BytesLike,
} from '@fpapi/client-core'
export type {
  EventsGetResponse,
  EventsUpdateRequest,
  SearchEventsFilter,
  SearchEventsResponse,
  SearchEventsResponseEvent,
  VisitorHistoryFilter,
  VisitorsResponse,
  Visit,
  RelatedVisitorsFilter,
  RelatedVisitorsResponse,
  Webhook,
  ErrorResponse,
  ErrorPlainResponse,
  ErrorCode,
  Products,
  Identification,
  Tag,
  ApiPath,
} from './types'
export type { paths, components, operations } from './generated/openapi'
