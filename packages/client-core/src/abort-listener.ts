/**
 * The listeners this package has registered on each signal, behind one `abort` listener of its own.
 * Many calls sharing one caller's signal (a request-scoped signal, a shutdown signal) would
 * otherwise add one listener each, and Node prints a `MaxListenersExceededWarning` ("possible
 * EventTarget memory leak") from the 11th, although each is removed when its call ends.
 */
const listeners = new WeakMap<AbortSignal, { run: () => void; set: Set<() => void> }>()

/**
 * Calls `listener` once when `signal` aborts, through a single listener per signal however many
 * calls wait on it. The caller checks `signal.aborted` first: an already aborted signal never calls.
 *
 * @param signal - the signal to watch.
 * @param listener - what to run on abort; an exception it throws is ignored.
 * @returns a function that stops watching (the signal's own listener goes with the last one).
 * @example
 * ```ts
 * const stop = onAbort(signal, () => reader.cancel(signal.reason))
 * try { await read() } finally { stop() }
 * ```
 *
 * @internal
 */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  let entry = listeners.get(signal)
  if (!entry) {
    const set = new Set<() => void>()
    const run = () => {
      listeners.delete(signal)
      for (const call of set) {
        try {
          call()
        } catch {
          // one failing listener must not keep the others from running
        }
      }
      set.clear()
    }
    entry = { run, set }
    listeners.set(signal, entry)
    signal.addEventListener('abort', run, { once: true })
  }
  const { run, set } = entry
  // A wrapper of its own, so that one function registered twice is removed once per registration.
  const call = () => listener()
  set.add(call)
  return () => {
    if (!set.delete(call) || set.size > 0 || listeners.get(signal)?.set !== set) return
    listeners.delete(signal)
    signal.removeEventListener('abort', run)
  }
}

/**
 * What a call rejects with when `signal` aborts: its `reason`, as fetch does, or an `AbortError`
 * `DOMException` when it has none. A native signal always has one (`abort()` without an argument
 * sets an `AbortError`), but a polyfilled signal may not, and the call would throw `undefined`.
 *
 * @param signal - an aborted signal.
 * @returns the value to throw.
 * @example
 * ```ts
 * if (signal.aborted) throw abortReason(signal)
 * ```
 *
 * @internal
 */
export function abortReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason
  return reason === undefined
    ? new DOMException('This operation was aborted', 'AbortError')
    : reason
}
