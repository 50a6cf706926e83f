// @ts-check
/**
 * Worker thread of `pnpm generate`: parses one spec and renders its openapi-typescript types, formatted by
 * prettier. Plain JavaScript on purpose: it is started without tsx, whose loader hooks scan every module they
 * load (about half a second for TypeScript's compiler alone); everything here is loaded by Node directly.
 *
 * Input (`workerData`, see render-pool.ts): `{ text, types, prettierOptions }`.
 * Every message carries `marks`: `[phase, epoch ms]` pairs of what finished since the previous message
 * (`pnpm generate --timings`). Messages, in order:
 *   1. `{ kind: 'spec', spec }` with the parsed document, or `{ kind: 'yaml-error', message }` (the caller
 *      re-parses with line counting to report the position; nothing else follows);
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

// prettier (ESM only) loads whenever the thread waits, while the spec is parsed and TypeScript is required
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
  /** @type {unknown} */
  let spec
  try {
    /** @type {typeof import('yaml')} */
    const yaml = require('yaml')
    // the same data as load-spec.ts (parseDocument + toJS); errors are located by the caller
    spec = yaml.parse(text, { uniqueKeys: true, maxAliasCount: 1000, logLevel: 'error' })
  } catch (error) {
    send({ kind: 'yaml-error', message: messageOf(error) })
    return
  }
  mark('spec parsed')
  send({ kind: 'spec', spec })
  if (!types) return
  let body
  try {
    /** @type {typeof import('openapi-typescript')} */
    require('typescript')
    mark('typescript loaded')
    const { default: openapiTS, astToString } = require('openapi-typescript')
    mark('openapi-typescript loaded')
    // spec was copied when posted, so openapi-typescript may change it
    const ast = await openapiTS(/** @type {never} */ (spec), {
      alphabetize: false,
      exportType: false,
    })
    mark('openapiTS')
    body = astToString(ast)
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
