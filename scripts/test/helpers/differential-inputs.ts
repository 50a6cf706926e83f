/// <reference types="node" />
/**
 * Inputs and small helpers shared by the differential tests of server-api-v3 and server-api-v4
 * (each package's `test/differential.test.ts`): nothing here knows an API version. What differs
 * between the versions (error codes, the shape of the API's error body) is passed in.
 */
import { createCipheriv, createHmac, randomBytes } from 'node:crypto'
import { STATUS_CODES, type ServerResponse } from 'node:http'
import { deflateRawSync } from 'node:zlib'
import type { random } from './random'

export type Random = ReturnType<typeof random>

// ---------------------------------------------------------------------------------------------
// Generated strings and ids.

/** Pieces of generated strings: URL-reserved characters, spaces, unicode, escapes. */
const PIECES = [
  'a',
  'Z9',
  ' ',
  '  ',
  '&',
  '=',
  '?',
  '#',
  '+',
  '%',
  '%20',
  '/',
  '\\',
  ';',
  ',',
  "'",
  '"',
  '<>',
  '!',
  '~',
  '*',
  '()',
  '[]',
  '@:$',
  'ü',
  'Ωmega',
  '日本',
  '😀',
  '\t',
  '.',
  '-_',
] as const

/**
 * A generated string for filters and headers.
 *
 * @param r - the seeded PRNG.
 * @returns a string of 0 to 5 pieces.
 */
export function randomText(r: Random): string {
  let out = ''
  for (let n = r.int(6); n > 0; n--) out += r.pick(PIECES)
  return out
}

/** Ids with reserved, encoded, unicode and dot characters, as a caller might pass them. */
export const AWKWARD_IDS = [
  '1708102555327.NLOjmg',
  'a/b',
  '../x',
  'x/..',
  'a?b=c',
  'a#frag',
  'a&b=c',
  'a%2Fb',
  '%2e%2e',
  '%',
  'a+b',
  'a b',
  ' lead',
  'trail ',
  'ü',
  '日本語',
  '😀',
  'a\\b',
  ';x',
  "'quoted'",
  '...',
  '.x',
  'x.',
  '@:$,!*()~',
  'tab\there',
  'new\nline',
] as const

/** String ids both SDKs of either version refuse before any request, with a TypeError. */
export const REFUSED_IDS = ['', '.', '..', '\ud800', 'a\udfffb'] as const

// ---------------------------------------------------------------------------------------------
// Error answers.

/** An error body a server (the API, a proxy, a broken gateway) might answer with. */
export interface ErrorBody {
  name: string
  contentType: string
  /** The body text for a given status. */
  text: (status: number) => string
}

/** What differs between the API versions' error bodies. */
export interface ErrorBodyShape {
  /** The API's error code for a status. */
  code: (status: number) => string
  /** The code of a generic failure (a body with that code and no message). */
  failedCode: string
  /** A body in the API's shape with a code newer than the SDKs, and fields they don't know. */
  unknownCodeBody: string
  /** One more body this version's test needs, placed right after the entry named `after`. */
  extra: { after: string; body: ErrorBody }
}

/**
 * The error bodies the differential tests answer with: the API's own shape, then what proxies and
 * broken gateways send (HTML, empty, truncated JSON, `null`, arrays, bare strings and numbers).
 *
 * @param shape - the API version's codes and its own extra body.
 * @returns the bodies, in a fixed order (tests pick some by index).
 * @throws Error if `shape.extra.after` names no body.
 */
export function errorBodies(shape: ErrorBodyShape): readonly ErrorBody[] {
  const apiBody = (status: number) =>
    JSON.stringify({ error: { code: shape.code(status), message: `Answer ${status} ü "quoted"` } })
  const bodies: ErrorBody[] = [
    { name: 'API error shape', contentType: 'application/json', text: (s) => apiBody(s) },
    {
      name: 'API error shape with unknown code and extra fields',
      contentType: 'application/json; charset=utf-8',
      text: () => shape.unknownCodeBody,
    },
    { name: 'API error shape as text/plain', contentType: 'text/plain', text: (s) => apiBody(s) },
    {
      name: 'HTML page',
      contentType: 'text/html',
      text: () => '<html><body><h1>Gateway says no</h1></body></html>',
    },
    { name: 'empty', contentType: 'application/json', text: () => '' },
    {
      name: 'truncated JSON',
      contentType: 'application/json',
      text: (s) => apiBody(s).slice(0, 17),
    },
    { name: 'message only', contentType: 'application/json', text: () => '{"message":"Nope"}' },
    {
      name: 'numeric code',
      contentType: 'application/json',
      text: () => '{"error":{"code":404,"message":"Nope"}}',
    },
    {
      name: 'code without message',
      contentType: 'application/json',
      text: () => JSON.stringify({ error: { code: shape.failedCode } }),
    },
    { name: 'error null', contentType: 'application/json', text: () => '{"error":null}' },
    { name: 'null', contentType: 'application/json', text: () => 'null' },
    { name: 'empty array', contentType: 'application/json', text: () => '[]' },
    {
      name: 'array of API errors',
      contentType: 'application/json',
      text: (s) => `[${apiBody(s)}]`,
    },
    { name: 'JSON string', contentType: 'application/json', text: () => '"Nope"' },
    { name: 'JSON number', contentType: 'application/json', text: () => '42' },
  ]
  const at = bodies.findIndex((b) => b.name === shape.extra.after)
  if (at < 0) throw new Error(`errorBodies: no body named ${JSON.stringify(shape.extra.after)}`)
  bodies.splice(at + 1, 0, shape.extra.body)
  return bodies
}

// ---------------------------------------------------------------------------------------------
// The local server's answer.

/** What the local server answers to the current case. */
export interface Reply {
  status: number
  /** Reason phrase; default Node's for the status. '' sends an empty one. */
  statusText?: string
  /** Response headers; a value of '' leaves the header out. */
  headers?: Record<string, string>
  body?: string
  /** Leave out Content-Length (the body is sent chunked). */
  chunked?: boolean
  /**
   * Ours retries some answers (429, some 5xx) twice by default. With this set, ours' first two
   * attempts are answered `Retry-After: 0` so the retries don't wait, and the last attempt gets the
   * case's own headers: the error ours throws is built from exactly the answer the official SDK got.
   */
  fastRetries?: boolean
}

/**
 * Writes `reply` (JSON content type unless its headers say otherwise).
 *
 * @param res - the server response.
 * @param reply - the case's answer.
 * @param retryNow - add `Retry-After: 0` (an early attempt of ours under `fastRetries`).
 */
export function sendReply(res: ServerResponse, reply: Reply, retryNow: boolean): void {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...reply.headers }
  if (retryNow) headers['retry-after'] = '0'
  for (const name of Object.keys(headers)) if (headers[name] === '') delete headers[name]
  const body = reply.status === 204 ? '' : (reply.body ?? '')
  if (!reply.chunked && reply.status !== 204)
    headers['content-length'] = String(Buffer.byteLength(body))
  res.writeHead(reply.status, reply.statusText ?? STATUS_CODES[reply.status] ?? '', headers)
  res.end(body || undefined)
}

/**
 * What a program reads back from `error.response` after catching (the error body, normally).
 *
 * @param e - the caught value.
 * @returns the response text, `unreadable: <class>` if reading it throws, or undefined.
 */
export async function readBack(e: unknown): Promise<string | undefined> {
  const response = (e as { response?: Response } | null)?.response
  if (!response) return undefined
  try {
    return await response.text()
  } catch (thrown) {
    return `unreadable: ${(thrown as Error).constructor.name}`
  }
}

// ---------------------------------------------------------------------------------------------
// Sealed results.

/**
 * Seals `plain` the way the API does: the 0x9e85dced header, a 12-byte nonce, the AES-256-GCM
 * ciphertext of the deflate-raw compressed text, and the 16-byte tag.
 *
 * @param plain - the text to seal.
 * @param key - a 32-byte key.
 * @param compress - false to seal the text uncompressed (a broken sealer).
 * @returns the sealed bytes.
 */
export function seal(plain: string, key: Buffer, compress = true): Buffer {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  const data = compress ? deflateRawSync(Buffer.from(plain)) : Buffer.from(plain)
  const encrypted = Buffer.concat([cipher.update(data), cipher.final()])
  return Buffer.concat([
    Buffer.from([0x9e, 0x85, 0xdc, 0xed]),
    nonce,
    encrypted,
    cipher.getAuthTag(),
  ])
}

/** One decryption key entry as both SDKs take it. */
export interface KeyEntry {
  key: Buffer
  algorithm: string
}

/**
 * Key lists that open data sealed with `keys[1]`.
 *
 * @param keys - three 32-byte keys; the data is sealed with the second.
 * @param algorithm - the SDK's name for AES-256-GCM.
 * @returns `[label, keys]` cases.
 */
export function openingKeyLists(
  keys: readonly [Buffer, Buffer, Buffer],
  algorithm: string,
): [string, KeyEntry[]][] {
  const entries = (...ks: Buffer[]) => ks.map((key) => ({ key, algorithm }))
  return [
    ['the right key alone', entries(keys[1])],
    ['the right key after a wrong one', entries(keys[0], keys[1])],
    ['the right key after a 16-byte key', entries(randomBytes(16), keys[1], keys[2])],
    ['the algorithm as a string', [{ key: keys[1], algorithm: 'aes-256-gcm' }]],
  ]
}

/**
 * Sealed data no key opens: bytes flipped at random places (the header's four first), cut at
 * several lengths, sealed with another key, and sealed without compression.
 *
 * @param r - the seeded PRNG (picks the flipped bytes).
 * @param sealed - `plain` sealed with `key`.
 * @param plain - the sealed text.
 * @param key - the key `sealed` was made with.
 * @returns `[label, data]` cases.
 */
export function brokenSealedData(
  r: Random,
  sealed: Buffer,
  plain: string,
  key: Buffer,
): (readonly [string, Buffer])[] {
  const tampered = Array.from({ length: 24 }, (_, i) => {
    const at = i < 4 ? i : 4 + r.int(sealed.length - 4)
    const copy = Buffer.from(sealed)
    copy[at] = copy[at]! ^ (1 + r.int(255))
    return [`byte ${at} flipped`, copy] as const
  })
  const cut = [0, 1, 3, 4, 10, 16, 20, 31, 32, sealed.length - 1].map(
    (n) => [`cut to ${n} bytes`, sealed.subarray(0, n)] as const,
  )
  const other: (readonly [string, Buffer])[] = [
    ['sealed with another key', seal(plain, randomBytes(32))],
    ['not compressed', seal(plain, key, false)],
  ]
  return [...tampered, ...cut, ...other]
}

// ---------------------------------------------------------------------------------------------
// Webhook signatures.

/**
 * The `v1` webhook signature: HMAC-SHA256 of the body, as lowercase hex.
 *
 * @param data - the webhook body.
 * @param key - the webhook secret.
 * @returns 64 hex digits.
 */
export function signWebhook(data: string, key: string): string {
  return createHmac('sha256', key).update(data).digest('hex')
}

/**
 * Hand-written signature headers and whether they are valid.
 *
 * @param good - the right signature.
 * @param other - a signature made with another secret.
 * @returns `[label, header, valid]` cases.
 */
export function webhookHeaderCases(good: string, other: string): [string, string, boolean][] {
  return [
    ['the right signature', `v1=${good}`, true],
    ['the right one among others', `v1=${other},v2=${good},v1=${good}`, true],
    ['upper-case hex', `v1=${good.toUpperCase()}`, false],
    ['empty header', '', false],
    ['another secret', `v1=${other}`, false],
  ]
}

/**
 * A signature header made of 0 to 4 entries of many shapes: the right `v1` entry, the right one in
 * upper case, with spaces, after `v2=`, with a trailing `=...`, wrong hex, and garbage.
 *
 * @param r - the seeded PRNG.
 * @param good - the right signature.
 * @param other - a signature made with another secret.
 * @returns the entries, to be joined with a separator.
 */
export function randomHeader(r: Random, good: string, other: string): string[] {
  const kinds: (() => string)[] = [
    () => `v1=${good}`,
    () => `v1=${good.toUpperCase()}`,
    () => ` v1=${good}`,
    () => `v1=${good} `,
    () => `v1 =${good}`,
    () => `V1=${good}`,
    () => `v2=${good}`,
    () => `v1=${good}=`,
    () => `v1=${good}=v2`,
    () => `v1=${other}`,
    () => `v1=${good.slice(0, 63)}`,
    () => 'v1=',
    () => '',
    () => 'v1',
    () => `${good}`,
    () => randomText(r),
  ]
  return Array.from({ length: r.int(5) }, () => r.pick(kinds)())
}
