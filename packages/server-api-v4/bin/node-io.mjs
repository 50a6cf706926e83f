// @ts-check
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Node's file system and standard streams for `runMigrateCli`.
 * @returns {import('@fpapi/server-api-v4/migrate').MigrateCliIo}
 */
export function createNodeIo() {
  return {
    async listFiles(dir, skipDir) {
      /** @type {string[]} */
      const found = []
      /** @param {string} rel */
      const walk = async (rel) => {
        const entries = await readdir(join(dir, rel), { withFileTypes: true })
        for (const entry of entries) {
          const path = rel ? `${rel}/${entry.name}` : entry.name
          if (entry.isDirectory()) {
            if (!skipDir(entry.name)) await walk(path)
          } else if (entry.isFile()) {
            found.push(path)
          }
        }
      }
      await walk('')
      return found
    },
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  }
}
