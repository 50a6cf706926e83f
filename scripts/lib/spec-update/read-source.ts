import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** A fetch-compatible function (injectable for tests). */
export type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>

/** Options of {@link readSource}. */
export interface ReadSourceOptions {
  /** Used for http(s) sources; default `globalThis.fetch`. */
  fetch?: FetchLike
  /** Download timeout in milliseconds; default 30 000. */
  timeoutMs?: number
  /** Base directory for relative file paths; default the process working directory. */
  cwd?: string
}

/**
 * Reads an API description from a file path or downloads it from an http(s) URL.
 *
 * @param source - a file path or an `http://` / `https://` URL
 * @param options - fetch implementation, timeout, base directory
 * @returns the text
 * @throws Error naming the source and what failed (missing file, HTTP status, network error, timeout, empty body)
 * @example
 * const text = await readSource('https://example.test/openapi.yaml')
 */
export async function readSource(source: string, options: ReadSourceOptions = {}): Promise<string> {
  if (typeof source !== 'string' || source.trim() === '')
    throw new TypeError('source must be a file path or an http(s) URL')
  if (/^https?:\/\//i.test(source)) {
    const fetchImpl = options.fetch ?? (globalThis.fetch as unknown as FetchLike)
    let response: Awaited<ReturnType<FetchLike>>
    try {
      response = await fetchImpl(source, {
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      })
    } catch (error) {
      const cause =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error)
      throw new Error(`download of ${source} failed: ${cause}`)
    }
    if (!response.ok)
      throw new Error(
        `download of ${source} failed: HTTP ${response.status} ${response.statusText}`.trim(),
      )
    const text = await response.text()
    if (text.trim() === '') throw new Error(`download of ${source} returned an empty body`)
    return text
  }
  const file = resolve(options.cwd ?? process.cwd(), source)
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(
      `cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(error))}`,
    )
  }
}
