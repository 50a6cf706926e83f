/** How a change affects code written against the generated client. */
export type ChangeClass = 'breaking' | 'additive' | 'docs'

/** The semver bump a set of changes calls for. */
export type Bump = 'major' | 'minor' | 'patch' | 'none'

/** Which way data flows through a schema: sent by the client (`request`) or received by it (`response`). */
export type Direction = 'request' | 'response'

/** One semantic difference between two versions of an API description. */
export interface SpecChange {
  /** What changed, e.g. `operation-removed`, `enum-value-added`, `property-required`. */
  kind: string
  /** Where: an operation (`GET /events/{event_id}`), a parameter, or a schema location (`Identification.visitor_id`). */
  path: string
  /** `breaking`, `additive` or `docs`. */
  class: ChangeClass
  /** Why the change has that class, in one sentence. */
  reason: string
}

/** The result of comparing two descriptions. */
export interface SpecDiff {
  bump: Bump
  changes: SpecChange[]
}

/** A JSON-like object. */
export type JsonObject = Record<string, unknown>
