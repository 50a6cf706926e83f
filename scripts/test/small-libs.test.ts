import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { locatePointer, pointerSegments } from '../lib/locate-pointer.ts'
import { FileTransaction } from '../lib/spec-update/file-transaction.ts'
import { tempRepo } from './helpers/temp-repo.ts'

const yamlText = [
  'openapi: 3.1.0', // 1
  'paths:', // 2
  '  /a/{id}:', // 3
  '    get:', // 4
  '      parameters:', // 5
  '        - name: id', // 6
  '          in: path', // 7
  '      responses:', // 8
  "        '200':", // 9
  '          content:', // 10
  '            application/json:', // 11
  '              schema:', // 12
  "                $ref: '#/components/schemas/Nope'", // 13
].join('\n')

describe('locatePointer', () => {
  it.each([
    { pointer: '#/paths/~1a~1{id}/get', want: { line: 5, column: 7 } },
    { pointer: '#/paths/~1a~1{id}/get/parameters/0/in', want: { line: 7, column: 15 } },
    {
      pointer: '#/paths/~1a~1{id}/get/responses/200/content/application~1json/schema',
      want: { line: 13, column: 17 },
    },
    { pointer: '#/paths/~1a~1{id}/get/responses/404', want: { line: 9, column: 9 } },
    { pointer: '#/paths/~1a~1%7Bid%7D/get', want: { line: 5, column: 7 } },
  ])('$pointer', ({ pointer, want }) => expect(locatePointer(yamlText, pointer)).toEqual(want))

  it('returns undefined for text that does not parse', () => {
    expect(locatePointer('a: [', '#/a')).toBeUndefined()
  })
  it('splits and decodes pointer segments', () => {
    expect(pointerSegments('#/paths/~1x~0y/get')).toEqual(['paths', '/x~y', 'get'])
    expect(pointerSegments('#')).toEqual([])
  })
})

describe('FileTransaction', () => {
  it('rolls back overwritten files to their bytes and removes created files and folders', () => {
    const repo = tempRepo([], 'fpapi-tx-')
    try {
      writeFileSync(join(repo.root, 'kept.txt'), 'before\n')
      mkdirSync(join(repo.root, 'dir'))
      const tx = new FileTransaction(repo.root)
      tx.write('kept.txt', 'after\n')
      tx.write('kept.txt', 'after again\n')
      tx.write('dir/new.txt', 'new\n')
      tx.write('made/deep/file.txt', 'deep\n')
      expect(readFileSync(join(repo.root, 'kept.txt'), 'utf8')).toBe('after again\n')
      expect(tx.touched).toEqual(['kept.txt', 'dir/new.txt', 'made/deep/file.txt'])
      tx.rollback()
      expect(readFileSync(join(repo.root, 'kept.txt'), 'utf8')).toBe('before\n')
      expect(existsSync(join(repo.root, 'dir/new.txt'))).toBe(false)
      expect(existsSync(join(repo.root, 'dir'))).toBe(true)
      expect(existsSync(join(repo.root, 'made'))).toBe(false)
    } finally {
      repo.cleanup()
    }
  })
})
