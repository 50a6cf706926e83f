import { isInstanceAcrossCopies } from './error-class-brand'

/**
 * One decryption key failed to open sealed data. The key it tried is kept as `key` for code that
 * needs to know which one failed, but it is non-enumerable: it never appears in `JSON.stringify`,
 * `util.inspect` or a logger that walks properties.
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

  /** The key that was tried (non-enumerable). */
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
    Object.defineProperty(this, 'key', { value: key, enumerable: false, configurable: true })
    this.error = error
  }
}

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
