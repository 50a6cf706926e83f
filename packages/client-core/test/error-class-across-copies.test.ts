import { expect, test, vi } from 'vitest'
import * as copyA from '../src/index'

// A second, separate copy of the package, as when the CommonJS and ES module builds are both
// loaded, or when each facade package bundles its own copy of the core.
vi.resetModules()
const secondCopy = '../src/index?second-copy'
const copyB = (await import(/* @vite-ignore */ secondCopy)) as typeof copyA

const response = () => new Response('{}', { status: 429, statusText: 'Too Many Requests' })
const tooMany = () =>
  new copyB.TooManyRequestsError(
    { error: { code: 'too_many_requests', message: 'slow down' } },
    response(),
  )

test('the two copies really are different classes', () => {
  expect(copyB.RequestError).not.toBe(copyA.RequestError)
  expect(Object.getPrototypeOf(tooMany())).not.toBe(copyA.TooManyRequestsError.prototype)
})

test('an error of one copy is an instance of the same class, and its bases, in the other', () => {
  const error = tooMany()
  expect(error instanceof copyA.TooManyRequestsError).toBe(true)
  expect(error instanceof copyA.ServerApiError).toBe(true)
  expect(error instanceof copyA.RequestError).toBe(true)
  expect(error instanceof copyA.SdkError).toBe(true)
  expect(error instanceof Error).toBe(true)
  expect(error instanceof copyA.NetworkError).toBe(false)
  expect(error instanceof copyA.UnsealError).toBe(false)

  const timeout = new copyB.RequestTimeoutError(5)
  expect(timeout instanceof copyA.RequestTimeoutError).toBe(true)
  expect(timeout instanceof copyA.NetworkError).toBe(true)
  expect(timeout instanceof copyA.RequestError).toBe(false)

  const unseal = new copyB.UnsealAggregateError([new copyB.UnsealError({ key: 'k' })])
  expect(unseal instanceof copyA.UnsealAggregateError).toBe(true)
  expect(unseal.errors[0] instanceof copyA.UnsealError).toBe(true)
  expect(unseal instanceof copyA.UnsealError).toBe(false)
})

test('classes that only share a name are not matched', () => {
  // e.g. the official SDK's RequestError
  class RequestError extends Error {}
  expect(new RequestError('x') instanceof copyA.RequestError).toBe(false)
  expect(
    new copyA.RequestError('failed', undefined, 500, 'failed', response()) instanceof RequestError,
  ).toBe(false)
})

test("a user's subclass keeps ordinary instanceof", () => {
  class AppError extends copyA.RequestError {}
  class OtherAppError extends copyB.RequestError {}
  const app = new AppError('failed', undefined, 500, 'failed', response())
  expect(app instanceof AppError).toBe(true)
  expect(app instanceof copyA.RequestError).toBe(true)
  expect(app instanceof copyB.RequestError).toBe(true)
  expect(
    new OtherAppError('failed', undefined, 500, 'failed', response()) instanceof AppError,
  ).toBe(false)
  expect(
    new copyA.RequestError('failed', undefined, 500, 'failed', response()) instanceof AppError,
  ).toBe(false)
})

test('values that are not errors give false and never throw', () => {
  const hostile = new Proxy(
    {},
    {
      getPrototypeOf() {
        throw new Error('trap')
      },
    },
  )
  for (const value of [undefined, null, 0, 'RequestError', {}, [], hostile, Object.create(null)]) {
    expect(value instanceof copyA.RequestError).toBe(false)
  }
  expect(copyA.isInstanceAcrossCopies(undefined, tooMany())).toBe(false)
  expect(copyA.isInstanceAcrossCopies(copyA.RequestError, tooMany())).toBe(true)
})
