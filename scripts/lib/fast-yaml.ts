/**
 * A fast parser for the plain block-style YAML our specs are written in (what `yaml`'s stringify and prettier
 * produce): block mappings and sequences, plain scalars (YAML 1.2 core schema), single- and one-line
 * double-quoted strings, `|`/`>` block scalars with `-`/`+` chomping, empty `[]` and `{}`, full-line comments.
 * About ten times faster than the `yaml` package, which `pnpm generate` otherwise spends a quarter of a second
 * per spec in.
 *
 * Anything else (anchors, tags, flow collections, multi-line plain or quoted scalars, tabs, duplicate keys,
 * more-indented folded lines, trailing spaces, unusual indentation, invalid YAML) makes it give up and return
 * undefined; callers then parse with `yaml`, which also reports errors with their position. When it returns a
 * value, that value equals `yaml.parse(text, { uniqueKeys: true })` (test/fast-yaml.test.ts compares them).
 */

/** Thrown inside the parser when the text leaves the covered subset. */
class GiveUp extends Error {}

const giveUp = (): never => {
  throw new GiveUp()
}

interface Line {
  /** Number of leading spaces. */
  indent: number
  /** The text after the indentation. */
  body: string
}

const INT = /^[-+]?[0-9]+$/
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/
const NULL = /^(?:~|[Nn]ull|NULL)?$/
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/
/** Core-schema forms left to `yaml`: octal, hex, infinities and NaN. */
const OTHER_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/
/** Characters that start something other than a plain scalar (or a plain scalar we leave to `yaml`). */
const NOT_PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`]/
/** A plain mapping key followed by `:` and a space or the end of the line. */
const PLAIN_KEY = /^([^\s\-?:,[\]{}#&*!|>'"%@`][^#]*?):(?: |$)/
const SINGLE_QUOTED_KEY = /^'((?:[^']|'')*)':(?: |$)/

/** The value of a plain scalar under the core schema (`yaml`'s resolution order). */
function resolvePlain(text: string): unknown {
  if (NULL.test(text)) return null
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T'
  if (OTHER_NUMBER.test(text)) giveUp()
  if (INT.test(text)) return parseInt(text, 10)
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text)
  return text
}

/** A plain scalar on one line: no comment, no `: `, no indicator first. */
function plainScalar(text: string): unknown {
  if (NOT_PLAIN_START.test(text) && !/^-[^\s]/.test(text)) giveUp()
  if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) giveUp()
  return resolvePlain(text)
}

function singleQuoted(text: string): string {
  const match = /^'((?:[^']|'')*)' *$/.exec(text) ?? giveUp()
  return match[1]!.replace(/''/g, "'")
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' }

function doubleQuoted(text: string): string {
  const match = /^"((?:[^"\\]|\\.)*)" *$/.exec(text) ?? giveUp()
  return match[1]!.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) =>
    escape.length === 5
      ? String.fromCharCode(parseInt(escape.slice(1), 16))
      : (ESCAPES[escape] ?? giveUp()),
  )
}

class BlockParser {
  private readonly lines: Line[]
  private index = 0

  constructor(text: string) {
    // tabs, carriage returns, a byte order mark and non-printable characters are left to `yaml`
    if (/[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]/.test(text)) giveUp()
    this.lines = text.split('\n').map((raw) => {
      if (raw.startsWith('---') || raw.startsWith('...') || raw.startsWith('%')) giveUp()
      const indent = /^ */.exec(raw)![0].length
      return { indent, body: raw.slice(indent) }
    })
  }

  /** The next line holding content (comments and blank lines skipped), without consuming it. */
  private peek(): Line | undefined {
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!
      if (line.body !== '' && !line.body.startsWith('#')) return line
      this.index++
    }
    return undefined
  }

  document(): unknown {
    const first = this.peek()
    if (!first || first.indent !== 0) giveUp()
    const value = this.mapping(0)
    if (this.peek()) giveUp()
    return value
  }

  /** A node starting on the next content line, which must be indented deeper than `parent`. */
  private nested(parent: number): unknown {
    const line = this.peek()
    if (!line || line.indent <= parent) return null // `key:` with nothing below is null
    if (line.body === '-' || line.body.startsWith('- ')) return this.sequence(line.indent)
    if (PLAIN_KEY.test(line.body) || SINGLE_QUOTED_KEY.test(line.body))
      return this.mapping(line.indent)
    return this.plain(parent, [])
  }

  /**
   * A plain scalar: `parts` holds what is on the line of the key or dash; lines indented deeper than `parent`
   * continue it (how prettier wraps long ones) and are joined with spaces.
   */
  private plain(parent: number, parts: string[]): unknown {
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!
      if (line.body === '') break
      if (line.indent <= parent) break
      if (line.body.startsWith('#')) giveUp()
      const text = line.body.trimEnd()
      plainScalar(text) // the same restrictions on every line
      parts.push(text)
      this.index++
    }
    const next = this.peek()
    if (next && next.indent > parent) giveUp() // continued after an empty line or a comment
    return resolvePlain(parts.join(' '))
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent !== indent) giveUp()
      this.index++
      this.entry(out, line.body, indent)
    }
    return out
  }

  /** One `key: value` of a mapping at `indent`; `body` is the line after the indentation (or after `- `). */
  private entry(out: Record<string, unknown>, body: string, indent: number): void {
    let key: string
    let rest: string
    const plain = PLAIN_KEY.exec(body)
    const quoted = plain ? undefined : SINGLE_QUOTED_KEY.exec(body)
    if (plain) {
      const resolved = resolvePlain(plain[1]!.trimEnd())
      // keys must stay strings (`200` is fine: the number prints back the same)
      if (
        typeof resolved === 'number' ? String(resolved) !== plain[1] : typeof resolved !== 'string'
      )
        giveUp()
      key = String(resolved)
      rest = body.slice(plain[0].length)
    } else if (quoted) {
      key = quoted[1]!.replace(/''/g, "'")
      rest = body.slice(quoted[0].length)
    } else {
      return giveUp()
    }
    if (key.length > 1000 || key === '__proto__' || key === '<<' || Object.hasOwn(out, key))
      giveUp()
    out[key] = this.value(rest.trim(), indent)
  }

  /** The value after `key:` or `- ` on a line of a node at `indent`. */
  private value(text: string, indent: number): unknown {
    if (text === '') return this.nested(indent)
    if (text === '[]') return []
    if (text === '{}') return {}
    if (text[0] === "'") return singleQuoted(text)
    if (text[0] === '"') return doubleQuoted(text)
    if (text[0] === '|' || text[0] === '>') return this.blockScalar(text, indent)
    plainScalar(text) // checks the first line
    return this.plain(indent, [text])
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = []
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent !== indent) giveUp()
      if (line.body !== '-' && !line.body.startsWith('- ')) giveUp()
      const content = line.body.slice(1)
      const text = content.trimStart()
      const column = indent + 1 + content.length - text.length
      if (text === '-' || text.startsWith('- ')) {
        // `- - x`: a sequence whose dashes line up with the inner one
        this.lines[this.index] = { indent: column, body: text }
        out.push(this.sequence(column))
      } else if (text !== '' && (PLAIN_KEY.test(text) || SINGLE_QUOTED_KEY.test(text))) {
        // `- key: value`: a mapping whose keys line up with `key`
        this.lines[this.index] = { indent: column, body: text }
        out.push(this.mapping(column))
      } else {
        this.index++
        out.push(this.value(text.trimEnd(), indent))
      }
    }
    return out
  }

  /** `|` or `>` with optional `-`/`+` chomping; content lines are those indented deeper than `parent`. */
  private blockScalar(header: string, parent: number): string {
    const match = /^([|>])([-+]?)$/.exec(header) ?? giveUp()
    const folded = match[1] === '>'
    const chomp = match[2]
    const start = this.index
    let contentIndent = -1
    const content: string[] = []
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!
      if (line.body === '') {
        if (line.indent > 0) giveUp() // whitespace-only lines
        content.push('')
        this.index++
        continue
      }
      if (contentIndent < 0) {
        if (line.indent <= parent) break
        if (content.length) giveUp() // leading empty lines
        contentIndent = line.indent
      }
      if (line.indent < contentIndent) break
      if (line.indent > contentIndent && folded) giveUp() // more-indented lines fold differently
      const text = ' '.repeat(line.indent - contentIndent) + line.body
      if (text.endsWith(' ')) giveUp()
      content.push(text)
      this.index++
    }
    if (contentIndent < 0) {
      this.index = start
      return giveUp()
    }
    // trailing empty lines: part of the scalar only for `+`; leave them unconsumed for the next node otherwise
    let trailing = 0
    while (content.length && content[content.length - 1] === '') {
      content.pop()
      trailing++
    }
    if (chomp === '+' && this.index >= this.lines.length) giveUp() // the final line break rules differ at EOF
    let text: string
    if (folded) {
      text = ''
      for (let i = 0; i < content.length; i++) {
        const line = content[i]!
        if (i === 0) text = line
        else if (line === '') text += '\n'
        else text += content[i - 1] === '' ? line : ` ${line}`
      }
    } else {
      text = content.join('\n')
    }
    if (chomp === '-') return text
    if (chomp === '+') return `${text}\n${'\n'.repeat(trailing)}`
    return `${text}\n`
  }
}

/**
 * Parses the block-style YAML subset described above.
 *
 * @param text - YAML text
 * @returns the data (equal to `yaml.parse(text, { uniqueKeys: true })`), or undefined when the text uses anything
 *   outside the subset, including every kind of invalid YAML
 * @example
 * parseBlockYaml('openapi: 3.1.0\npaths: {}\n') // { openapi: '3.1.0', paths: {} }
 */
export function parseBlockYaml(text: string): unknown {
  try {
    return new BlockParser(text).document()
  } catch (error) {
    if (error instanceof GiveUp) return undefined
    throw error
  }
}
