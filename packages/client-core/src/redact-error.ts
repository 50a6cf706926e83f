/** How deep a thrown value is walked; anything deeper is dropped from a copy. */
const MAX_DEPTH = 8

/**
 * Removes a secret from a value thrown by a `fetch` implementation before the client keeps it as the
 * `cause` of its own error. A thrown value is the fetch's, not ours: it may quote the request URL
 * (query key included) or its headers anywhere: message, stack, name, a non-enumerable or symbol
 * property, a getter, an `AggregateError`'s `errors`, a `Headers` or `Request` object, a `cause`
 * chain (possibly circular), or be a plain object or a string instead of an `Error`.
 *
 * The value is returned as is when every place a log line or `util.inspect` could show is provably
 * free of the secret. Otherwise it is copied: an `Error` becomes a new `Error` with the same name,
 * redacted message and stack, its primitive properties (redacted when strings, `code`/`errno` kept),
 * and its errors, arrays and plain objects copied the same way; anything else (class instances such
 * as `Headers`, functions, getters, symbol keys) is dropped. Circular references stay circular.
 *
 * @param value - what `fetch` threw.
 * @param redactText - replaces the secret in a text.
 * @returns the value itself when clean, otherwise a cleaned copy. Never throws.
 * @example
 * ```ts
 * const cause = redactError(thrown, auth.redactText)
 * throw new NetworkError('Network or fetch error', cause)
 * ```
 */
export function redactError(value: unknown, redactText: (text: string) => string): unknown {
  try {
    if (isClean(value, redactText, new Set(), 0)) return value
    const cleaned = copy(value, redactText, new Map(), 0)
    // A class instance (a Request, a Headers) or a function was thrown: nothing of it can be kept.
    return cleaned === undefined
      ? new Error('The fetch implementation threw a value holding a secret')
      : cleaned
  } catch {
    return new Error('The fetch implementation threw a value that could not be read')
  }
}

/** `[[Prototype]]` is `Object.prototype` or `null`: data, not a class instance. */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === null || proto === Object.prototype
}

function read(target: object, key: 'message' | 'name' | 'stack'): string | undefined {
  try {
    const value = (target as Record<string, unknown>)[key]
    return value === undefined ? undefined : String(value)
  } catch {
    return undefined
  }
}

function isClean(
  value: unknown,
  redactText: (text: string) => string,
  seen: Set<object>,
  depth: number,
): boolean {
  if (typeof value === 'string') return redactText(value) === value
  if (typeof value === 'symbol')
    return redactText(value.description ?? '') === (value.description ?? '')
  if (typeof value === 'function') return false
  if (typeof value !== 'object' || value === null) return true
  if (seen.has(value)) return true
  if (depth > MAX_DEPTH) return false
  seen.add(value)
  const isError = value instanceof Error
  if (!isError && !Array.isArray(value) && !isPlain(value)) return false
  if (isError) {
    // Inherited accessors (DOMException's message and name) are read, not walked.
    for (const key of ['message', 'name', 'stack'] as const) {
      const text = read(value, key)
      if (text !== undefined && redactText(text) !== text) return false
    }
  }
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'symbol') return false
    // Checked above through `read` (some engines make `stack` an own accessor).
    if (isError && key === 'stack') continue
    if (redactText(key) !== key) return false
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    if (!descriptor || !('value' in descriptor)) return false
    if (!isClean(descriptor.value, redactText, seen, depth + 1)) return false
  }
  return true
}

function copy(
  value: unknown,
  redactText: (text: string) => string,
  done: Map<object, unknown>,
  depth: number,
): unknown {
  if (typeof value === 'string') return redactText(value)
  if (typeof value === 'function' || typeof value === 'symbol') return undefined
  if (typeof value !== 'object' || value === null) return value
  if (done.has(value)) return done.get(value)
  if (depth > MAX_DEPTH) return undefined
  if (Array.isArray(value)) {
    const out: unknown[] = []
    done.set(value, out)
    for (const item of value) out.push(copy(item, redactText, done, depth + 1))
    return out
  }
  const isError = value instanceof Error
  if (!isError && !isPlain(value)) return undefined
  let out: Record<string, unknown>
  if (isError) {
    const error = new Error(redactText(read(value, 'message') ?? ''))
    error.name = redactText(read(value, 'name') ?? 'Error')
    const stack = read(value, 'stack')
    error.stack = stack === undefined ? undefined : redactText(stack)
    out = error as unknown as Record<string, unknown>
  } else {
    out = Object.getPrototypeOf(value) === null ? Object.create(null) : {}
  }
  done.set(value, out)
  for (const key of Object.getOwnPropertyNames(value)) {
    if (isError && (key === 'message' || key === 'stack' || key === 'name')) continue
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    if (!descriptor || !('value' in descriptor)) continue
    const cleaned = copy(descriptor.value, redactText, done, depth + 1)
    if (cleaned === undefined && descriptor.value !== undefined) continue
    // `cause` and AggregateError's `errors` stay non-enumerable, as on the original.
    Object.defineProperty(out, redactText(key), {
      value: cleaned,
      enumerable: descriptor.enumerable ?? true,
      writable: true,
      configurable: true,
    })
  }
  return out
}
