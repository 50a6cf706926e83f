import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { MockApiError, errorBody, type V4ErrorCode } from './api-error'
import { authenticate, type MockKeys } from './auth'
import { EventStore } from './event-store'
import { FaultController } from './faults'
import type { HandlerResult } from './handler-context'
import { V3_HANDLERS } from './handlers-v3'
import { V4_HANDLERS } from './handlers-v4'
import { RateLimiter, type RateLimitOptions } from './rate-limiter'
import { createRedirectFetch } from './redirect-fetch'
import { readParams } from './request-params'
import { DEFAULT_RULESETS, type MockRulesets } from './rulesets'
import { generateEvents } from './seed-events'
import {
  formatAjvErrors,
  getEventValidator,
  getOperations,
  type OperationDef,
} from './spec-operations'
import type { ApiVersion, MockRegion } from './types'

/** Options of {@link startMockServer}. Every option has a default. */
export interface MockServerOptions {
  /** TCP port; `0` picks a free one. Default `0`. */
  port?: number
  /** Interface to listen on. Default `'127.0.0.1'` (loopback only). */
  host?: string
  /** Seed of the event generator. Default `1`. */
  seed?: number
  /** Number of seeded visitors. Default `20`. */
  visitors?: number
  /** Number of seeded events (`0` starts empty). Default `200`. */
  events?: number
  /** Region this server plays. Keys of other regions answer 403 WrongRegion. Default `'us'`. */
  region?: MockRegion
  /** Valid secret API keys per region. Defaults: `mock-secret-us`, `mock-secret-eu`, `mock-secret-ap`. */
  keys?: Partial<Record<MockRegion, string | readonly string[]>>
  /** Validate every response against the spec and answer 500 on a violation. Default `true`. */
  strict?: boolean
  /** Per-key rate limit, or `false` for none. Default `{ perSecond: 100, burst: 200 }`. */
  rateLimit?: RateLimitOptions | false
  /** Events younger than this (ms) answer 409 StateNotReady to updates. Default `2000`. */
  stateNotReadyMs?: number
  /** Largest accepted request body in bytes; larger answers 413. Default `65536`. */
  maxBodyBytes?: number
  /** Rulesets known to v4 getEvent's `ruleset_id`. Default: `rs_mock_default`. */
  rulesets?: MockRulesets
  /** Clock in ms, used for time windows and the 409 age check. Default `Date.now`. */
  now?: () => number
  /** Where contract violations and unexpected errors are reported. Default `console.error`. */
  log?: (message: string) => void
}

/** A response that did not match the spec (strict mode answers 500 instead). */
export interface ContractViolation {
  version: ApiVersion
  operationId: string
  status: number
  /** The schema the body was checked against, e.g. `#/components/schemas/Event`. */
  schemaRef: string
  /** What did not match, with JSON pointers into the body and schema paths. */
  message: string
}

/** A running mock server. */
export interface MockServer {
  /** Origin of the server, e.g. `http://127.0.0.1:53111`. */
  url: string
  /** Base URL of the v3 API (the origin: v3 paths sit at the root). */
  v3BaseUrl: string
  /** Base URL of the v4 API, `/v4` included: what a v4 client's `baseUrl` takes. */
  v4BaseUrl: string
  /** Region this server plays. */
  region: MockRegion
  /** The valid key of this server's region (not enumerable: kept out of logs and JSON). */
  readonly apiKey: string
  /**
   * One valid key of each region; the other regions' keys answer 403 WrongRegion here.
   * Not enumerable, like `apiKey`.
   */
  readonly apiKeys: Readonly<Record<MockRegion, string>>
  /** The event store shared by both API versions. */
  store: EventStore
  /** Failure injection for the next requests. */
  faults: FaultController
  /**
   * A `fetch` that sends requests for the real API hosts (`https://api.fpjs.io`, `eu.`, `ap.`)
   * here: pass it to clients that have no base URL option, such as the official Node SDKs.
   */
  fetch: typeof fetch
  /** Responses that did not match the spec so far (empty when the contract holds). */
  contractViolations: readonly ContractViolation[]
  /** Forgets rate-limit state (e.g. between tests). */
  resetRateLimits(): void
  /**
   * Puts the server back to its starting state: the store is emptied and seeded again (same
   * seed, history ending now), pending faults, rate limits and recorded violations are cleared.
   */
  reset(): void
  /** Stops listening and closes open connections. */
  stop(): Promise<void>
}

const DEFAULT_KEYS: Record<MockRegion, string> = {
  us: 'mock-secret-us',
  eu: 'mock-secret-eu',
  ap: 'mock-secret-ap',
}
const REGIONS: readonly MockRegion[] = ['us', 'eu', 'ap']
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'TRACE'])

function checkOptions(o: MockServerOptions): void {
  const intOpt = (
    name: keyof MockServerOptions,
    min: number,
    max = Number.MAX_SAFE_INTEGER,
  ): void => {
    const v = o[name]
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= min && (v as number) <= max)) {
      throw new TypeError(
        `startMockServer: options.${name} must be an integer from ${min} to ${max}, got ${String(v)}`,
      )
    }
  }
  intOpt('port', 0, 65535)
  intOpt('visitors', 0)
  intOpt('events', 0)
  intOpt('stateNotReadyMs', 0)
  intOpt('maxBodyBytes', 1)
  if (o.seed !== undefined && !Number.isInteger(o.seed))
    throw new TypeError('startMockServer: options.seed must be an integer')
  if (o.region !== undefined && !REGIONS.includes(o.region)) {
    throw new TypeError(
      `startMockServer: options.region must be one of ${REGIONS.join(', ')}, got ${String(o.region)}`,
    )
  }
  if (o.host !== undefined && (typeof o.host !== 'string' || o.host === '')) {
    throw new TypeError('startMockServer: options.host must be a non-empty string')
  }
}

function resolveKeys(keys: MockServerOptions['keys']): MockKeys {
  const out = {} as Record<MockRegion, readonly string[]>
  for (const region of REGIONS) {
    const given = keys?.[region]
    const list =
      given === undefined
        ? [DEFAULT_KEYS[region]]
        : typeof given === 'string'
          ? [given]
          : [...given]
    if (list.length === 0 || list.some((k) => typeof k !== 'string' || k.trim() === '')) {
      throw new TypeError(
        `startMockServer: options.keys.${region} must be a non-empty string or a list of them`,
      )
    }
    out[region] = list
  }
  const seen = new Map<string, MockRegion>()
  for (const region of REGIONS) {
    for (const key of out[region]) {
      if (seen.has(key) && seen.get(key) !== region) {
        throw new TypeError(
          `startMockServer: options.keys: one key is configured for both "${seen.get(key)}" and "${region}"`,
        )
      }
      seen.set(key, region)
    }
  }
  return out
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > max) {
      req.resume()
      reject(new BodyTooLarge())
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > max) {
        failed = true
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks))
    })
    req.on('error', (err) => {
      if (!failed) reject(err)
    })
  })
}

function matchOperation(
  method: string,
  pathname: string,
): { op: OperationDef; pathValues: Record<string, string> } | { allow: string[] } | undefined {
  const version: ApiVersion = pathname === '/v4' || pathname.startsWith('/v4/') ? 'v4' : 'v3'
  const allow: string[] = []
  for (const op of getOperations(version)) {
    const m = op.pattern.exec(pathname)
    if (!m) continue
    // The v3 spec describes the webhook payload as `TRACE /webhook`; Node's HTTP parser refuses
    // TRACE requests with a body, so a POST of the payload stands in for it.
    const webhookPost = op.operationId === 'trace_webhook' && method === 'POST'
    if (op.method !== method && !webhookPost) {
      allow.push(op.method)
      continue
    }
    const pathValues: Record<string, string> = {}
    op.pathParamNames.forEach((name, i) => {
      pathValues[name] = decodeURIComponent(m[i + 1] as string)
    })
    return { op, pathValues }
  }
  return allow.length > 0 ? { allow } : undefined
}

function paramError(op: OperationDef, name: string, problem: string): MockApiError {
  const where = op.params.find((p) => p.name === name)?.in ?? 'query'
  return new MockApiError(
    400,
    'request_cannot_be_parsed',
    `Invalid ${where} parameter "${name}": ${problem}`,
  )
}

/**
 * Starts a stateful fake of the Fingerprint Server API v3 and v4 on real HTTP. Both versions
 * are views of one in-memory event store, seeded with reproducible events; requests and
 * responses are checked against the specs.
 *
 * @param options - see {@link MockServerOptions}; all optional
 * @returns the running server: URLs, keys, store, fault controls and `stop()`
 * @throws {TypeError} for invalid options, before anything listens
 * @example
 * ```ts
 * import { startMockServer } from '@fpapi/mock-server'
 *
 * const server = await startMockServer({ seed: 7, events: 50 })
 * const res = await fetch(`${server.v4BaseUrl}/events?limit=5`, {
 *   headers: { Authorization: `Bearer ${server.apiKey}` },
 * })
 * await server.stop()
 * ```
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  checkOptions(options)
  const keys = resolveKeys(options.keys)
  const region = options.region ?? 'us'
  const strict = options.strict ?? true
  const now = options.now ?? Date.now
  const log = options.log ?? ((message: string) => console.error(message))
  const stateNotReadyMs = options.stateNotReadyMs ?? 2000
  const maxBodyBytes = options.maxBodyBytes ?? 65_536
  const rulesets = options.rulesets ?? DEFAULT_RULESETS
  const limiter =
    options.rateLimit === false
      ? undefined
      : new RateLimiter(options.rateLimit ?? { perSecond: 100, burst: 200 })

  // Compile every validator before listening, so the first request is as fast as the rest.
  getOperations('v4')
  getOperations('v3')
  const eventSchema = getEventValidator()

  const store = new EventStore({
    now,
    check: (event) => {
      if (!eventSchema.validate(event)) {
        throw new TypeError(
          `EventStore: event ${String((event as { event_id?: unknown }).event_id)} does not match ${eventSchema.schemaRef}: ${formatAjvErrors(eventSchema.validate.errors)}`,
        )
      }
    },
  })
  const seedStore = (): void =>
    store.seed(
      generateEvents({
        seed: options.seed ?? 1,
        visitors: options.visitors ?? 20,
        events: options.events ?? 200,
        now: now(),
      }),
    )
  seedStore()
  const faults = new FaultController()
  const violations: ContractViolation[] = []

  const send = (
    res: ServerResponse,
    op: OperationDef | undefined,
    result: HandlerResult,
    headers: Record<string, string> = {},
  ): void => {
    let { status, body } = result
    if (op && strict) {
      const declared = op.responses.get(String(status))
      const schema =
        declared !== undefined
          ? declared
          : status >= 400
            ? op.errorSchema
            : (op.responses.get('default') ?? null)
      const problem =
        schema === null
          ? body === undefined
            ? undefined
            : 'a body was sent where the spec declares none'
          : body === undefined
            ? 'no body was sent where the spec declares one'
            : schema.validate(body)
              ? undefined
              : formatAjvErrors(schema.validate.errors)
      if (problem !== undefined) {
        const schemaRef = schema?.schemaRef ?? `${op.path} ${op.method} ${status} (no content)`
        const violation = {
          version: op.version,
          operationId: op.operationId,
          status,
          schemaRef,
          message: problem,
        }
        violations.push(violation)
        const text = `Contract violation: ${op.version} ${op.operationId} ${status} response does not match ${schemaRef}: ${problem}`
        log(`[fpapi-mock] ${text}`)
        status = 500
        body = errorBody(op.version, op.operationId === 'getVisits', 500, 'failed', text)
        headers = {}
      }
    }
    if (body === undefined) {
      res.writeHead(status, { 'content-length': '0', ...headers })
      res.end()
      return
    }
    const payload = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(payload)),
      ...headers,
    })
    res.end(payload)
  }

  const sendError = (
    res: ServerResponse,
    op: OperationDef | undefined,
    version: ApiVersion,
    err: MockApiError,
  ): void => {
    const plain = op?.operationId === 'getVisits'
    send(
      res,
      op,
      { status: err.status, body: errorBody(version, plain, err.status, err.code, err.message) },
      err.headers,
    )
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://mock.invalid')
    const method = (req.method ?? 'GET').toUpperCase()
    const version: ApiVersion =
      url.pathname === '/v4' || url.pathname.startsWith('/v4/') ? 'v4' : 'v3'
    let matched: ReturnType<typeof matchOperation>
    try {
      matched = matchOperation(method, url.pathname)
    } catch {
      sendError(
        res,
        undefined,
        version,
        new MockApiError(
          400,
          'request_cannot_be_parsed',
          'The request path is not valid URL encoding.',
        ),
      )
      return
    }
    if (!matched) {
      sendError(
        res,
        undefined,
        version,
        new MockApiError(404, 'failed', `No ${version} operation at ${method} ${url.pathname}.`),
      )
      return
    }
    if ('allow' in matched) {
      res.setHeader('allow', matched.allow.join(', '))
      sendError(
        res,
        undefined,
        version,
        new MockApiError(405, 'failed', `Method ${method} is not allowed on ${url.pathname}.`),
      )
      return
    }
    const { op, pathValues } = matched
    const fault = faults.take(op.version, op.operationId)
    if (fault?.kind === 'drop') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms))
    if (fault?.kind === 'fail') {
      const code: V4ErrorCode =
        fault.status === 429
          ? 'too_many_requests'
          : fault.status === 503
            ? 'service_unavailable'
            : 'failed'
      throw new MockApiError(
        fault.status,
        code,
        fault.message,
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      )
    }
    const key = authenticate(op.version, req.headers, url.searchParams, keys, region)
    if (limiter) {
      const wait = limiter.take(key, now())
      if (wait > 0) {
        throw new MockApiError(
          429,
          'too_many_requests',
          `Too many requests: the rate limit of this key is exceeded; retry after ${wait} s.`,
          {
            'retry-after': String(wait),
          },
        )
      }
    }
    let raw: Buffer | undefined
    if (BODY_METHODS.has(method)) {
      try {
        raw = await readBody(req, maxBodyBytes)
      } catch (err) {
        if (err instanceof BodyTooLarge) {
          res.setHeader('connection', 'close')
          throw new MockApiError(
            413,
            'payload_too_large',
            `The request body exceeds ${maxBodyBytes} bytes.`,
          )
        }
        throw err
      }
    }
    const { values, problems } = readParams(
      op.params,
      pathValues,
      url.searchParams,
      op.version === 'v3',
    )
    const first = problems[0]
    if (first) throw paramError(op, first.name, first.message)
    if (!op.validateParams(values)) {
      const e = op.validateParams.errors?.[0]
      const name =
        e?.keyword === 'required'
          ? (e.params as { missingProperty: string }).missingProperty
          : (e?.instancePath.split('/')[1] ?? 'unknown')
      const problem =
        e?.keyword === 'required'
          ? 'is required'
          : formatAjvErrors(op.validateParams.errors, 1).replace(/^\/[^ ]+ /, '')
      throw paramError(op, name, problem)
    }
    let body: unknown
    if (op.body) {
      const text = raw && raw.length > 0 ? raw.toString('utf8') : ''
      if (text.trim() === '') {
        if (op.body.required)
          throw new MockApiError(
            400,
            'request_cannot_be_parsed',
            'The request body is required (a JSON object).',
          )
      } else {
        try {
          body = JSON.parse(text)
        } catch (err) {
          throw new MockApiError(
            400,
            'request_cannot_be_parsed',
            `The request body is not valid JSON: ${(err as Error).message}`,
          )
        }
        if (!op.body.validate(body)) {
          throw new MockApiError(
            400,
            'request_cannot_be_parsed',
            `Invalid request body (${op.body.schemaRef}): ${formatAjvErrors(op.body.validate.errors, 1)}`,
          )
        }
      }
    }
    const handler = (op.version === 'v4' ? V4_HANDLERS : V3_HANDLERS)[op.operationId]
    if (!handler)
      throw new MockApiError(
        500,
        'failed',
        `Operation ${op.operationId} is not implemented by the mock server.`,
      )
    const result = handler({ store, params: values, body, now: now(), stateNotReadyMs, rulesets })
    send(res, op, result)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent || res.destroyed) return
      const url = req.url ?? '/'
      const version: ApiVersion = url.startsWith('/v4') ? 'v4' : 'v3'
      let op: OperationDef | undefined
      try {
        const m = matchOperation(
          (req.method ?? 'GET').toUpperCase(),
          new URL(url, 'http://mock.invalid').pathname,
        )
        op = m && 'op' in m ? m.op : undefined
      } catch {
        op = undefined
      }
      if (err instanceof MockApiError) {
        sendError(res, op, version, err)
        return
      }
      log(
        `[fpapi-mock] unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      )
      sendError(res, op, version, new MockApiError(500, 'failed', 'Unexpected mock server error.'))
    })
  })
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const origin = `http://${host}:${address.port}`
  const apiKeys = Object.fromEntries(REGIONS.map((r) => [r, keys[r][0] as string])) as Record<
    MockRegion,
    string
  >

  let stopped: Promise<void> | undefined
  const result: Omit<MockServer, 'apiKey' | 'apiKeys'> = {
    url: origin,
    v3BaseUrl: origin,
    v4BaseUrl: `${origin}/v4`,
    region,
    store,
    faults,
    fetch: createRedirectFetch(origin),
    contractViolations: violations,
    resetRateLimits: () => limiter?.reset(),
    reset: () => {
      store.clear()
      seedStore()
      faults.reset()
      limiter?.reset()
      violations.length = 0
    },
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return stopped
    },
  }
  // Keys stay readable but out of enumeration, so logging or serialising the server object
  // (e.g. a test framework printing it) never shows them.
  Object.defineProperties(result, {
    apiKey: { value: apiKeys[region], enumerable: false },
    apiKeys: { value: Object.freeze({ ...apiKeys }), enumerable: false },
  })
  return result as MockServer
}
