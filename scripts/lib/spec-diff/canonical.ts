import { isObject, refSiblings, type Resolver } from './resolve.ts'
import { DOC_KEYS } from './resolve.ts'

const IGNORED = new Set<string>(DOC_KEYS)

/**
 * A stable string for the structure of `value`: `$ref`s followed (a cycle prints as its ref), documentation
 * keys and `x-` extensions dropped, object keys sorted. Two schemas with equal strings generate the same type.
 *
 * @param value - any part of an OpenAPI document
 * @param resolver - resolver for the document `value` comes from
 * @returns the canonical JSON text
 * @example
 * canonicalJson({ description: 'id', type: 'string' }, resolver) === canonicalJson({ type: 'string' }, resolver) // true
 */
export function canonicalJson(value: unknown, resolver: Resolver): string {
  return JSON.stringify(canonical(value, resolver, []))
}

function canonical(value: unknown, resolver: Resolver, stack: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, resolver, stack))
  if (!isObject(value)) return value
  const siblings = refSiblings(value)
  if (siblings) return canonical({ allOf: [{ $ref: value.$ref }, siblings] }, resolver, stack)
  if (typeof value.$ref === 'string') {
    if (stack.includes(value.$ref)) return { $ref: value.$ref }
    return canonical(resolver.resolve(value).value, resolver, [...stack, value.$ref])
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    if (IGNORED.has(key) || key.startsWith('x-')) continue
    out[key] = canonical(value[key], resolver, stack)
  }
  return out
}
