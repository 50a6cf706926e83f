import { isInstanceAcrossCopies } from './error-class-brand'

/**
 * The key of each {@link UnsealError}, kept out of the error object itself and read through a
 * getter on the prototype: it shows in no listing of the error's own properties (`Object.keys`,
 * `JSON.stringify`, `Object.getOwnPropertyNames`, `util.inspect(error, { showHidden: true })`).
 */
const keys = new WeakMap<object, unknown>()

/**
 * One decryption key failed to open sealed data. The key it tried is kept as `key` for code that
 * needs to know which one failed, but it is not a property of the error object (a getter of the
 * class reads it): it never appears in `JSON.stringify`, `util.inspect` (even with `showHidden`),
 * `structuredClone` or a logger that walks properties.
 *
 * @typeParam Key - the key description type.
 * @example
 * ```ts
 * catch (e) { if (e instanceof UnsealAggregateError) e.errors.forEach((u) => console.log(u.message)) }
 * ```
 */
export class UnsealError<Key = unknown> extends Error {
  /** Names the class across copies of this package; see `isInstanceAcrossCopies`. */
  static readonly '@fpapi/error-class': string = 'UnsealError'

  /** `instanceof` that also recognises the same class from another copy of this package (ESM next to CJS, a bundled facade). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isInstanceAcrossCopies(this, value)
  }

  /** The key that was tried (a getter: not an own property of the error). */
  declare readonly key: Key
  /** Why it failed, when known. */
  readonly error: Error | undefined

  /**
   * @param key - the key that was tried.
   * @param error - why it failed.
   */
  constructor(key: Key, error?: Error) {
    super(
      error ? `Unable to decrypt sealed data: ${error.message}` : 'Unable to decrypt sealed data',
    )
    this.name = 'UnsealError'
    keys.set(this, key)
    this.error = error
  }
}

Object.defineProperty(UnsealError.prototype, 'key', {
  get(this: object): unknown {
    return keys.get(this)
  },
  enumerable: false,
  configurable: true,
})

/**
 * No key could open the sealed data; `errors` has one {@link UnsealError} per key, in order.
 *
 * @typeParam Key - the key description type.
 * @example
 * ```ts
 * catch (e) { if (e instanceof UnsealAggregateError) console.log(e.errors.length, 'keys failed') }
 * ```
 */
export class UnsealAggregateError<Key = unknown> extends Error {
  /** Names the class across copies of this package; see `isInstanceAcrossCopies`. */
  static readonly '@fpapi/error-class': string = 'UnsealAggregateError'

  /** `instanceof` that also recognises the same class from another copy of this package (ESM next to CJS, a bundled facade). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isInstanceAcrossCopies(this, value)
  }

  /** One error per key tried. */
  readonly errors: UnsealError<Key>[]

  /** @param errors - the per-key errors. */
  constructor(errors: UnsealError<Key>[]) {
    super('Unable to decrypt sealed data')
    this.name = 'UnsealAggregateError'
    this.errors = errors
  }

  /**
   * Adds the failure of one more key.
   *
   * @param error - the per-key error.
   * @returns nothing.
   * @example
   * ```ts
   * aggregate.addError(new UnsealError(key, new Error('wrong key')))
   * ```
   */
  addError(error: UnsealError<Key>): void {
    this.errors.push(error)
  }

  /**
   * One line per key error.
   *
   * @returns the messages of the per-key errors, joined by newlines.
   * @example
   * ```ts
   * console.log(String(aggregate))
   * ```
   */
  override toString(): string {
    return this.errors.map((e) => e.toString()).join('\n')
  }
}
