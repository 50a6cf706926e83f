import { expect, test } from 'vitest'
import { parseRetryAfter } from '@fpapi/client-core'

const NOW = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')

test.each([
  { given: '3', want: 3000 },
  { given: ' 0 ', want: 0 },
  { given: 'Wed, 21 Oct 2026 07:28:05 GMT', want: 5000 },
  { given: 'Wed, 21 Oct 2026 07:27:00 GMT', want: 0 },
  { given: null, want: undefined },
  { given: '', want: undefined },
  { given: '-1', want: undefined },
  { given: '1.5', want: undefined },
  { given: 'soon', want: undefined },
])('parseRetryAfter($given) = $want', ({ given, want }) => {
  expect(parseRetryAfter(given, NOW)).toBe(want)
})
