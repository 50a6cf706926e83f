import type * as TsMorph from 'ts-morph'

/** @internal The ts-morph module, loaded on first use. */
export type TsMorphModule = typeof TsMorph

let loaded: Promise<TsMorphModule> | undefined

/**
 * Loads an optional dependency by a name bundlers do not follow: an app that bundles
 * `createV3CompatClient` for an edge runtime must not need ts-morph or diff to build.
 * @internal
 */
export function importOptional(name: string): Promise<unknown> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ name)
}

/**
 * ts-morph (a TypeScript compiler wrapper, ~10 MB) is an optional peer dependency: only the codemod
 * needs it, so users of the client and the compat layer never install it.
 * @internal
 */
export function loadTsMorph(): Promise<TsMorphModule> {
  loaded ??= (
    importOptional('ts-morph') as Promise<TsMorphModule & { default?: TsMorphModule }>
  ).then(
    (m: TsMorphModule & { default?: TsMorphModule }) =>
      m.Project ? m : (m.default as TsMorphModule),
    (cause: unknown) => {
      loaded = undefined
      throw new Error(
        'The fpapi-migrate codemod needs the optional peer dependency "ts-morph" (>=20). ' +
          'Install it next to @fpapi/server-api-v4, e.g. `npm install --save-dev ts-morph`, and run again.',
        { cause },
      )
    },
  )
  return loaded
}
