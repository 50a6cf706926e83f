/** How deep a thrown value is walked; anything deeper is dropped from a copy. */
const MAX_DEPTH = 8

/**
 * Removes a secret from a value thrown by a `fetch` implementation before the client keeps it as the
 * `cause` of its own error. A thrown value is the fetch's, not ours: it may quote the request URL
 * (query key included) or its headers anywhere: message, stack, name, a non-enumerable or symbol
 * property, a getter, an `AggregateError`'s `errors`, a `Headers` or `Request` object, a `cause`
 * chain (possibly circular), or be a plain object or a string instead of an `Error`.
 *
 * The value is returned as is when nothing had to change. Otherwise a copy is returned: errors
 * become `Error`s with the same name, redacted message and stack and their own properties copied
 * (non-enumerable ones stay non-enumerable, so `cause` and `errors` keep their place); arrays and
 * plain objects are copied; strings are redacted; class instances (`Headers`, `Request`),
 * functions and symbol keys are dropped. Circular references stay circular.
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
  let changed = false
  const copies = new Map<object, unknown>()
  const text = (input: string): string => {
    const output = redactText(input)
    if (output !== input) changed = true
    return output
  }
  const walk = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') return text(item)
    if (typeof item !== 'object' || item === null) {
      if (typeof item !== 'function' && typeof item !== 'symbol') return item
      changed = true
      return undefined
    }
    if (copies.has(item)) return copies.get(item)
    const proto = Object.getPrototypeOf(item) as unknown
    const isError = item instanceof Error
    if (
      depth > MAX_DEPTH ||
      !(isError || Array.isArray(item) || proto === null || proto === Object.prototype)
    ) {
      changed = true
      return undefined
    }
    if (Array.isArray(item)) {
      const out: unknown[] = []
      copies.set(item, out)
      for (const entry of item) out.push(walk(entry, depth + 1))
      return out
    }
    const out = (isError ? new Error(text(read(item, 'message') ?? '')) : {}) as object
    copies.set(item, out)
    if (isError) {
      // Inherited accessors (DOMException's message and name) are read, not walked.
      define(out, 'name', text(read(item, 'name') ?? 'Error'), false)
      define(out, 'stack', text(read(item, 'stack') ?? ''), false)
    }
    for (const key of Reflect.ownKeys(item)) {
      if (isError && (key === 'message' || key === 'name' || key === 'stack')) continue
      if (typeof key === 'symbol') {
        changed = true
        continue
      }
      const descriptor = Object.getOwnPropertyDescriptor(item, key)
      // A getter may throw or answer differently next time: its value is read once, into a copy.
      if (descriptor && !('value' in descriptor)) changed = true
      const original = descriptor && 'value' in descriptor ? descriptor.value : read(item, key)
      const cleaned = walk(original, depth + 1)
      if (cleaned !== undefined || original === undefined) {
        define(out, text(key), cleaned, descriptor?.enumerable ?? true)
      }
    }
    return out
  }
  try {
    const cleaned = walk(value, 0)
    if (!changed) return value
    // A class instance (a Request, a Headers) or a function was thrown: nothing of it can be kept.
    if (cleaned !== undefined) return cleaned
    const what = Object.prototype.toString.call(value).slice(8, -1)
    return new Error(`The fetch implementation threw a ${what}, not kept as it may hold the key`)
  } catch {
    return new Error('The fetch implementation threw a value that could not be read')
  }
}

function read(target: object, key: string): string | undefined {
  try {
    const value = (target as Record<string, unknown>)[key]
    return value === undefined ? undefined : String(value)
  } catch {
    return undefined
  }
}

function define(target: object, key: string, value: unknown, enumerable: boolean): void {
  Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true })
}
