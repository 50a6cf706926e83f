/**
 * `@fpapi/server-api-v4/migrate`: move code written for Server API v3 onto v4.
 *
 * - pure mapping functions between v3 and v4 shapes,
 * - `createV3CompatClient`: v3 method names, arguments, results and errors on top of the v4 API,
 * - `migrateSources`: the codemod behind the `fpapi-migrate` command.
 *
 * See MIGRATION.md in this package for the step-by-step guide.
 */
export { toV4Update } from './to-v4-update'
export {
  toV4SearchFilter,
  UNSUPPORTED_V3_SEARCH_FILTERS,
  V4_MAX_SEARCH_LIMIT,
} from './to-v4-search-filter'
export type { ToV4SearchFilterOptions, V3SearchFilterInput } from './to-v4-search-filter'
export { toV3Event, V3_DEFAULTS } from './to-v3-event'
export { toV3Visit } from './to-v3-visit'
export { toV3Webhook } from './to-v3-webhook'
export { toV3ErrorCode, V4_TO_V3_ERROR_CODES } from './to-v3-error-code'
export { EVENT_FIELD_MAP, RAW_ATTRIBUTE_KEYS } from './field-map'
export type { EventFieldMapping, FieldTransform } from './field-map'
export { createV3CompatClient } from './compat/create-v3-compat-client'
export type {
  V3ClientOptions,
  V3CompatClient,
  V3CompatOptions,
  V3SearchEvent,
} from './compat/create-v3-compat-client'
export type { V3PagedIterator } from './compat/paged-iterator'
export type { V3ErrorClasses } from './compat/to-v3-error'
export type { V4ClientLike } from './compat/v4-client-like'
export { migrateSources, MIGRATABLE_EXTENSIONS } from './codemod/migrate-sources'
export type { SourceInput } from './codemod/migrate-sources'
export type { MigratedFile, MigrationNote, MigrationResult } from './codemod/types'
export { runMigrateCli, SKIPPED_DIRECTORIES } from './codemod/cli'
export type { MigrateCliIo } from './codemod/cli'
export type {
  V3ErrorCode,
  V3EventsGetResponse,
  V3EventsUpdateRequest,
  V3SearchEventsFilter,
  V3SearchEventsResponse,
  V3Visit,
  V3VisitorHistoryFilter,
  V3VisitorsResponse,
  V3Webhook,
  V4ErrorCode,
  V4Event,
  V4EventSearch,
  V4EventUpdate,
  V4SearchEventsFilter,
} from './types'
