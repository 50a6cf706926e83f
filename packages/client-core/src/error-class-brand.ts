/**
 * The static property that names an error class of this package wherever a copy of it runs. A
 * string key (not a symbol) so that bundlers can still drop a class nobody uses.
 */
export const ERROR_CLASS_KEY = '@fpapi/error-class'

/** The brand a constructor declares itself (not one it inherits), if any. */
function ownBrand(constructor: unknown): unknown {
  return typeof constructor === 'function'
    ? Object.getOwnPropertyDescriptor(constructor, ERROR_CLASS_KEY)?.value
    : undefined
}

/**
 * `value instanceof errorClass`, also when `value` was made by another copy of this package: the
 * CommonJS build next to the ES module one, or the copy each facade package bundles. Two classes
 * match when they declare the same brand under {@link ERROR_CLASS_KEY}. A subclass without a brand of
 * its own (a user's) matches by the prototype chain only, as `instanceof` always does.
 *
 * @param errorClass - the class on the right of `instanceof`.
 * @param value - the value on the left.
 * @returns whether `value` is an instance of `errorClass` or of its twin in another copy.
 * @example
 * ```ts
 * class MyError extends Error {
 *   static readonly [ERROR_CLASS_KEY]: string = 'MyError'
 *   static [Symbol.hasInstance](value: unknown) { return isInstanceAcrossCopies(this, value) }
 * }
 * ```
 */
export function isInstanceAcrossCopies(errorClass: unknown, value: unknown): boolean {
  if (typeof errorClass !== 'function') return false
  // Also the ordinary check runs inside the try: a Proxy whose traps throw must not turn an
  // `instanceof` in a catch block into a new exception.
  try {
    if (Function.prototype[Symbol.hasInstance].call(errorClass, value)) return true
    const brand = ownBrand(errorClass)
    if (typeof brand !== 'string' || typeof value !== 'object' || value === null) return false
    for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
      if (ownBrand(Object.getOwnPropertyDescriptor(proto, 'constructor')?.value) === brand)
        return true
    }
  } catch {
    // not one of ours
  }
  return false
}
