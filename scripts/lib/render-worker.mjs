// @ts-check
/**
 * Worker thread of `pnpm generate`: renders one spec's openapi-typescript types, formatted by prettier. Plain
 * JavaScript on purpose: it is started without tsx, whose loader hooks scan every module they load (about half a
 * second for TypeScript's compiler alone); everything here is loaded by Node directly.
 *
 * Input (`workerData`, see render-pool.ts): `{ text, types, prettierOptions }`. It loads TypeScript and
 * openapi-typescript first (they do not need the spec), then waits for one message from the main thread:
 * `{ kind: 'spec', spec }` (the main thread parsed the text) or `{ kind: 'parse' }` (parse `text` with `yaml`).
 * Every message it sends carries `marks`: `[phase, epoch ms]` pairs of what finished since its previous message
 * (`pnpm generate --timings`). Messages, in order:
 *   1. after `{ kind: 'parse' }` only: `{ kind: 'spec', spec }`, or `{ kind: 'yaml-error', message }` (the main
 *      thread re-parses with line counting to report the position; nothing else follows);
 *   2. when `types` is set: `{ kind: 'types', code }` (prettier-formatted, without the header) or
 *      `{ kind: 'types-error', message }` (openapi-typescript rejected the document).
 */
import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'

const require = createRequire(import.meta.url)
/** @type {{ text: string, types: boolean, prettierOptions: Record<string, unknown> }} */
const { text, types, prettierOptions } = workerData
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
/** @type {[string, number][]} */
let marks = [['worker running', performance.timeOrigin + performance.now()]]
/** @param {string} phase */
const mark = (phase) => marks.push([phase, performance.timeOrigin + performance.now()])
/** @param {Record<string, unknown>} message */
const send = (message) => {
  port.postMessage({ ...message, marks })
  marks = []
}
/** @type {Promise<{ kind: 'spec', spec: unknown } | { kind: 'parse' }>} */
const instruction = new Promise((resolve) => port.once('message', resolve))

// prettier (ESM only) loads whenever the thread waits
const prettierLoading = types
  ? Promise.all([
      import('prettier/standalone'),
      import('prettier/plugins/babel'),
      import('prettier/plugins/estree'),
    ]).finally(() => mark('prettier loaded'))
  : undefined
prettierLoading?.catch(() => {}) // reported where it is awaited

await render()

async function render() {
  /** @type {typeof import('openapi-typescript') | undefined} */
  let generator
  if (types) {
    // CommonJS builds through require: an ESM import would also have Node scan TypeScript's 9 MB for exports
    require('typescript')
    mark('typescript loaded')
    generator = require('openapi-typescript')
    mark('openapi-typescript loaded')
  }
  const given = await instruction
  /** @type {unknown} */
  let spec
  if (given.kind === 'spec') {
    spec = given.spec
  } else {
    try {
      /** @type {typeof import('yaml')} */
      const yaml = require('yaml')
      // the same data as load-spec.ts (parseDocument + toJS); errors are located by the main thread
      spec = yaml.parse(text, { uniqueKeys: true, maxAliasCount: 1000, logLevel: 'error' })
    } catch (error) {
      send({ kind: 'yaml-error', message: messageOf(error) })
      return
    }
    mark('spec parsed (yaml)')
    send({ kind: 'spec', spec })
  }
  if (!generator) return
  let body
  try {
    // spec was copied when posted, so openapi-typescript may change it
    const ast = await generator.default(/** @type {never} */ (spec), {
      alphabetize: false,
      exportType: false,
    })
    mark('openapiTS')
    body = generator.astToString(ast)
    mark('astToString')
  } catch (error) {
    send({ kind: 'types-error', message: messageOf(error) })
    return
  }
  const [prettier, babel, estree] = await /** @type {NonNullable<typeof prettierLoading>} */ (
    prettierLoading
  )
  const code = await prettier.format(body, { ...prettierOptions, plugins: [babel, estree] })
  mark('types formatted')
  send({ kind: 'types', code })
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error)
}
