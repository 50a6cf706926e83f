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
}

/**
 * Combines a caller's `AbortSignal` with a timeout, like `AbortSignal.any([signal,
 * AbortSignal.timeout(ms)])`, but works on runtimes without `AbortSignal.any` and releases its
 * timer as soon as the attempt ends.
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
  const controller = new AbortController()
  let timedOut = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const onAbort = () => controller.abort(signal?.reason)
  if (signal) {
    if (signal.aborted) controller.abort(signal.reason)
    else signal.addEventListener('abort', onAbort, { once: true })
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
      signal?.removeEventListener('abort', onAbort)
    },
  }
}
