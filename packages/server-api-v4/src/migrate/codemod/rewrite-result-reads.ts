import type { Node as TsNode, SourceFile } from 'ts-morph'
import type { TsMorphModule } from './load-ts-morph'
import { adviceFor, CHAIN_RULES, RAW_KEYS_V3_TO_V4, type ChainRule } from './rules'
import type { PassOutput } from './types'
import { V3_PRODUCTS } from '../field-map'

const PRODUCTS: ReadonlySet<string> = new Set(V3_PRODUCTS)
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

interface Segment {
  /** Property name, or `[]` for an index with a non-literal argument. */
  key: string
  /** Source text of the index expression for `[]` segments. */
  index?: string
  /** The access expression that ends with this segment. */
  node: TsNode
}

/**
 * Pass 1: reads of v3 event fields, `<expr>.products.<product>.data.<leaf>`, become the v4 read
 * when the table maps the leaf one-to-one (`rename`); every other read of a v3 product is reported.
 * @internal
 */
export function rewriteResultReads(m: TsMorphModule, sf: SourceFile): PassOutput {
  const { Node } = m
  const out: PassOutput = { edits: [], notes: [] }

  sf.forEachDescendant((node) => {
    // `const { products } = event` and later `products.vpn.data.result`
    if (Node.isIdentifier(node) && node.getText() === 'products') {
      const parent = node.getParent()
      if (
        parent &&
        Node.isPropertyAccessExpression(parent) &&
        parent.getExpression() === node &&
        PRODUCTS.has(parent.getName())
      ) {
        out.notes.push({
          pos: node.getStart(),
          message: `reads v3 \`products.${parent.getName()}\` through a variable: v4 events are flat, read the v4 fields from the event itself (see MIGRATION.md)`,
        })
      }
      return
    }
    if (!Node.isPropertyAccessExpression(node) || node.getName() !== 'products') return

    const segments: Segment[] = []
    let optional = false
    let nonNull = false
    let top: TsNode = node
    for (;;) {
      const parent = top.getParent()
      if (!parent) break
      if (Node.isNonNullExpression(parent) && parent.getExpression() === top) {
        nonNull = true
        top = parent
        continue
      }
      if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === top) {
        if (parent.hasQuestionDotToken()) optional = true
        segments.push({ key: parent.getName(), node: parent })
        top = parent
        continue
      }
      if (Node.isElementAccessExpression(parent) && parent.getExpression() === top) {
        if (parent.hasQuestionDotToken()) optional = true
        const arg = parent.getArgumentExpression()
        if (arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg))) {
          segments.push({ key: arg.getLiteralText(), node: parent })
        } else {
          segments.push({ key: '[]', index: arg?.getText() ?? '0', node: parent })
        }
        top = parent
        continue
      }
      break
    }
    const first = segments[0]
    if (!first || !PRODUCTS.has(first.key)) {
      if (segments.length === 0 && looksLikeV3Result(node)) {
        out.notes.push({
          pos: node.getStart(),
          message:
            'reads the v3 `products` object as a whole: v4 events are flat, read the v4 fields instead or convert with toV3Event() from @fpapi/server-api-v4/migrate',
        })
      }
      return
    }

    const match = findLeaf(segments)
    if (!match) {
      const path = ['products', ...segments.map((s) => s.key)].join('.').replaceAll('.[]', '[]')
      out.notes.push({
        pos: node.getStart(),
        message: `reads v3 \`${path}\`, which has no single v4 field: read the v4 fields you need from the event (see MIGRATION.md field table)`,
      })
      return
    }
    const { rule, v3Path, end } = match
    const leaf = segments[end]!.node
    if (isWriteTarget(m, leaf)) {
      out.notes.push({
        pos: node.getStart(),
        message: `writes v3 \`${v3Path}\`: v4 events are read-only snapshots, update the code that builds this object by hand`,
      })
      return
    }
    const compared =
      rule.transform === 'rename_enum' && v3Path.endsWith('bot.result')
        ? comparedLiteral(m, leaf)
        : undefined
    if (compared) {
      // `x.products.botd.data.bot.result === 'notDetected'` -> `x.bot === 'not_detected'`
      const lead = node.hasQuestionDotToken() ? '?.' : '.'
      out.edits.push({
        start: node.getExpression().getEnd(),
        end: leaf.getEnd(),
        text: `${lead}bot`,
      })
      if (compared.getLiteralText() === 'notDetected') {
        const quote = compared.getText()[0]
        out.edits.push({
          start: compared.getStart(),
          end: compared.getEnd(),
          text: `${quote}not_detected${quote}`,
        })
      }
      return
    }
    if (rule.transform !== 'rename' || rule.v4 === null) {
      out.notes.push({ pos: node.getStart(), message: `${adviceFor(v3Path, rule)}` })
      return
    }

    const indexes = segments.filter((s) => s.key === '[]').map((s) => s.index!)
    const inner = optional ? '?.' : nonNull ? '!.' : '.'
    const lead = node.hasQuestionDotToken() ? '?.' : '.'
    let text = ''
    rule.v4.split('.').forEach((part, i) => {
      const isArray = part.endsWith('[]')
      text += access(isArray ? part.slice(0, -2) : part, i === 0 ? lead : inner)
      if (isArray) text += indexAccess(indexes.shift() ?? '0', inner)
    })

    let endPos = leaf.getEnd()
    const rest = sf.getFullText().slice(leaf.getEnd(), top.getEnd())
    const required = rule.v4 === 'event_id' || rule.v4 === 'timestamp'
    if (rest && !required && (optional || nonNull) && !/^\s*[?!]/.test(rest)) {
      endPos = top.getEnd()
      text += optional ? rest.replace(/^(\s*)\.?/, '$1?.') : `!${rest}`
    }
    out.edits.push({ start: node.getExpression().getEnd(), end: endPos, text })
  })
  return out
}

function findLeaf(
  segments: readonly Segment[],
): { rule: ChainRule; v3Path: string; end: number } | undefined {
  const keys = segments.map((s) => s.key)
  // raw attributes: products.rawDeviceAttributes.data.<key>.value / identification.data.components.<key>.value
  const rawAt =
    keys[0] === 'rawDeviceAttributes'
      ? 2
      : keys[0] === 'identification' && keys[2] === 'components'
        ? 3
        : -1
  if (rawAt > 0 && keys[1] === 'data' && keys[rawAt + 1] === 'value') {
    const v4Key = RAW_KEYS_V3_TO_V4.get(keys[rawAt]!)
    const v3Path = ['products', ...keys.slice(0, rawAt + 2)].join('.')
    if (v4Key)
      return {
        rule: { v4: `raw_device_attributes.${v4Key}`, transform: 'rename' },
        v3Path,
        end: rawAt + 1,
      }
    return {
      rule: { v4: 'raw_device_attributes', transform: 'restructure' },
      v3Path,
      end: rawAt + 1,
    }
  }
  for (let end = keys.length - 1; end >= 0; end--) {
    const v3Path = ['products', ...keys.slice(0, end + 1)].join('.').replaceAll('.[]', '[]')
    const rule = CHAIN_RULES.get(v3Path)
    if (rule) return { rule, v3Path, end }
  }
  return undefined
}

/** The string literal a read is compared with (`===`, `!==`, `==`, `!=`), if any. */
function comparedLiteral(m: TsMorphModule, read: TsNode) {
  const parent = read.getParent()
  if (!parent || !m.Node.isBinaryExpression(parent)) return undefined
  if (!/^[!=]==?$/.test(parent.getOperatorToken().getText())) return undefined
  const other = parent.getLeft() === read ? parent.getRight() : parent.getLeft()
  return m.Node.isStringLiteral(other) &&
    ['notDetected', 'good', 'bad'].includes(other.getLiteralText())
    ? other
    : undefined
}

function access(name: string, sep: string): string {
  if (IDENTIFIER.test(name)) return `${sep}${name}`
  const key = `[${JSON.stringify(name).replaceAll('"', "'")}]`
  return sep === '?.' ? `?.${key}` : sep === '!.' ? `!${key}` : key
}

function indexAccess(index: string, sep: string): string {
  return sep === '?.' ? `?.[${index}]` : sep === '!.' ? `![${index}]` : `[${index}]`
}

function isWriteTarget(m: TsMorphModule, node: TsNode): boolean {
  const parent = node.getParent()
  if (!parent) return false
  if (m.Node.isBinaryExpression(parent) && parent.getLeft() === node) {
    return /^(=|\+=|-=|\*=|\/=|%=|\|\|=|&&=|\?\?=)$/.test(parent.getOperatorToken().getText())
  }
  return (
    m.Node.isDeleteExpression(parent) ||
    m.Node.isPostfixUnaryExpression(parent) ||
    (m.Node.isPrefixUnaryExpression(parent) && /^(\+\+|--)/.test(parent.getText()))
  )
}

/** `x.products` alone is reported only when it looks like a Fingerprint result, not any cart. */
function looksLikeV3Result(node: TsNode): boolean {
  const text = node.getSourceFile().getFullText()
  return /fingerprint|getEvent|searchEvents|EventsGetResponse/i.test(text)
}
