import type { Node as TsNode, ObjectLiteralExpression, SourceFile } from 'ts-morph'
import { UNSUPPORTED_V3_SEARCH_FILTERS, V4_MAX_SEARCH_LIMIT } from '../to-v4-search-filter'
import type { TsMorphModule } from './load-ts-morph'
import { V3_TO_V4_ERROR_CODES } from './rules'
import type { PassOutput, TextEdit } from './types'

const UPDATE_KEYS: Readonly<Record<string, string>> = {
  linkedId: 'linked_id',
  tag: 'tags',
  suspect: 'suspect',
}

/**
 * Pass 2: method calls and error codes.
 * - `updateEvent({ linkedId, tag, suspect }, id)` -> `updateEvent(id, { linked_id, tags, suspect })`
 *   when the body is an object literal; other v3-order calls are reported.
 * - `getVisits`, `getVisitorHistory`, `getRelatedVisitors`, removed search filters, `limit` above
 *   100 and `paginationKey` reads are reported (only in files that use a Fingerprint package),
 *   except on a `searchEvents` result, where it becomes `pagination_key`.
 * - `x.errorCode === 'RequestNotFound'` and `case 'RequestNotFound':` under `switch (x.errorCode)`
 *   get the v4 code.
 * @internal
 */
export function rewriteCalls(
  m: TsMorphModule,
  sf: SourceFile,
  fingerprintFile: boolean,
): PassOutput {
  const { Node } = m
  const out: PassOutput = { edits: [], notes: [] }
  const note = (node: TsNode, message: string) => out.notes.push({ pos: node.getStart(), message })

  sf.forEachDescendant((node) => {
    if (
      Node.isStringLiteral(node) &&
      V3_TO_V4_ERROR_CODES[node.getLiteralText()] &&
      comparesErrorCode(m, node)
    ) {
      const quote = node.getText()[0]
      out.edits.push({
        start: node.getStart(),
        end: node.getEnd(),
        text: `${quote}${V3_TO_V4_ERROR_CODES[node.getLiteralText()]}${quote}`,
      })
      return
    }
    if (
      fingerprintFile &&
      Node.isPropertyAccessExpression(node) &&
      node.getName() === 'paginationKey'
    ) {
      if (isSearchResult(m, node.getExpression())) {
        const name = node.getNameNode()
        out.edits.push({ start: name.getStart(), end: name.getEnd(), text: 'pagination_key' })
        return
      }
      note(
        node.getNameNode(),
        '`paginationKey`: on a searchEvents result it is `pagination_key` in v4, an opaque key (v3 keys do not work with v4); visit history has no v4 counterpart (see getVisits)',
      )
      return
    }
    if (Node.isVariableDeclaration(node)) {
      const type = node.getTypeNode()?.getText()
      const init = node.getInitializer()
      if (
        (type === 'EventsUpdateRequest' || type === 'EventUpdate') &&
        init &&
        Node.isObjectLiteralExpression(init)
      ) {
        const mapped = mapUpdateBody(m, init)
        if (typeof mapped === 'string')
          out.edits.push({ start: init.getStart(), end: init.getEnd(), text: mapped })
        else note(init, `update body: ${mapped.problem}; v4 keys are linked_id, tags, suspect`)
      }
      return
    }
    if (!Node.isCallExpression(node)) return
    const callee = node.getExpression()
    if (!Node.isPropertyAccessExpression(callee)) return
    const method = callee.getName()
    const args = node.getArguments()

    if (method === 'updateEvent' && args.length === 2) {
      const [body, id] = args as [TsNode, TsNode]
      if (Node.isObjectLiteralExpression(body)) {
        const mapped = mapUpdateBody(m, body)
        if (typeof mapped === 'string') {
          out.edits.push({
            start: body.getStart(),
            end: id.getEnd(),
            text: `${id.getText()}, ${mapped}`,
          })
        } else {
          note(
            node,
            `updateEvent body: ${mapped.problem}; v4 takes updateEvent(eventId, { linked_id?, tags?, suspect? }), see toV4Update()`,
          )
        }
      } else if (!isV4Body(m, id) && fingerprintFile) {
        note(
          node,
          'updateEvent(body, requestId): v4 takes updateEvent(eventId, body) with keys linked_id/tags/suspect; write updateEvent(requestId, toV4Update(body)) (toV4Update from @fpapi/server-api-v4/migrate)',
        )
      }
      return
    }
    if (!fingerprintFile) return
    if (method === 'getVisits' || method === 'getVisitorHistory') {
      note(
        node,
        `${method}(visitorId, filter) has no v4 operation: use searchEvents({ visitor_id, limit, pagination_key, start }) (v4 events, newest first, last 7 days unless start is set; limit counts returned events, max 100), or keep v3 calls on createV3CompatClient()`,
      )
    } else if (method === 'iterateVisits') {
      note(
        node,
        'iterateVisits has no v4 counterpart: use iterateEvents({ visitor_id, start }) of the v4 client (v4 events; set start, the default window is 7 days), or keep it on createV3CompatClient()',
      )
    } else if (method === 'getRelatedVisitors') {
      note(
        node,
        'getRelatedVisitors was removed in v4 and no v4 field carries related visitor IDs: remove this call (createV3CompatClient() throws for it)',
      )
    } else if (method === 'searchEvents' && args[0] && Node.isObjectLiteralExpression(args[0])) {
      checkSearchFilter(m, args[0], note)
    }
  })
  return out
}

function comparesErrorCode(m: TsMorphModule, literal: TsNode): boolean {
  const { Node } = m
  const parent = literal.getParent()
  const isErrorCode = (n: TsNode | undefined) =>
    !!n && Node.isPropertyAccessExpression(n) && n.getName() === 'errorCode'
  if (parent && Node.isBinaryExpression(parent)) {
    if (!/^[!=]==?$/.test(parent.getOperatorToken().getText())) return false
    const other = parent.getLeft() === literal ? parent.getRight() : parent.getLeft()
    return isErrorCode(other)
  }
  if (parent && Node.isCaseClause(parent)) {
    const sw = parent.getParent()?.getParent()
    return !!sw && Node.isSwitchStatement(sw) && isErrorCode(sw.getExpression())
  }
  return false
}

/**
 * `(await c.searchEvents(f))`, or a variable of the file named like `expr` and initialised with it.
 * Matched by name, not by symbol: binding symbols would need the type checker, which is slow.
 */
function isSearchResult(m: TsMorphModule, expr: TsNode): boolean {
  const { Node } = m
  if (Node.isIdentifier(expr)) {
    const name = expr.getText()
    const decls = expr
      .getSourceFile()
      .getDescendantsOfKind(m.SyntaxKind.VariableDeclaration)
      .filter((d) => d.getName() === name)
    return decls.length > 0 && decls.every((d) => isSearchCall(m, d.getInitializer()))
  }
  return isSearchCall(m, expr)
}

function isSearchCall(m: TsMorphModule, expr: TsNode | undefined): boolean {
  const { Node } = m
  let e = expr
  while (e && (Node.isParenthesizedExpression(e) || Node.isAwaitExpression(e)))
    e = e.getExpression()
  if (!e || !Node.isCallExpression(e)) return false
  const callee = e.getExpression()
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'searchEvents'
}

function isV4Body(m: TsMorphModule, arg: TsNode): boolean {
  if (m.Node.isObjectLiteralExpression(arg)) return true
  return m.Node.isCallExpression(arg) && arg.getExpression().getText() === 'toV4Update'
}

function mapUpdateBody(
  m: TsMorphModule,
  body: ObjectLiteralExpression,
): string | { problem: string } {
  const { Node } = m
  const edits: TextEdit[] = []
  const base = body.getStart()
  for (const prop of body.getProperties()) {
    if (Node.isShorthandPropertyAssignment(prop)) {
      const to = UPDATE_KEYS[prop.getName()]
      if (!to) return { problem: `unknown key \`${prop.getName()}\`` }
      if (to !== prop.getName()) {
        edits.push({
          start: prop.getStart() - base,
          end: prop.getEnd() - base,
          text: `${to}: ${prop.getName()}`,
        })
      }
    } else if (Node.isPropertyAssignment(prop)) {
      const nameNode = prop.getNameNode()
      if (Node.isComputedPropertyName(nameNode)) return { problem: 'a computed key' }
      const name = Node.isStringLiteral(nameNode) ? nameNode.getLiteralText() : nameNode.getText()
      const to = UPDATE_KEYS[name]
      if (!to) return { problem: `unknown key \`${name}\`` }
      if (to !== name)
        edits.push({ start: nameNode.getStart() - base, end: nameNode.getEnd() - base, text: to })
    } else {
      return { problem: 'a spread or method in the body literal' }
    }
  }
  let text = body.getText()
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end)
  }
  return text
}

function checkSearchFilter(
  m: TsMorphModule,
  filter: ObjectLiteralExpression,
  note: (node: TsNode, message: string) => void,
): void {
  const { Node } = m
  for (const prop of filter.getProperties()) {
    if (!Node.isPropertyAssignment(prop) && !Node.isShorthandPropertyAssignment(prop)) continue
    const name = prop.getName()
    if (name in UNSUPPORTED_V3_SEARCH_FILTERS) {
      note(
        prop,
        `searchEvents filter \`${name}\` is gone in v4: ${UNSUPPORTED_V3_SEARCH_FILTERS[name]}`,
      )
    } else if (name === 'limit' && Node.isPropertyAssignment(prop)) {
      const init = prop.getInitializer()
      if (init && Node.isNumericLiteral(init) && init.getLiteralValue() > V4_MAX_SEARCH_LIMIT) {
        note(
          prop,
          `searchEvents limit ${init.getText()} exceeds the v4 maximum of ${V4_MAX_SEARCH_LIMIT}: read more pages with pagination_key`,
        )
      }
    } else if (name === 'start' || name === 'end') {
      note(
        prop,
        `searchEvents \`${name}\` is inclusive in v4 (v3 excluded the bound): check the boundary if it matters`,
      )
    }
  }
}
