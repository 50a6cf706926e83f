import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Writes files under a root and remembers what each held before, so that {@link FileTransaction.rollback} puts
 * every byte back (and deletes files that did not exist). Each write goes through a temp file and a rename.
 */
export class FileTransaction {
  readonly #root: string
  readonly #before = new Map<string, Buffer | undefined>()
  readonly #createdDirs: string[] = []

  /** @param root - the directory relative paths are resolved against */
  constructor(root: string) {
    this.#root = root
  }

  /** Relative paths written so far, in order. */
  get touched(): string[] {
    return [...this.#before.keys()]
  }

  /**
   * Replaces a file's content (creating it and its folder if needed).
   *
   * @param file - path relative to the root
   * @param text - new content
   */
  write(file: string, text: string): void {
    const target = join(this.#root, file)
    if (!this.#before.has(file))
      this.#before.set(file, existsSync(target) ? readFileSync(target) : undefined)
    let dir = dirname(target)
    const missing: string[] = []
    while (!existsSync(dir)) {
      missing.unshift(dir)
      dir = dirname(dir)
    }
    if (missing.length) {
      mkdirSync(missing.at(-1)!, { recursive: true })
      this.#createdDirs.push(...missing.reverse())
    }
    const temp = `${target}.${process.pid}.tmp`
    writeFileSync(temp, text)
    renameSync(temp, target)
  }

  /** Restores every written file to its previous bytes, deletes created files and folders. */
  rollback(): void {
    for (const [file, previous] of [...this.#before].reverse()) {
      const target = join(this.#root, file)
      if (previous === undefined) rmSync(target, { force: true })
      else {
        const temp = `${target}.${process.pid}.tmp`
        writeFileSync(temp, previous)
        renameSync(temp, target)
      }
    }
    for (const dir of this.#createdDirs) rmSync(dir, { recursive: true, force: true })
    this.#before.clear()
    this.#createdDirs.length = 0
  }
}
