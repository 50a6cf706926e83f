import { Worker } from 'node:worker_threads'

/** What one spec's worker thread produces; each part settles as soon as it is known. */
export interface SpecWork {
  /**
   * The parsed document (not yet checked to be OpenAPI): the caller's own parse when {@link SpecWork.useSpec} got
   * one, else the worker's. Rejects with {@link YamlRejected} when the text is not YAML, so the caller can
   * re-parse it with line counting for the position.
   */
  spec: Promise<unknown>
  /**
   * Hands the worker the parsed document, or undefined to have it parse the text with `yaml`. Call once; the
   * worker loads its packages meanwhile and waits for this before rendering.
   */
  useSpec(spec: unknown): void
  /**
   * openapi-typescript's output for the document, prettier-formatted, without the header. Rejects with
   * {@link TypesRejected} when openapi-typescript refuses the document. Undefined when types were not asked for.
   */
  types: Promise<string> | undefined
  /** Stops the worker (when another spec failed and this result is no longer needed). */
  stop(): void
}

/** The worker could not parse the text as YAML. */
export class YamlRejected extends Error {
  override name = 'YamlRejected'
}

/** openapi-typescript rejected the document; the message is its own (`<problem> at #/json/pointer`). */
export class TypesRejected extends Error {
  override name = 'TypesRejected'
}

type WorkerMessage = { marks: [string, number][] } & (
  | { kind: 'spec'; spec: unknown }
  | { kind: 'yaml-error'; message: string }
  | { kind: 'types'; code: string }
  | { kind: 'types-error'; message: string }
)

/** Options of {@link startSpecWork}. */
export interface SpecWorkOptions {
  /** Render openapi-typescript's output too (else the worker only parses). */
  types: boolean
  /** How to format the types (see render.ts). */
  prettierOptions: Record<string, unknown>
  /** Receives the worker's phase marks (`[phase, epoch ms]`) as they arrive. */
  onMarks?: (marks: [string, number][]) => void
}

const workerFile = new URL('./render-worker.mjs', import.meta.url)

/**
 * Starts a worker thread (plain Node, without the tsx loader) that renders one spec's types, from the document
 * given to {@link SpecWork.useSpec} or parsed there. Several specs render in parallel, one thread each.
 *
 * @param text - the spec's YAML (or JSON) text
 * @param options - what to render and how
 * @returns promises for the parsed document and the formatted types
 * @example
 * const work = startSpecWork(text, { types: true, prettierOptions })
 * work.useSpec(parseBlockYaml(text))
 * const types = await work.types
 */
export function startSpecWork(text: string, options: SpecWorkOptions): SpecWork {
  const worker = new Worker(workerFile, {
    workerData: { text, types: options.types, prettierOptions: options.prettierOptions },
    // without tsx: the worker is plain JavaScript and loads its packages through Node alone
    execArgv: [],
  })
  let settleSpec!: { resolve: (spec: unknown) => void; reject: (error: Error) => void }
  let settleTypes: { resolve: (code: string) => void; reject: (error: Error) => void } | undefined
  const spec = new Promise<unknown>((resolve, reject) => (settleSpec = { resolve, reject }))
  const types = options.types
    ? new Promise<string>((resolve, reject) => (settleTypes = { resolve, reject }))
    : undefined
  // a rejection nobody awaits (the other part failed first) must not become an unhandled rejection
  spec.catch(() => {})
  types?.catch(() => {})
  worker.on('message', (message: WorkerMessage) => {
    options.onMarks?.(message.marks)
    switch (message.kind) {
      case 'spec':
        settleSpec.resolve(message.spec)
        break
      case 'yaml-error':
        settleSpec.reject(new YamlRejected(message.message))
        settleTypes?.reject(new YamlRejected(message.message))
        break
      case 'types':
        settleTypes?.resolve(message.code)
        break
      case 'types-error':
        settleTypes?.reject(new TypesRejected(message.message))
        break
    }
  })
  const fail = (error: Error) => {
    settleSpec.reject(error)
    settleTypes?.reject(error)
  }
  worker.on('error', fail)
  worker.on('exit', (code) =>
    // settling twice is a no-op, so this only reports a worker that ended without answering
    fail(new Error(`the render worker stopped (exit code ${code}) before it answered`)),
  )
  return {
    spec,
    types,
    useSpec(parsed) {
      if (parsed === undefined) {
        worker.postMessage({ kind: 'parse' })
      } else {
        settleSpec.resolve(parsed)
        worker.postMessage({ kind: 'spec', spec: parsed })
      }
    },
    stop: () => void worker.terminate(),
  }
}
