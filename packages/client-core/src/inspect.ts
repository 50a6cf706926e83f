/**
 * The symbol Node's `util.inspect` looks up for a custom representation. Built with `Symbol.for`,
 * so no `node:util` import is needed and the module stays runtime-neutral.
 */
export const inspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never
