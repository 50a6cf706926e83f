import { abortReason, onAbort as watchAbort } from './abort-listener'

/** A function that waits `ms` milliseconds and rejects with the signal's reason when it aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

/**
 * Waits `ms` milliseconds; an abort of `signal` ends the wait at once with the signal's reason.
 *
 * @param ms - how long to wait.
 * @param signal - cancels the wait.
 * @returns a promise that resolves after the delay.
 * @throws the signal's `reason` when aborted.
 * @example
 * ```ts
 * await sleep(100, AbortSignal.timeout(50)) // rejects after 50 ms
 * ```
 */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal))
      return
    }
    const timer = setTimeout(
      () => {
        unwatch?.()
        resolve()
      },
      // setTimeout fires at once for delays over 2^31-1 ms; wait the longest it can instead.
      Math.min(ms, 2_147_483_647),
    )
    const unwatch = signal
      ? watchAbort(signal, () => {
          clearTimeout(timer)
          reject(abortReason(signal))
        })
      : undefined
  })
