import type { Identifier, Node as TsNode, SourceFile } from 'ts-morph'
import type { TsMorphModule } from './load-ts-morph'
import { EXPORT_NOTES, EXPORT_RENAMES, V3_MODULES, V3_ONLY_EXPORTS, V4_MODULE } from './rules'
import type { PassOutput, TextEdit } from './types'

interface Spec {
  name: string
  alias?: string
  typeOnly: boolean
}

const CLIENT_V3 = 'FingerprintJsServerApiClient'

/**
 * Pass 3: module references and the client construction.
 * - imports, re-exports, `require()` and `import()` of a v3 package point to `@fpapi/server-api-v4`;
 *   renamed exports (`FingerprintJsServerApiClient` -> `FingerprintServerApiClient`,
 *   `EventsGetResponse` -> `Event`, ...) are renamed with their local uses, unless the new name is
 *   taken in the file, then the old local name is kept as an alias;
 * - exports v4 lacks stay imported from the v3 package and are reported;
 * - `authenticationMode` is removed from client options written as an object literal.
 * @internal
 */
export function rewriteModules(m: TsMorphModule, sf: SourceFile): PassOutput {
  const { Node } = m
  const out: PassOutput = { edits: [], notes: [] }
  const note = (node: TsNode, message: string) => out.notes.push({ pos: node.getStart(), message })
  const renames = new Map<string, string>() // local identifier -> new local identifier
  const namespaces = new Set<string>()
  const clientLocals = new Set<string>()
  const declared = declaredNames(m, sf)

  // client options first: it decides whether AuthenticationMode is still used afterwards
  const removedRanges: Array<[number, number]> = []
  const collectClientLocals = () => {
    for (const imp of sf.getImportDeclarations()) {
      if (!V3_MODULES.has(imp.getModuleSpecifierValue())) continue
      for (const s of imp.getNamedImports())
        if (s.getName() === CLIENT_V3) clientLocals.add(s.getAliasNode()?.getText() ?? CLIENT_V3)
      const ns = imp.getNamespaceImport()
      if (ns) namespaces.add(ns.getText())
    }
    sf.forEachDescendant((node) => {
      if (!Node.isCallExpression(node) || !isV3Require(m, node)) return
      const decl = node.getParent()
      if (!decl || !Node.isVariableDeclaration(decl)) return
      const nameNode = decl.getNameNode()
      if (Node.isIdentifier(nameNode)) namespaces.add(nameNode.getText())
      else if (Node.isObjectBindingPattern(nameNode)) {
        for (const el of nameNode.getElements()) {
          if ((el.getPropertyNameNode()?.getText() ?? el.getName()) === CLIENT_V3)
            clientLocals.add(el.getName())
        }
      }
    })
  }
  collectClientLocals()

  sf.forEachDescendant((node) => {
    if (!Node.isNewExpression(node)) return
    const callee = node.getExpression().getText()
    const isClient =
      clientLocals.has(callee) || [...namespaces].some((ns) => callee === `${ns}.${CLIENT_V3}`)
    if (!isClient) return
    const options = node.getArguments()[0]
    if (!options) return
    if (!Node.isObjectLiteralExpression(options)) {
      note(
        options,
        'client options are not an object literal: remove `authenticationMode` if you set it (v4 only accepts the Bearer header); `region` values are unchanged',
      )
      return
    }
    const props = options.getProperties()
    props.forEach((prop, i) => {
      if (!(Node.isPropertyAssignment(prop) || Node.isShorthandPropertyAssignment(prop))) return
      if (prop.getName() !== 'authenticationMode') return
      const next = props[i + 1]
      const prev = props[i - 1]
      const range: [number, number] = next
        ? [prop.getStart(), next.getStart()]
        : prev
          ? [prev.getEnd(), prop.getEnd()]
          : [prop.getStart(), prop.getEnd()]
      removedRanges.push(range)
      out.edits.push({ start: range[0], end: range[1], text: '' })
      note(
        prop,
        'removed `authenticationMode`: v4 authenticates with `Authorization: Bearer <secret key>` only (the same secret key works)',
      )
    })
  })

  const usedOutsideRemoved = (local: string, declaration: TsNode) =>
    sf
      .getDescendantsOfKind(m.SyntaxKind.Identifier)
      .some(
        (id) =>
          id.getText() === local &&
          !isInside(id, declaration) &&
          !removedRanges.some(([s, e]) => id.getStart() >= s && id.getEnd() <= e) &&
          !isPropertyName(m, id),
      )

  const partition = (specs: Spec[], declaration: TsNode) => {
    const keep: Spec[] = []
    const move: Spec[] = []
    for (const spec of specs) {
      const local = spec.alias ?? spec.name
      if (spec.name in V3_ONLY_EXPORTS) {
        if (spec.name === 'AuthenticationMode' && !usedOutsideRemoved(local, declaration)) continue
        keep.push(spec)
        note(
          declaration,
          `${V3_ONLY_EXPORTS[spec.name]} (still imported from the v3 package for now)`,
        )
        continue
      }
      if (EXPORT_NOTES[spec.name]) note(declaration, EXPORT_NOTES[spec.name]!)
      const target = EXPORT_RENAMES[spec.name] ?? spec.name
      if (spec.alias || target === spec.name) {
        move.push({ ...spec, name: target, alias: spec.alias === target ? undefined : spec.alias })
      } else if (declared.has(target) || renamesTo(renames, target)) {
        move.push({ ...spec, name: target, alias: spec.name })
      } else {
        move.push({ ...spec, name: target })
        renames.set(spec.name, target)
      }
    }
    return { keep, move }
  }

  const specText = (specs: Spec[], allType: boolean) =>
    specs
      .map(
        (s) =>
          `${s.typeOnly && !allType ? 'type ' : ''}${s.name}${s.alias ? ` as ${s.alias}` : ''}`,
      )
      .join(', ')

  for (const imp of sf.getImportDeclarations()) {
    const from = imp.getModuleSpecifierValue()
    if (!V3_MODULES.has(from)) continue
    const quote = imp.getModuleSpecifier().getText()[0]
    const named = imp.getNamedImports()
    const typeOnly = imp.isTypeOnly()
    if (imp.getDefaultImport()) {
      note(
        imp,
        `the v3 package has no default export; import { FingerprintServerApiClient } from '${V4_MODULE}'`,
      )
      continue
    }
    if (named.length === 0) {
      out.edits.push(moduleEdit(imp.getModuleSpecifier(), quote!))
      continue
    }
    const specs = named.map((s) => ({
      name: s.getName(),
      alias: s.getAliasNode()?.getText(),
      typeOnly: s.isTypeOnly(),
    }))
    const { keep, move } = partition(specs, imp)
    if (move.length === 0 && keep.length === specs.length) continue
    const kw = typeOnly ? 'import type' : 'import'
    const multiline = imp.getText().includes('\n')
    const braces = (list: Spec[]) =>
      multiline
        ? `{\n${specText(list, typeOnly)
            .split(', ')
            .map((s) => `  ${s},`)
            .join('\n')}\n}`
        : `{ ${specText(list, typeOnly)} }`
    const lines: string[] = []
    if (move.length) lines.push(`${kw} ${braces(move)} from ${quote}${V4_MODULE}${quote}`)
    if (keep.length) lines.push(`${kw} ${braces(keep)} from ${quote}${from}${quote}`)
    const semi = imp.getText().trimEnd().endsWith(';') ? ';' : ''
    out.edits.push({
      start: imp.getStart(),
      end: imp.getEnd(),
      text: lines.map((l) => l + semi).join('\n'),
    })
  }

  for (const exp of sf.getExportDeclarations()) {
    const from = exp.getModuleSpecifierValue()
    if (!from || !V3_MODULES.has(from)) continue
    const spec = exp.getModuleSpecifier()!
    out.edits.push(moduleEdit(spec, spec.getText()[0]!))
    for (const s of exp.getNamedExports()) {
      const name = s.getName()
      if (name in V3_ONLY_EXPORTS) note(s, `${V3_ONLY_EXPORTS[name]}: drop this re-export`)
      else if (EXPORT_RENAMES[name]) {
        const alias = s.getAliasNode()?.getText() ?? name
        out.edits.push({
          start: s.getStart(),
          end: s.getEnd(),
          text: `${EXPORT_RENAMES[name]} as ${alias}`,
        })
        note(
          s,
          `re-export keeps the v3 name \`${alias}\` for \`${EXPORT_RENAMES[name]}\`: rename it when your callers are ready`,
        )
      }
    }
  }

  sf.forEachDescendant((node) => {
    if (!Node.isCallExpression(node)) return
    const isRequire = isV3Require(m, node)
    const isDynamic =
      node.getExpression().getKind() === m.SyntaxKind.ImportKeyword &&
      isV3Literal(m, node.getArguments()[0])
    if (!isRequire && !isDynamic) return
    const arg = node.getArguments()[0]!
    out.edits.push(moduleEdit(arg, arg.getText()[0]!))
    // `const { X } = require(...)` and `const { X } = await import(...)` destructure the same way
    const holder = isDynamic && Node.isAwaitExpression(node.getParent()) ? node.getParent()! : node
    const decl = holder.getParent()
    const destructured =
      !!decl && Node.isVariableDeclaration(decl) && Node.isObjectBindingPattern(decl.getNameNode())
    if (isDynamic && !destructured) {
      note(
        node,
        'dynamic import now loads the v4 package: check the names you read from it (see MIGRATION.md)',
      )
      return
    }
    if (!decl || !Node.isVariableDeclaration(decl)) return
    const pattern = decl.getNameNode()
    if (!Node.isObjectBindingPattern(pattern)) return
    for (const el of pattern.getElements()) {
      const name = el.getPropertyNameNode()?.getText() ?? el.getName()
      if (name in V3_ONLY_EXPORTS) {
        if (name === 'AuthenticationMode' && !usedOutsideRemoved(el.getName(), pattern)) {
          out.edits.push(removeListItem(el, pattern.getElements()))
          continue
        }
        note(el, `${V3_ONLY_EXPORTS[name]}: it is undefined in the v4 package`)
        continue
      }
      const target = EXPORT_RENAMES[name]
      if (!target) continue
      if (el.getPropertyNameNode()) {
        out.edits.push({
          start: el.getPropertyNameNode()!.getStart(),
          end: el.getPropertyNameNode()!.getEnd(),
          text: target,
        })
      } else if (declared.has(target)) {
        out.edits.push({ start: el.getStart(), end: el.getEnd(), text: `${target}: ${name}` })
      } else {
        renames.set(name, target)
        out.edits.push({ start: el.getStart(), end: el.getEnd(), text: target })
      }
    }
  })

  // namespace members: fp.FingerprintJsServerApiClient -> fp.FingerprintServerApiClient
  if (namespaces.size) {
    sf.forEachDescendant((node) => {
      if (!(Node.isPropertyAccessExpression(node) || Node.isQualifiedName(node))) return
      const left = Node.isPropertyAccessExpression(node) ? node.getExpression() : node.getLeft()
      if (!namespaces.has(left.getText())) return
      const nameNode = Node.isPropertyAccessExpression(node) ? node.getNameNode() : node.getRight()
      const name = nameNode.getText()
      if (removedRanges.some(([s, e]) => node.getStart() >= s && node.getEnd() <= e)) return
      if (EXPORT_RENAMES[name])
        out.edits.push({
          start: nameNode.getStart(),
          end: nameNode.getEnd(),
          text: EXPORT_RENAMES[name]!,
        })
      else if (name in V3_ONLY_EXPORTS)
        note(
          node,
          `${V3_ONLY_EXPORTS[name]}: \`${node.getText()}\` does not exist in the v4 package`,
        )
    })
  }

  if (renames.size) {
    for (const id of sf.getDescendantsOfKind(m.SyntaxKind.Identifier)) {
      const to = renames.get(id.getText())
      if (!to || isPropertyName(m, id) || isInsideImport(m, id)) continue
      if (removedRanges.some(([s, e]) => id.getStart() >= s && id.getEnd() <= e)) continue
      const parent = id.getParent()
      if (parent && Node.isShorthandPropertyAssignment(parent)) {
        out.edits.push({ start: id.getStart(), end: id.getEnd(), text: `${id.getText()}: ${to}` })
      } else {
        out.edits.push({ start: id.getStart(), end: id.getEnd(), text: to })
      }
    }
  }
  return out
}

function moduleEdit(literal: TsNode, quote: string): TextEdit {
  return { start: literal.getStart(), end: literal.getEnd(), text: `${quote}${V4_MODULE}${quote}` }
}

function isV3Literal(m: TsMorphModule, node: TsNode | undefined): boolean {
  return (
    !!node &&
    (m.Node.isStringLiteral(node) || m.Node.isNoSubstitutionTemplateLiteral(node)) &&
    V3_MODULES.has(node.getLiteralText())
  )
}

function isV3Require(m: TsMorphModule, node: TsNode): boolean {
  return (
    m.Node.isCallExpression(node) &&
    node.getExpression().getText() === 'require' &&
    isV3Literal(m, node.getArguments()[0])
  )
}

function isInside(node: TsNode, container: TsNode): boolean {
  return node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd()
}

function isInsideImport(m: TsMorphModule, id: Identifier): boolean {
  return !!id.getFirstAncestor((a) => m.Node.isImportDeclaration(a) || m.Node.isBindingElement(a))
}

/** `x.Name`, `{ Name: v }`, `interface { Name: T }`: names that are not references. */
function isPropertyName(m: TsMorphModule, id: Identifier): boolean {
  const { Node } = m
  const parent = id.getParent()
  if (!parent) return false
  if (Node.isPropertyAccessExpression(parent)) return parent.getNameNode() === id
  if (Node.isQualifiedName(parent)) return parent.getRight() === id
  if (
    Node.isPropertyAssignment(parent) ||
    Node.isPropertySignature(parent) ||
    Node.isPropertyDeclaration(parent) ||
    Node.isMethodDeclaration(parent) ||
    Node.isMethodSignature(parent)
  ) {
    return parent.getNameNode() === id
  }
  return false
}

/** Names declared in the file (to avoid renaming onto an existing one). */
function declaredNames(m: TsMorphModule, sf: SourceFile): Set<string> {
  const names = new Set<string>()
  for (const id of sf.getDescendantsOfKind(m.SyntaxKind.Identifier)) {
    if (!isPropertyName(m, id)) names.add(id.getText())
  }
  return names
}

function renamesTo(renames: Map<string, string>, target: string): boolean {
  return [...renames.values()].includes(target)
}

function removeListItem(item: TsNode, all: readonly TsNode[]): TextEdit {
  const i = all.indexOf(item)
  const next = all[i + 1]
  const prev = all[i - 1]
  if (next) return { start: item.getStart(), end: next.getStart(), text: '' }
  if (prev) return { start: prev.getEnd(), end: item.getEnd(), text: '' }
  return { start: item.getStart(), end: item.getEnd(), text: '' }
}
