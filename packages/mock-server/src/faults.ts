import type { ApiVersion } from './types'

/** Which requests a fault applies to; omitted fields match everything. */
export interface FaultMatch {
  /** Only requests to this API version. */
  version?: ApiVersion
  /** Only this operation (the spec's `operationId`, e.g. `getEvent`, `searchEvents`, `getVisits`). */
  operationId?: string
}

/** Options of {@link FaultController.failNext}. */
export interface FailOptions extends FaultMatch {
  /** HTTP status of the failure, 400-599. Default `500`. */
  status?: number
  /** Error message in the body. */
  message?: string
  /** Adds a `Retry-After` header (seconds). */
  retryAfter?: number
}

/** A fault waiting to be applied to a request. @internal */
export type PendingFault =
  | { kind: 'fail'; match: FaultMatch; status: number; message: string; retryAfter?: number }
  | { kind: 'drop'; match: FaultMatch }
  | { kind: 'delay'; match: FaultMatch; ms: number }

function checkCount(method: string, count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new TypeError(`faults.${method}: count must be a positive integer, got ${String(count)}`)
  }
}

/**
 * Injects failures into the next matching requests: error answers, dropped connections or
 * delays. Faults are used up in the order they were added; a request takes at most one.
 *
 * @example
 * ```ts
 * server.faults.failNext(2, { status: 503 }) // the next two requests get 503
 * server.faults.dropNext(1, { operationId: 'searchEvents' }) // the next search loses its connection
 * ```
 */
export class FaultController {
  readonly #queue: PendingFault[] = []

  /**
   * Makes the next `count` matching requests fail with an error status.
   *
   * @param count - number of requests
   * @param options - status (default 500), message, `Retry-After`, and which requests match
   * @throws {TypeError} when `count` is not a positive integer or the status is not 400-599
   */
  failNext(count: number, options: FailOptions = {}): void {
    checkCount('failNext', count)
    const status = options.status ?? 500
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new TypeError(
        `faults.failNext: options.status must be an HTTP error status (400-599), got ${String(status)}`,
      )
    }
    if (
      options.retryAfter !== undefined &&
      !(Number.isInteger(options.retryAfter) && options.retryAfter >= 0)
    ) {
      throw new TypeError(
        'faults.failNext: options.retryAfter must be a non-negative integer (seconds)',
      )
    }
    const { status: _s, message, retryAfter, ...match } = options
    for (let i = 0; i < count; i++) {
      this.#queue.push({
        kind: 'fail',
        match,
        status,
        message: message ?? `Failure injected by the mock server (HTTP ${status}).`,
        ...(retryAfter !== undefined ? { retryAfter } : {}),
      })
    }
  }

  /**
   * Makes the server drop the connection of the next `count` matching requests without answering.
   *
   * @param count - number of requests
   * @param match - which requests
   * @throws {TypeError} when `count` is not a positive integer
   */
  dropNext(count: number, match: FaultMatch = {}): void {
    checkCount('dropNext', count)
    for (let i = 0; i < count; i++) this.#queue.push({ kind: 'drop', match: { ...match } })
  }

  /**
   * Delays the answer to the next `count` matching requests (for timeout tests).
   *
   * @param count - number of requests
   * @param ms - delay in milliseconds
   * @param match - which requests
   * @throws {TypeError} when `count` is not a positive integer or `ms` is negative
   */
  delayNext(count: number, ms: number, match: FaultMatch = {}): void {
    checkCount('delayNext', count)
    if (!(Number.isFinite(ms) && ms >= 0))
      throw new TypeError('faults.delayNext: ms must be a non-negative number')
    for (let i = 0; i < count; i++) this.#queue.push({ kind: 'delay', match: { ...match }, ms })
  }

  /** Number of faults not used yet. */
  get pending(): number {
    return this.#queue.length
  }

  /** Discards every pending fault. */
  reset(): void {
    this.#queue.length = 0
  }

  /**
   * Takes the first pending fault matching a request.
   * @internal
   */
  take(version: ApiVersion, operationId: string): PendingFault | undefined {
    const index = this.#queue.findIndex(
      (f) =>
        (f.match.version === undefined || f.match.version === version) &&
        (f.match.operationId === undefined || f.match.operationId === operationId),
    )
    return index === -1 ? undefined : this.#queue.splice(index, 1)[0]
  }
}
