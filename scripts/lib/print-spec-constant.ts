/**
 * Prints `export const spec = <value> as const` exactly as prettier 3 (babel-ts parser, printWidth 100, single
 * quotes, no semicolons, trailing commas) prints the same statement written with `JSON.stringify(value)`, without
 * loading prettier: formatting the two spec constants was the slowest step of `pnpm generate`.
 *
 * It covers JSON data whose strings and keys use printable ASCII plus a set of characters prettier counts as one
 * column wide (Latin, Greek, Cyrillic letters, general punctuation). For anything else (other characters, values
 * JSON.stringify would transform) it returns undefined and the caller formats with prettier. A test compares it
 * with prettier on both specs and on generated tricky values.
 */

const PRINT_WIDTH = 100
const INDENT = '  '
/** Keys printed narrower than this hug their value (prettier: tabWidth + 3). */
const SHORT_KEY = 5

/**
 * Characters prettier measures as exactly one column in any string (no emoji, wide, combining or control
 * characters; not DEL either, which counts only in strings that are otherwise ASCII). Tested on the JSON spelling,
 * where control characters are already escapes.
 */
const NARROW_TEXT =
  /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e]*$/
const IDENTIFIER = /^[$A-Z_a-z][$0-9A-Z_a-z]*$/
const ASCII = /^[\x00-\x7f]*$/

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Thrown inside the printer when the value leaves the covered subset. */
class Unsupported extends Error {}

/**
 * Prettier's string literal: the JSON spelling, re-quoted with single quotes unless the text holds more single
 * than double quotes; escapes other than quotes are kept as written.
 */
function printString(value: string): string {
  const json = JSON.stringify(value)
  if (!NARROW_TEXT.test(json)) throw new Unsupported()
  let singles = 0
  let doubles = 0
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c === 39) singles++
    else if (c === 34) doubles++
  }
  if (singles > doubles) return json
  if (singles === 0 && doubles === 0) return `'${json.slice(1, -1)}'`
  const body = json
    .slice(1, -1)
    .replace(/\\(["'\\])|(["'])/g, (all, escaped: string | undefined, quote: string | undefined) =>
      escaped ? (escaped === '"' ? '"' : all) : quote === "'" ? "\\'" : quote!,
    )
  return `'${body}'`
}

/** Prettier's number spelling (lower case, no `+` or leading zeros in exponents). */
function printNumber(value: number): string {
  if (!Number.isFinite(value)) return 'null' // JSON.stringify writes null
  const text = JSON.stringify(value)
  return text
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, '$1$2')
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
}

/** Prettier leaves ES5 identifier names unquoted; non-ASCII keys (Unicode identifiers) are not covered. */
function printKey(key: string): string {
  if (IDENTIFIER.test(key)) return key
  if (!ASCII.test(key)) throw new Unsupported()
  return printString(key)
}

type Kind = 'object' | 'array' | 'string' | 'number' | 'negative' | 'boolean' | 'null'

function kindOf(value: unknown): Kind {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return 'string'
    case 'boolean':
      return 'boolean'
    case 'number':
      if (!Number.isFinite(value)) return 'null'
      return value < 0 ? 'negative' : 'number'
    case 'object':
      if (Array.isArray(value)) return 'array'
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw new Unsupported()
      return 'object'
    default:
      throw new Unsupported()
  }
}

/** Own enumerable entries JSON.stringify would write (undefined, functions and symbols are skipped). */
function entriesOf(value: { [key: string]: unknown }): [string, unknown][] {
  const out: [string, unknown][] = []
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    out.push([key, v])
  }
  return out
}

function elementsOf(value: unknown[]): unknown[] {
  return Array.from(value, (v) =>
    v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v,
  )
}

function isCountable(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** Prettier always breaks an array of two or more objects (or arrays) that each hold more than one entry. */
function breaksByItself(items: unknown[]): boolean {
  if (items.length < 2) return false
  const first = kindOf(items[0])
  if (first !== 'object' && first !== 'array') return false
  return items.every(
    (item) =>
      kindOf(item) === first &&
      (first === 'array'
        ? elementsOf(item as unknown[]).length > 1
        : entriesOf(item as { [key: string]: unknown }).length > 1),
  )
}

/**
 * The one-line form of a value, or undefined when it is wider than `budget` columns or contains an array that
 * prettier always breaks (which breaks every enclosing group).
 */
function flat(value: unknown, budget: number): string | undefined {
  const kind = kindOf(value)
  switch (kind) {
    case 'string': {
      const text = printString(value as string)
      return text.length <= budget ? text : undefined
    }
    case 'number':
    case 'negative': {
      const text = printNumber(value as number)
      return text.length <= budget ? text : undefined
    }
    case 'boolean':
      return value ? (budget >= 4 ? 'true' : undefined) : budget >= 5 ? 'false' : undefined
    case 'null':
      return budget >= 4 ? 'null' : undefined
    case 'array': {
      const items = elementsOf(value as unknown[])
      if (items.length === 0) return budget >= 2 ? '[]' : undefined
      if (breaksByItself(items)) return undefined
      let out = '['
      let left = budget - 2
      for (let i = 0; i < items.length; i++) {
        if (i > 0) {
          out += ', '
          left -= 2
        }
        const part = flat(items[i], left)
        if (part === undefined) return undefined
        out += part
        left -= part.length
        if (left < 0) return undefined
      }
      return `${out}]`
    }
    case 'object': {
      const entries = entriesOf(value as { [key: string]: unknown })
      if (entries.length === 0) return budget >= 2 ? '{}' : undefined
      let out = '{ '
      let left = budget - 4
      for (let i = 0; i < entries.length; i++) {
        const [key, v] = entries[i]!
        const head = `${i > 0 ? ', ' : ''}${printKey(key)}: `
        left -= head.length
        if (left < 0) return undefined
        const part = flat(v, left)
        if (part === undefined) return undefined
        out += head + part
        left -= part.length
      }
      return `${out} }`
    }
  }
}

/**
 * Prints a value whose first character lands at column `column` on a line indented by `indent`, followed on the
 * same line by `tail` columns of text (a comma, ` as const`) before the next possible line break.
 */
function print(value: unknown, indent: string, column: number, tail: number): string {
  const oneLine = flat(value, PRINT_WIDTH - column - tail)
  if (oneLine !== undefined) return oneLine
  const kind = kindOf(value)
  if (kind === 'object') return printObject(value as { [key: string]: unknown }, indent)
  if (kind === 'array') return printArray(elementsOf(value as unknown[]), indent)
  // a scalar wider than the line stays on it
  return flat(value, Infinity)!
}

function printObject(value: { [key: string]: unknown }, indent: string): string {
  const inner = indent + INDENT
  let out = '{'
  for (const [key, v] of entriesOf(value)) out += `\n${inner}${printProperty(key, v, inner)},`
  return `${out}\n${indent}}`
}

/** `key: value` inside a broken object, with prettier's assignment layouts. */
function printProperty(key: string, value: unknown, indent: string): string {
  const head = `${printKey(key)}:`
  const column = indent.length + head.length + 1
  const oneLine = flat(value, PRINT_WIDTH - column - 1)
  if (oneLine !== undefined) return `${head} ${oneLine}`
  const kind = kindOf(value)
  const shortKey = head.length - 1 < SHORT_KEY
  const hugs = shortKey || kind === 'number' || kind === 'boolean'
  if (hugs) return `${head} ${print(value, indent, column, 1)}`
  const deeper = indent + INDENT
  // strings break after the colon; other values only when even their first line does not fit after it
  const opensBlock =
    (kind === 'object' && entriesOf(value as { [key: string]: unknown }).length > 0) ||
    (kind === 'array' && (value as unknown[]).length > 0)
  const firstLine = opensBlock
    ? 1
    : kind === 'string'
      ? Infinity
      : flat(value, Infinity)!.length + 1
  if (column + firstLine <= PRINT_WIDTH) return `${head} ${print(value, indent, column, 1)}`
  return `${head}\n${deeper}${print(value, deeper, deeper.length, 1)}`
}

function printArray(items: unknown[], indent: string): string {
  const inner = indent + INDENT
  if (items.every(isCountable)) return `[\n${inner}${fillNumbers(items, inner)}\n${indent}]`
  let out = '['
  for (const item of items) out += `\n${inner}${print(item, inner, inner.length, 1)},`
  return `${out}\n${indent}]`
}

/** Prettier prints a broken array of numbers as a fill: as many per line as fit, each followed by a comma. */
function fillNumbers(items: number[], indent: string): string {
  const parts = items.map((n) => `${printNumber(n)},`)
  let out = parts[0]!
  let column = indent.length
  for (let i = 1; i < parts.length; i++) {
    const previous = parts[i - 1]!
    const next = parts[i]!
    if (column + previous.length + 1 + next.length <= PRINT_WIDTH) {
      out += ` ${next}`
      column += previous.length + 1
    } else {
      out += `\n${indent}${next}`
      column = indent.length
    }
  }
  return out
}

/**
 * Prints the module body of a generated spec constant: `export const spec = ... as const` and a default export,
 * byte for byte as prettier formats `export const spec = ${JSON.stringify(value)} as const`.
 *
 * @param value - JSON-like data (an OpenAPI document)
 * @returns the module text ending in a newline, or undefined when the value holds characters or values outside
 *   what this printer reproduces exactly (the caller then formats with prettier)
 * @example
 * printSpecConstant({ openapi: '3.1.0', paths: {} })
 * // "export const spec = { openapi: '3.1.0', paths: {} } as const\n\nexport default spec\n"
 */
export function printSpecConstant(value: unknown): string | undefined {
  const lead = 'export const spec = '
  try {
    if (kindOf(value) !== 'object') return undefined
    const body = print(value, '', lead.length, ' as const'.length)
    return `${lead}${body} as const\n\nexport default spec\n`
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}

export type { Json as SpecConstantValue }
