/**
 * The three ISO-8601 layouts v3 used for times, rebuilt from v4 Unix milliseconds.
 * @internal
 */

/** `2022-06-16T10:05:53Z`: whole seconds, fraction dropped (v3 identification `time`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** `2022-06-16T10:05:53.09Z`: milliseconds with trailing zeros trimmed (v3 botd `time`, seen-at). */
export function isoMillisTrimmed(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/(\.\d*?)0+Z$/, '$1Z')
    .replace(/\.Z$/, 'Z')
}

/** `2022-06-16T10:00:00.000Z`: full milliseconds (v3 proxy `lastSeenAt`). */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString()
}

/**
 * v4 `factory_reset_timestamp` has no documented unit: observed v3 values are Unix seconds while the
 * v4 spec example looks like milliseconds. Values above 1e11 cannot be seconds (that is the year
 * 5138), so they are read as milliseconds; everything else as seconds. Returns Unix seconds.
 */
export function factoryResetSeconds(value: number): number {
  return value > 1e11 ? Math.floor(value / 1000) : value
}
