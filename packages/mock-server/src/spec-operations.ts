import Ajv from 'ajv'
import Ajv2020 from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { spec as specV3 } from './generated/server-api-v3.spec'
import { spec as specV4 } from './generated/server-api-v4.spec'
import type { ApiVersion } from './types'

/** How a parameter's raw query-string text is turned into a typed value before validation. */
export type ParamKind = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'integer-or-string'

/** One parameter of an operation, with its schema resolved. @internal */
export interface ParamDef {
  name: string
  in: 'path' | 'query'
  required: boolean
  kind: ParamKind
  /** Kind of each item when `kind` is `array`. */
  itemKind: ParamKind
  /** Parameter given more than once: only arrays (`style: form`, exploded) allow it. */
  explode: boolean
}

/** A compiled validator together with the schema location it checks. @internal */
export interface CompiledSchema {
  validate: ValidateFunction
  /** `#/components/schemas/...` or a path into the operation. */
  schemaRef: string
}

/** One operation of one spec, ready to route and validate. @internal */
export interface OperationDef {
  version: ApiVersion
  operationId: string
  method: string
  path: string
  pattern: RegExp
  pathParamNames: string[]
  params: ParamDef[]
  validateParams: ValidateFunction
  body: (CompiledSchema & { required: boolean }) | undefined
  /** Response validators by status code (`'200'`, `'404'`, `'default'`); `null` = no body. */
  responses: Map<string, CompiledSchema | null>
  /** Fallback for error statuses the operation does not declare. */
  errorSchema: CompiledSchema
}

type Json = Record<string, unknown>

function deref(doc: Json, node: unknown): Json {
  let current = node as Json
  for (let hops = 0; hops < 10 && current && typeof current.$ref === 'string'; hops++) {
    const path = (current.$ref as string).replace(/^#\//, '').split('/')
    current = path.reduce<unknown>((acc, key) => (acc as Json)[key], doc) as Json
  }
  return current
}

function kindOf(doc: Json, schema: unknown): ParamKind {
  const s = deref(doc, schema)
  if (Array.isArray(s.oneOf)) {
    const kinds = (s.oneOf as unknown[]).map((x) => kindOf(doc, x))
    return kinds.includes('integer') ? 'integer-or-string' : 'string'
  }
  switch (s.type) {
    case 'integer':
      return 'integer'
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'array':
      return 'array'
    default:
      return 'string'
  }
}

function createAjv(version: ApiVersion): Ajv {
  const options = {
    strict: false,
    allErrors: false,
    validateFormats: true,
    inlineRefs: false,
    code: { optimize: false },
  } as const
  const ajv = version === 'v4' ? new Ajv2020(options) : new Ajv(options)
  addFormats(ajv)
  // OpenAPI's `timezone` format: an IANA zone name such as `Europe/Berlin` or `UTC`.
  ajv.addFormat('timezone', /^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*|UTC|[+-]\d{2}:\d{2})$/)
  return ajv
}

const PATH_PREFIX: Record<ApiVersion, string> = { v3: '', v4: '/v4' }

function buildOperations(version: ApiVersion): OperationDef[] {
  const spec = (version === 'v4' ? specV4 : specV3) as unknown as Json
  const doc = structuredClone(spec)
  const ajv = createAjv(version)
  const docId = `fpapi-${version}`
  ajv.addSchema({ $id: docId, components: doc.components }, docId)
  const byRef = new Map<string, CompiledSchema>()
  const compileRef = (ref: string): CompiledSchema => {
    let compiled = byRef.get(ref)
    if (!compiled) {
      compiled = { validate: ajv.compile({ $ref: `${docId}${ref}` }), schemaRef: ref }
      byRef.set(ref, compiled)
    }
    return compiled
  }
  const compileInline = (schema: unknown, where: string): CompiledSchema => {
    const s = schema as Json
    if (typeof s.$ref === 'string') return compileRef(s.$ref)
    return { validate: ajv.compile(rebase(s, docId)), schemaRef: where }
  }
  const ops: OperationDef[] = []
  const paths = doc.paths as Record<string, Record<string, Json>>
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters' || typeof op !== 'object') continue
      const operationId =
        (op.operationId as string | undefined) ?? `${method}${path.replace(/\W+/g, '_')}`
      const params: ParamDef[] = []
      const properties: Json = {}
      const required: string[] = []
      for (const raw of (op.parameters as unknown[] | undefined) ?? []) {
        const p = deref(doc, raw)
        const name = p.name as string
        const kind = kindOf(doc, p.schema)
        const schema = deref(doc, p.schema)
        params.push({
          name,
          in: p.in as 'path' | 'query',
          required: p.required === true,
          kind,
          itemKind: kind === 'array' ? kindOf(doc, schema.items) : 'string',
          explode: kind === 'array' && p.explode !== false,
        })
        properties[name] = rebase(p.schema as Json, docId)
        if (p.required === true) required.push(name)
      }
      const validateParams = ajv.compile({ type: 'object', properties, required })
      let body: OperationDef['body']
      const requestBody = op.requestBody ? deref(doc, op.requestBody) : undefined
      if (requestBody) {
        const media = (requestBody.content as Record<string, Json>)['application/json']
        if (media?.schema) {
          const where = `${path} ${method} requestBody`
          // The webhook description (v3 `TRACE /webhook`) is rarely called and its schema is
          // large: it is compiled on first use (still once), which keeps startup fast.
          const compiled =
            method === 'trace'
              ? lazySchema(
                  typeof (media.schema as Json).$ref === 'string'
                    ? ((media.schema as Json).$ref as string)
                    : where,
                  () => compileInline(media.schema, where),
                )
              : compileInline(media.schema, where)
          body = { ...compiled, required: requestBody.required === true }
        }
      }
      const responses = new Map<string, CompiledSchema | null>()
      for (const [status, raw] of Object.entries((op.responses as Json | undefined) ?? {})) {
        const r = deref(doc, raw)
        const media = (r.content as Record<string, Json> | undefined)?.['application/json']
        responses.set(
          status,
          media?.schema ? compileInline(media.schema, `${path} ${method} ${status}`) : null,
        )
      }
      const declaredError = [...responses.entries()].find(([s, v]) => s.startsWith('4') && v)?.[1]
      const pathParamNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string)
      const pattern = new RegExp(
        `^${PATH_PREFIX[version]}${path
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('([^/]+)')}$`,
      )
      ops.push({
        version,
        operationId,
        method: method.toUpperCase(),
        path: `${PATH_PREFIX[version]}${path}`,
        pattern,
        pathParamNames,
        params,
        validateParams,
        body,
        responses,
        errorSchema: declaredError ?? compileRef('#/components/schemas/ErrorResponse'),
      })
    }
  }
  // Literal paths first, so `/events/search` wins over `/events/{request_id}`.
  return ops.sort((a, b) => a.pathParamNames.length - b.pathParamNames.length)
}

/** A schema compiled on its first use and kept from then on. */
function lazySchema(schemaRef: string, compile: () => CompiledSchema): CompiledSchema {
  let compiled: CompiledSchema | undefined
  const validate = ((data: unknown) => {
    compiled ??= compile()
    const ok = compiled.validate(data)
    validate.errors = compiled.validate.errors
    return ok
  }) as ValidateFunction
  return { validate, schemaRef }
}

/** Points local `#/components/...` references of an inline schema at the registered document. */
function rebase(schema: Json, docId: string): Json {
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${docId}${value}`
        : value,
    ),
  ) as Json
}

const cache = new Map<ApiVersion, OperationDef[]>()

/**
 * The operations of one spec, compiled once per process and shared by every server instance.
 *
 * @param version - `v3` or `v4`
 * @returns the operation table
 * @internal
 */
export function getOperations(version: ApiVersion): OperationDef[] {
  let ops = cache.get(version)
  if (!ops) {
    ops = buildOperations(version)
    cache.set(version, ops)
  }
  return ops
}

/**
 * A validator for the v4 `Event` schema (the stored shape): the one compiled for the v4
 * getEvent 200 response, so it costs nothing extra.
 *
 * @returns the compiled validator
 * @internal
 */
export function getEventValidator(): CompiledSchema {
  const op = getOperations('v4').find((o) => o.operationId === 'getEvent')
  const compiled = op?.responses.get('200')
  if (!compiled) throw new Error('The v4 spec has no getEvent 200 response schema')
  return compiled
}

/**
 * Formats Ajv errors into one readable line.
 *
 * @param errors - the validator's errors
 * @param max - how many errors to list
 * @returns e.g. `/identification must have required property 'visitor_id'`
 * @internal
 */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined, max = 3): string {
  if (!errors || errors.length === 0) return 'invalid'
  // oneOf/anyOf produce a summary plus the branch errors; the branch errors say more.
  const useful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf')
  const list = (useful.length > 0 ? useful : errors).slice(0, max)
  return list
    .map((e) => {
      const where = e.instancePath || '(root)'
      const extra =
        e.keyword === 'enum'
          ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')})`
          : e.keyword === 'additionalProperties'
            ? ` '${(e.params as { additionalProperty: string }).additionalProperty}'`
            : ''
      return `${where} ${e.message ?? 'is invalid'}${extra} [schema ${e.schemaPath}]`
    })
    .join('; ')
}
