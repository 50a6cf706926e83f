import { describeValue } from './base-url'

/**
 * Checks that an identifier passed by the caller can be used as one path segment: a string that is
 * not empty, not whitespace only, and not `.` or `..` (URL parsers drop such segments even when
 * encoded, so they would change the request path).
 *
 * @param value - the value to check.
 * @param name - the argument's name, used in the error message.
 * @returns nothing; narrows `value` to `string`.
 * @throws {TypeError} naming the argument when the value is not a usable identifier.
 * @example
 * ```ts
 * assertId(eventId, 'eventId')
 * ```
 */
export function assertId(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} must be a non-empty string (got ${describeValue(value)})`)
  }
  if (value === '.' || value === '..') {
    throw new TypeError(`${name} must not be '.' or '..'`)
  }
  assertWellFormed(value, name)
}

/**
 * Checks that a string has no lone surrogate: such a string can't be percent-encoded, and
 * `encodeURIComponent` would otherwise throw a bare `URIError` ("URI malformed") later.
 *
 * @param value - the string to check.
 * @param name - the argument's name, used in the error message.
 * @returns nothing.
 * @throws {TypeError} naming the argument when the string is not well-formed Unicode.
 * @example
 * ```ts
 * assertWellFormed(filter.linked_id, 'filter.linked_id')
 * ```
 */
export function assertWellFormed(value: string, name: string): void {
  if (
    /[\ud800-\udfff]/.test(value) &&
    !/^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/.test(value)
  ) {
    throw new TypeError(`${name} must be a well-formed Unicode string`)
  }
}

/**
 * Checks that a secret (API key, webhook secret) is a non-empty string. The message never echoes
 * the value.
 *
 * @param value - the value to check.
 * @param name - the argument's name, used in the error message.
 * @returns nothing; narrows `value` to `string`.
 * @throws {TypeError} naming the argument when the value is missing, blank or not a string.
 * @example
 * ```ts
 * assertSecret(options.apiKey, 'apiKey')
 * ```
 */
export function assertSecret(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    const got =
      typeof value === 'string'
        ? value === ''
          ? 'an empty string'
          : 'a blank string'
        : typeof value
    throw new TypeError(`${name} must be a non-empty string (got ${value === null ? 'null' : got})`)
  }
}

/**
 * Checks that a value is a positive safe integer (1, 2, ...).
 *
 * @param value - the value to check.
 * @param name - the argument's name, used in the error message.
 * @returns nothing; narrows `value` to `number`.
 * @throws {TypeError} naming the argument otherwise.
 * @example
 * ```ts
 * assertPositiveInteger(filter.limit, 'filter.limit')
 * ```
 */
export function assertPositiveInteger(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a positive integer (got ${describeValue(value)})`)
  }
}

/**
 * Checks that a value is a non-negative finite number (0 allowed), as used for delays and timeouts.
 *
 * @param value - the value to check.
 * @param name - the argument's name, used in the error message.
 * @returns nothing; narrows `value` to `number`.
 * @throws {TypeError} naming the argument otherwise.
 * @example
 * ```ts
 * assertNonNegativeNumber(options.timeoutMs, 'timeoutMs')
 * ```
 */
export function assertNonNegativeNumber(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative number (got ${describeValue(value)})`)
  }
}

/**
 * Checks that a value is one of the known regions.
 *
 * @param value - the value to check.
 * @param name - the argument's name, used in the error message.
 * @param regions - the allowed region names.
 * @returns nothing; narrows `value` to the region union.
 * @throws {TypeError} naming the argument and the allowed values otherwise.
 * @example
 * ```ts
 * assertRegion(options.region, 'region', ['Global', 'EU', 'AP'])
 * ```
 */
export function assertRegion<R extends string>(
  value: unknown,
  name: string,
  regions: readonly R[],
): asserts value is R {
  if (typeof value !== 'string' || !(regions as readonly string[]).includes(value)) {
    throw new TypeError(
      `${name} must be one of ${regions.map((r) => `'${r}'`).join(', ')} (got ${describeValue(value)})`,
    )
  }
}

/**
 * Checks that a value is a plain object (not null, not an array), as filters and bodies must be.
 *
 * @param value - the value to check.
 * @param name - the argument's name, used in the error message.
 * @returns nothing; narrows `value` to an object.
 * @throws {TypeError} naming the argument otherwise.
 * @example
 * ```ts
 * assertObject(body, 'body')
 * ```
 */
export function assertObject(value: unknown, name: string): asserts value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${name} must be an object (got ${describeValue(value)})`)
  }
}

/**
 * Checks that a value is a plain JSON-like object: what {@link assertObject} checks, and not a
 * `Date`, `Map`, `Set`, `RegExp` or other built-in whose fields `JSON.stringify` and query
 * serialization don't see (a `Date` body would be sent as a quoted string, a `Map` filter as
 * nothing at all).
 *
 * @param value - the value to check.
 * @param name - the argument's name, used in the error message.
 * @returns nothing; narrows `value` to a record.
 * @throws {TypeError} naming the argument otherwise.
 * @example
 * ```ts
 * assertPlainObject(body, 'body')
 * ```
 */
export function assertPlainObject(
  value: unknown,
  name: string,
): asserts value is Record<string, unknown> {
  assertObject(value, name)
  const tag = Object.prototype.toString.call(value).slice(8, -1)
  if (tag !== 'Object') throw new TypeError(`${name} must be a plain object (got a ${tag})`)
}

/**
 * Checks an optional string field (undefined passes).
 *
 * @param value - the value to check.
 * @param name - the field's name, used in the error message.
 * @returns nothing.
 * @throws {TypeError} naming the field when the value is neither undefined nor a string.
 * @example
 * ```ts
 * assertOptionalString(filter.linked_id, 'filter.linked_id')
 * ```
 */
export function assertOptionalString(
  value: unknown,
  name: string,
): asserts value is string | undefined {
  if (value === undefined) return
  if (typeof value !== 'string') {
    throw new TypeError(`${name} must be a string when given (got ${describeValue(value)})`)
  }
  assertWellFormed(value, name)
}

/**
 * Checks an optional boolean field (undefined passes).
 *
 * @param value - the value to check.
 * @param name - the field's name, used in the error message.
 * @returns nothing.
 * @throws {TypeError} naming the field when the value is neither undefined nor a boolean.
 * @example
 * ```ts
 * assertOptionalBoolean(filter.suspect, 'filter.suspect')
 * ```
 */
export function assertOptionalBoolean(
  value: unknown,
  name: string,
): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new TypeError(`${name} must be a boolean when given (got ${describeValue(value)})`)
  }
}

/**
 * Checks an optional finite number field (undefined passes).
 *
 * @param value - the value to check.
 * @param name - the field's name, used in the error message.
 * @returns nothing.
 * @throws {TypeError} naming the field when the value is neither undefined nor a finite number.
 * @example
 * ```ts
 * assertOptionalNumber(filter.min_suspect_score, 'filter.min_suspect_score')
 * ```
 */
export function assertOptionalNumber(
  value: unknown,
  name: string,
): asserts value is number | undefined {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
    throw new TypeError(`${name} must be a finite number when given (got ${describeValue(value)})`)
  }
}

/**
 * Checks that a value is a non-negative safe integer (0, 1, 2, ...).
 *
 * @param value - the value to check.
 * @param name - the argument's name, used in the error message.
 * @returns nothing.
 * @throws {TypeError} naming the argument otherwise.
 * @example
 * ```ts
 * assertNonNegativeInteger(filter.before, 'filter.before')
 * ```
 */
export function assertNonNegativeInteger(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative integer (got ${describeValue(value)})`)
  }
}

/**
 * Checks an optional array of strings (undefined passes).
 *
 * @param value - the value to check.
 * @param name - the field's name, used in the error message.
 * @returns nothing.
 * @throws {TypeError} naming the field (and the index) when the value is not an array of strings.
 * @example
 * ```ts
 * assertStringArray(filter.environment, 'filter.environment')
 * ```
 */
export function assertStringArray(
  value: unknown,
  name: string,
): asserts value is string[] | undefined {
  if (value === undefined) return
  if (!Array.isArray(value)) {
    throw new TypeError(
      `${name} must be an array of strings when given (got ${describeValue(value)})`,
    )
  }
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string') {
      throw new TypeError(`${name}[${i}] must be a string (got ${describeValue(item)})`)
    }
    assertWellFormed(item, `${name}[${i}]`)
  })
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
// fetch refuses NUL, CR and LF in a value, and anything above U+00FF (values are byte strings).
const BAD_HEADER_VALUE = /[\0\r\n\u0100-\uffff]/

/**
 * Checks a record of extra headers (`defaultHeaders`, per-call `headers`): an object whose names
 * are HTTP tokens and whose string values hold no CR, LF, NUL or non-Latin-1 character, so that
 * `fetch` can't refuse them later with a message quoting the value (which may be a credential).
 * The message names the header, never its value.
 *
 * @param value - the value to check.
 * @param name - the argument's name, used in the error message.
 * @returns nothing; narrows `value` to a record of strings.
 * @throws {TypeError} naming the argument (and the header) otherwise.
 * @example
 * ```ts
 * assertHeaders(options.defaultHeaders, 'defaultHeaders')
 * ```
 */
export function assertHeaders(
  value: unknown,
  name: string,
): asserts value is Record<string, string> {
  assertObject(value, name)
  // A Headers instance or a Map has no own enumerable entries: spreading it would drop every header.
  if (typeof (value as { forEach?: unknown }).forEach === 'function' || Symbol.iterator in value) {
    throw new TypeError(
      `${name} must be a plain object of header names and values (for a Headers instance or a Map, pass Object.fromEntries(headers))`,
    )
  }
  for (const [header, headerValue] of Object.entries(value)) {
    if (!HEADER_NAME.test(header)) {
      throw new TypeError(`${name} has an invalid header name ${describeValue(header)}`)
    }
    if (
      typeof headerValue === 'string'
        ? BAD_HEADER_VALUE.test(headerValue)
        : headerValue === null ||
          typeof headerValue === 'object' ||
          typeof headerValue === 'function' ||
          typeof headerValue === 'symbol'
    ) {
      throw new TypeError(
        `${name}.${header} must be a string without line breaks, NUL or characters above U+00FF`,
      )
    }
  }
}
