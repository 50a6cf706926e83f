import { onAbort as watchAbort } from './abort-listener'

/** The longest delay `setTimeout` honours (about 24.8 days). */
export const MAX_TIMER_MS = 2_147_483_647

/** A signal for one attempt, plus what is needed to tell a timeout from a caller's abort. */
export interface AttemptSignal {
  /** Aborts when the caller's signal aborts or the timeout expires. */
  signal: AbortSignal
  /** True once the timeout (not the caller) aborted the signal. */
  timedOut(): boolean
  /** Stops the timer and detaches from the caller's signal. Call it when the attempt is over. */
  clear(): void
  /**
   * The attempt got a response whose body is still to be read: detaches from the caller's signal
   * (the body reader watches it) but lets the timer run, so the timeout still bounds the body, as
   * it does for shared timeouts. The timer then no longer keeps the process alive.
   */
  settle(): void
}

/**
 * Combines a caller's `AbortSignal` with a timeout, like `AbortSignal.any([signal,
 * AbortSignal.timeout(ms)])`, but works on runtimes without `AbortSignal.any` and releases its
 * timer as soon as the attempt ends. Without a caller's signal, attempts starting within a short
 * span (at most 1 s, or `timeoutMs / 20`) share one timeout signal, which fires at most that span
 * late.
 *
 * @param timeoutMs - the timeout; `undefined` or `0` means none.
 * @param signal - the caller's signal, if any.
 * @returns the combined signal and its controls.
 * @example
 * ```ts
 * const attempt = createAttemptSignal(5_000, userSignal)
 * try { await fetch(url, { signal: attempt.signal }) } finally { attempt.clear() }
 * ```
 */
export function createAttemptSignal(
  timeoutMs: number | undefined,
  signal?: AbortSignal,
): AttemptSignal {
  if (!signal && timeoutMs && timeoutMs <= MAX_TIMER_MS) return sharedTimeoutSignal(timeoutMs)
  const controller = new AbortController()
  let timedOut = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let unwatch: (() => void) | undefined
  if (signal) {
    if (signal.aborted) controller.abort(signal.reason)
    else unwatch = watchAbort(signal, () => controller.abort(signal.reason))
  }
  // Timers longer than 2^31-1 ms fire at once in every runtime; such a timeout means "none".
  if (timeoutMs && timeoutMs <= MAX_TIMER_MS && !controller.signal.aborted) {
    timer = setTimeout(() => {
      timedOut = true
      controller.abort(
        new DOMException(`The operation timed out after ${timeoutMs} ms`, 'TimeoutError'),
      )
    }, timeoutMs)
  }
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear: () => {
      if (timer !== undefined) clearTimeout(timer)
      unwatch?.()
    },
    settle: () => {
      unwatch?.()
      ;(timer as { unref?: () => void } | undefined)?.unref?.()
    },
  }
}

/**
 * Attempts that start within a short span share one timeout signal. Creating an AbortSignal costs
 * more than the rest of a call (about 13 µs in Node 20), and a shared one is exact enough: it fires
 * when the LAST attempt that may join it has run `timeoutMs`, so every attempt still pending then
 * has run at least `timeoutMs` (and at most `span` longer). Attempts that ended don't care. At most
 * `SHARED_USES` attempts join one signal, to stay under runtimes' listener-leak warnings.
 */
interface SharedTimeout {
  controller: AbortController
  openUntil: number
  uses: number
  fired: boolean
}

const SHARED_USES = 8
const shared = new Map<number, SharedTimeout>()

function sharedTimeoutSignal(timeoutMs: number): AttemptSignal {
  const now = Date.now()
  let entry = shared.get(timeoutMs)
  if (!entry || entry.fired || entry.uses >= SHARED_USES || now > entry.openUntil) {
    const span = Math.min(1_000, Math.ceil(timeoutMs / 20))
    const created: SharedTimeout = {
      controller: new AbortController(),
      openUntil: now + span,
      uses: 0,
      fired: false,
    }
    const timer = setTimeout(() => {
      created.fired = true
      if (shared.get(timeoutMs) === created) shared.delete(timeoutMs)
      created.controller.abort(
        new DOMException(`The operation timed out after ${timeoutMs} ms`, 'TimeoutError'),
      )
    }, timeoutMs + span)
    // The timer outlives finished attempts: it must not keep a process alive (Node, Bun).
    ;(timer as { unref?: () => void }).unref?.()
    shared.set(timeoutMs, created)
    entry = created
  }
  entry.uses++
  const current = entry
  return {
    signal: current.controller.signal,
    timedOut: () => current.fired,
    clear: () => undefined,
    settle: () => undefined,
  }
}
