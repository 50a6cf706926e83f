/// <reference types="node" />
import { cp, mkdtemp, readdir, readFile, rename } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createNodeIo } from '../../../bin/node-io.mjs'

export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))

/** Copies a fixture folder to a temp dir, dropping the `.fixture` suffix (files and folders) that keeps tools and git off it. */
export async function materialize(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `fpapi-migrate-${name}-`))
  await cp(join(fixtures, name), dir, { recursive: true })
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = join(d, entry.name)
      if (entry.isDirectory()) await walk(p)
      // folders too: git ignores node_modules/ and dist/, so the fixture keeps them as *.fixture
      if (entry.name.endsWith('.fixture')) await rename(p, p.slice(0, -'.fixture'.length))
    }
  }
  await walk(dir)
  return dir
}

/** Node IO with stdout/stderr captured. */
export function capture() {
  const io = createNodeIo()
  const out: string[] = []
  const err: string[] = []
  return {
    io: { ...io, stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) },
    out,
    err,
  }
}

export const read = (dir: string, rel: string) => readFile(join(dir, rel), 'utf8')
