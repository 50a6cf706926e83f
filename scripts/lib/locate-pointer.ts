import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'

/** A 1-based position in a text file. */
export interface TextPosition {
  line: number
  column: number
}

/** Splits a JSON pointer (`#/paths/~1a/get`) into its decoded segments. */
export function pointerSegments(pointer: string): string[] {
  const body = pointer.replace(/^#/, '').replace(/^\//, '')
  if (body === '') return []
  return body.split('/').map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
}

/**
 * Finds where the node a JSON pointer names starts in YAML (or JSON) text. When the exact node is missing
 * (a dangling `$ref` target, say), the deepest existing ancestor is used.
 *
 * @param text - the YAML source
 * @param pointer - a JSON pointer such as `#/paths/~1events/get/responses/200`
 * @returns the 1-based line and column, or undefined when the text does not parse
 * @example
 * locatePointer(yamlText, '#/components/schemas/Event') // { line: 412, column: 5 }
 */
export function locatePointer(text: string, pointer: string): TextPosition | undefined {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false })
  if (doc.errors.length) return undefined
  let node: unknown = doc.contents
  let found = isNode(node) ? node : undefined
  for (const segment of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === segment)
      node = pair?.value
    } else if (isSeq(node)) {
      node = /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined
    } else {
      node = undefined
    }
    if (!isNode(node)) break
    found = node
  }
  if (found?.range) {
    const pos = lineCounter.linePos(found.range[0])
    return { line: pos.line, column: pos.col }
  }
  return undefined
}
