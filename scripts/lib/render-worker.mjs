// @ts-check
/**
 * Worker threads of `pnpm generate` (see render-pool.ts). Plain JavaScript on purpose: they are started without
 * tsx, whose loader hooks scan every module they load (about half a second for TypeScript's compiler alone);
 * everything here is loaded by Node directly. One script, two roles (`workerData.role`), so that each heavy
 * package is loaded once per run and both CPU cores work:
 *
 * - `types`: loads TypeScript and openapi-typescript at once (they do not need a spec), then answers
 *   `{ id, label, kind: 'types', spec }` with `{ id, kind: 'types', body }` (openapi-typescript's output, not yet
 *   formatted) or `{ id, kind: 'types-error', message }`, one request after the other;
 * - `format`: loads prettier at once, then answers `{ id, label, kind: 'format', code }` with
 *   `{ id, kind: 'formatted', code }` (or `format-error`), and `{ id, label, kind: 'parse', text }` (specs the main thread's fast
 *   parser left) with `{ id, kind: 'parsed', spec }` or `{ id, kind: 'yaml-error', message }`.
 *
 * Every answer carries `marks`: `[phase, epoch ms]` pairs of what this thread finished since its previous answer
 * (`pnpm generate --timings`); `label` names the spec in them.
 */
import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'

const require = createRequire(import.meta.url)
/** @type {{ role: 'types' | 'format', prettierOptions: Record<string, unknown> }} */
const { role, prettierOptions } = workerData
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
/** @type {[string, number][]} */
let marks = [['running', performance.timeOrigin + performance.now()]]
/** @param {string} phase */
const mark = (phase) => marks.push([phase, performance.timeOrigin + performance.now()])
/** @param {Record<string, unknown>} message */
const send = (message) => {
  port.postMessage({ ...message, marks })
  marks = []
}
/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error))

/**
 * @typedef {{ id: number, label: string }
 *   & ({ kind: 'types', spec: unknown } | { kind: 'format', code: string } | { kind: 'parse', text: string })} Request
 */

/** Requests are handled one at a time, in arrival order. */
let queue = Promise.resolve()
/** @param {(request: Request) => Promise<void> | void} handle */
const serve = (handle) =>
  port.on('message', (/** @type {Request} */ request) => {
    queue = queue.then(() => handle(request))
  })

if (role === 'types') {
  // CommonJS builds through require: an ESM import would also have Node scan TypeScript's 9 MB for exports
  require('typescript')
  mark('typescript loaded')
  /** @type {typeof import('openapi-typescript')} */
  const generator = require('openapi-typescript')
  mark('openapi-typescript loaded')
  serve(async (request) => {
    if (request.kind !== 'types') return
    let body
    try {
      // the spec was copied when posted, so openapi-typescript may change it
      const ast = await generator.default(/** @type {never} */ (request.spec), {
        alphabetize: false,
        exportType: false,
      })
      body = generator.astToString(ast)
    } catch (error) {
      send({ id: request.id, kind: 'types-error', message: messageOf(error) })
      return
    }
    mark(`${request.label} types`)
    send({ id: request.id, kind: 'types', body })
  })
} else {
  const [prettier, babel, estree] = await Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/babel'),
    import('prettier/plugins/estree'),
  ])
  mark('prettier loaded')
  // the first spec's declarations arrive only after TypeScript has loaded in the other worker: meanwhile, run
  // prettier once on code shaped like them, so that the real formatting runs on warmed-up (compiled) code
  const sample = Array.from(
    { length: 60 },
    (_, i) =>
      `export interface Sample${i} {\n    /**\n     * @description Field ${i}.\n     *     More text.\n     */\n` +
      `    field${i}?: string | null;\n    kind: "a" | "b" | "c";\n    nested: {\n        list: number[];\n` +
      `        map: Record<string, never>;\n        ref: components["schemas"]["Sample${i}"];\n    };\n}\n`,
  ).join('')
  await prettier.format(sample, { ...prettierOptions, plugins: [babel, estree] })
  mark('prettier warmed up')
  serve(async (request) => {
    if (request.kind === 'format') {
      let code
      try {
        code = await prettier.format(request.code, { ...prettierOptions, plugins: [babel, estree] })
      } catch (error) {
        send({ id: request.id, kind: 'format-error', message: messageOf(error) })
        return
      }
      mark(`${request.label} formatted`)
      send({ id: request.id, kind: 'formatted', code })
    } else if (request.kind === 'parse') {
      let spec
      try {
        /** @type {typeof import('yaml')} */
        const yaml = require('yaml')
        // the same data as load-spec.ts (parseDocument + toJS); errors are located by the main thread
        spec = yaml.parse(request.text, {
          uniqueKeys: true,
          maxAliasCount: 1000,
          logLevel: 'error',
        })
      } catch (error) {
        send({ id: request.id, kind: 'yaml-error', message: messageOf(error) })
        return
      }
      mark(`${request.label} parsed (yaml)`)
      send({ id: request.id, kind: 'parsed', spec })
    }
  })
}
