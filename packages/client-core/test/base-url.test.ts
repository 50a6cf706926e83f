import { describe, expect, test } from 'vitest'
import { resolveBaseUrl } from '@fpapi/client-core'

const servers = {
  Global: 'https://api.example.test/v9',
  EU: 'https://eu.example.test/v9/',
} as const

describe('resolveBaseUrl', () => {
  test.each([
    { given: { region: undefined }, want: 'https://api.example.test/v9' },
    { given: { region: 'EU' as const }, want: 'https://eu.example.test/v9' },
    { given: { baseUrl: 'http://127.0.0.1:9/v9/' }, want: 'http://127.0.0.1:9/v9' },
    { given: { region: 'EU' as const, baseUrl: 'https://proxy.test' }, want: 'https://proxy.test' },
  ])('$given -> $want', ({ given, want }) => {
    expect(resolveBaseUrl({ servers, defaultRegion: 'Global', ...given })).toBe(want)
  })

  test.each([
    { given: { region: 'US' }, want: /region must be one of 'Global', 'EU' \(got "US"\)/ },
    { given: { region: '' }, want: /region must be one of .*an empty string/ },
    { given: { region: 42 }, want: /region must be one of .*number 42/ },
    { given: { baseUrl: 'ftp://x' }, want: /baseUrl must be an absolute http/ },
    { given: { baseUrl: '/relative' }, want: /baseUrl must be an absolute http/ },
    { given: { baseUrl: 'https://x.test/v4?a=1' }, want: /baseUrl must not contain a query/ },
  ])('rejects $given', ({ given, want }) => {
    expect(() =>
      resolveBaseUrl({ servers, defaultRegion: 'Global', ...(given as object) }),
    ).toThrow(expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(want) }))
  })
})
