import { Worker } from 'node:worker_threads'

/** What is rendered for one spec; each part settles as soon as it is known. */
export interface SpecWork {
  /**
   * The parsed document (not yet checked to be OpenAPI): the caller's own parse when {@link SpecWork.useSpec} got
   * one, else `yaml`'s in the format worker. Rejects with {@link YamlRejected} when the text is not YAML, so the
   * caller can re-parse it with line counting for the position.
   */
  spec: Promise<unknown>
  /**
   * openapi-typescript's output for the document, prettier-formatted, without the header. Rejects with
   * {@link TypesRejected} when openapi-typescript refuses the document. Undefined when types were not asked for.
   */
  types: Promise<string> | undefined
  /** Hands over the parsed document, or undefined to have it parsed with `yaml`. Call once. */
  useSpec(spec: unknown): void
}

/** The text is not YAML (as `yaml` reads it). */
export class YamlRejected extends Error {
  override name = 'YamlRejected'
}

/** openapi-typescript rejected the document; the message is its own (`<problem> at #/json/pointer`). */
export class TypesRejected extends Error {
  override name = 'TypesRejected'
}

type Answer = { id: number; marks: [string, number][] } & (
  | { kind: 'types'; body: string }
  | { kind: 'types-error'; message: string }
  | { kind: 'formatted'; code: string }
  | { kind: 'format-error'; message: string }
  | { kind: 'parsed'; spec: unknown }
  | { kind: 'yaml-error'; message: string }
)

type Role = 'types' | 'format'

/** Options of {@link RenderPool}. */
export interface RenderPoolOptions {
  /** Whether any spec needs types: starts the types worker (and the format worker) right away. */
  types: boolean
  /** How to format the types (see render.ts). */
  prettierOptions: Record<string, unknown>
  /** Receives each worker's phase marks (`[phase, epoch ms]`) as they arrive, with `types worker` or `format worker`. */
  onMarks?: (lane: string, marks: [string, number][]) => void
}

const workerFile = new URL('./render-worker.mjs', import.meta.url)

/**
 * Two worker threads (plain Node, without the tsx loader) shared by every spec of a run: the `types` worker loads
 * TypeScript and openapi-typescript once and turns documents into type declarations; the `format` worker loads
 * prettier once, formats them, and parses with `yaml` what the main thread's fast parser left. While one spec's
 * declarations are formatted, the next spec's are generated, so both cores work and no package loads twice.
 *
 * @example
 * const pool = new RenderPool({ types: true, prettierOptions })
 * const work = pool.startSpec('server-api-v4', text, { types: true })
 * work.useSpec(parseBlockYaml(text))
 * const types = await work.types
 * pool.close()
 */
export class RenderPool {
  private readonly workers = new Map<Role, Worker>()
  private readonly waiting = new Map<
    number,
    { resolve: (answer: Answer) => void; reject: (error: Error) => void }
  >()
  private nextId = 0

  constructor(private readonly options: RenderPoolOptions) {
    if (options.types) {
      this.worker('types')
      this.worker('format')
    }
  }

  /** The worker for a role, started on first use. */
  private worker(role: Role): Worker {
    let worker = this.workers.get(role)
    if (worker) return worker
    worker = new Worker(workerFile, {
      workerData: { role, prettierOptions: this.options.prettierOptions },
      // without tsx: the worker is plain JavaScript and loads its packages through Node alone
      execArgv: [],
    })
    const lane = `${role} worker`
    worker.on('message', (answer: Answer) => {
      this.options.onMarks?.(lane, answer.marks)
      const waiter = this.waiting.get(answer.id)
      this.waiting.delete(answer.id)
      waiter?.resolve(answer)
    })
    const failAll = (error: Error) => {
      for (const waiter of this.waiting.values()) waiter.reject(error)
      this.waiting.clear()
    }
    worker.on('error', failAll)
    worker.on('exit', (code) => failAll(new Error(`the ${lane} stopped (exit code ${code})`)))
    this.workers.set(role, worker)
    return worker
  }

  /** Sends a request to a worker and resolves with its answer. */
  private ask(role: Role, request: Record<string, unknown>): Promise<Answer> {
    const id = this.nextId++
    return new Promise<Answer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.worker(role).postMessage({ ...request, id })
    })
  }

  /**
   * Renders one spec: its document once {@link SpecWork.useSpec} is called, then (when asked) its types.
   *
   * @param label - names the spec in `--timings`
   * @param text - the spec's YAML text (parsed by `yaml` only if useSpec gets undefined)
   * @param options - `types`: generate and format the type declarations
   * @returns the promises of the results
   * @example
   * const work = pool.startSpec('server-api-v4', text, { types: true })
   */
  startSpec(label: string, text: string, options: { types: boolean }): SpecWork {
    let handOver!: (spec: unknown) => void
    const given = new Promise<unknown>((resolve) => (handOver = resolve))
    const spec = given.then(async (parsed) => {
      if (parsed !== undefined) return parsed
      const answer = await this.ask('format', { kind: 'parse', label, text })
      if (answer.kind === 'yaml-error') throw new YamlRejected(answer.message)
      if (answer.kind !== 'parsed') throw new Error(`unexpected answer ${answer.kind}`)
      return answer.spec
    })
    const types = options.types
      ? spec.then(async (document) => {
          const generated = await this.ask('types', { kind: 'types', label, spec: document })
          if (generated.kind === 'types-error') throw new TypesRejected(generated.message)
          if (generated.kind !== 'types') throw new Error(`unexpected answer ${generated.kind}`)
          const formatted = await this.ask('format', {
            kind: 'format',
            label,
            code: generated.body,
          })
          if (formatted.kind === 'format-error') throw new Error(formatted.message)
          if (formatted.kind !== 'formatted') throw new Error(`unexpected answer ${formatted.kind}`)
          return formatted.code
        })
      : undefined
    // a rejection nobody awaits (another part failed first) must not become an unhandled rejection
    spec.catch(() => {})
    types?.catch(() => {})
    return { spec, types, useSpec: (parsed) => handOver(parsed) }
  }

  /** Stops the workers (pending results reject). */
  close(): void {
    for (const worker of this.workers.values()) void worker.terminate()
  }
}
