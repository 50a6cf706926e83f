export { VERSION } from './version'
export { resolveBaseUrl } from './base-url'
export type { ResolveBaseUrlOptions } from './base-url'
export { createAuth, MIN_SEARCHED_KEY_LENGTH } from './auth'
export type { Auth, AuthStyle } from './auth'
export {
  assertId,
  assertSecret,
  assertPositiveInteger,
  assertWellFormed,
  assertNonNegativeNumber,
  assertRegion,
  assertObject,
  assertPlainObject,
  assertHeaders,
  assertOptionalString,
  assertOptionalBoolean,
  assertOptionalNumber,
  assertNonNegativeInteger,
  assertStringArray,
} from './checks'
export {
  SdkError,
  NetworkError,
  RequestTimeoutError,
  RequestError,
  ServerApiError,
  TooManyRequestsError,
} from './errors'
export type { RequestInfo, RequestErrorDetails, ApiErrorDetails } from './errors'
export { ERROR_CLASS_KEY, isInstanceAcrossCopies } from './error-class-brand'
export { REPORTED_STATUS_TEXT } from './errors'
export { createErrorFromResponse, parseErrorBody } from './error-factory'
export type { ApiErrorInfo, ErrorFactoryOptions } from './error-factory'
export { parseRetryAfter } from './retry-after'
export {
  DEFAULT_RETRY_POLICY,
  resolveRetryPolicy,
  backoffDelay,
  isRetryableStatus,
  isRetryableNetworkError,
} from './retry-policy'
export type { RetryPolicy, RetriesOption, RetryRuleOptions } from './retry-policy'
export { sleep } from './sleep'
export type { Sleep } from './sleep'
export { createAttemptSignal } from './timeout'
export type { AttemptSignal } from './timeout'
export { sendWithRetry, createRetryingFetch } from './fetch-with-retry'
export type {
  FetchLike,
  PlainRequest,
  RequestLine,
  RetryEvent,
  SendOptions,
} from './fetch-with-retry'
export { createTransport, assertRequestOptions } from './transport'
export type { CallFetch, RequestOptions, Transport, TransportOptions } from './transport'
export { createRawFetch } from './raw-fetch'
export { createPathClient } from './path-client'
export type { PathCallInit, PathCallResult, PathClient } from './path-client'
export { buildPath, checkedPathSerializer, serializeQuery } from './url'
export { readJsonBody, readJsonObject, discardBody } from './json-response'
export type { ReadJsonOptions } from './json-response'
export { iteratePages, iterateItems, collect, MAX_EMPTY_PAGES } from './paginate'
export type { PaginateOptions } from './paginate'
export { toBytes, base64ToBytes, bytesToHex } from './bytes'
export type { BytesLike } from './bytes'
export { unseal, unsealAes256Gcm, DecryptionAlgorithm, SEALED_HEADER } from './unseal'
export type { DecryptionKey } from './unseal'
export { UnsealError, UnsealAggregateError } from './unseal-errors'
export { isValidWebhookSignature } from './webhook'
export type { IsValidWebhookSignatureParams } from './webhook'
export { redactUrl, redactHeaders, REDACTED } from './redact'
export { inspectSymbol } from './inspect'
