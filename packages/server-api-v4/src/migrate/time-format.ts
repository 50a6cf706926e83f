/**
 * ISO-8601 layouts for v3 times rebuilt from v4 Unix milliseconds. They are the layouts of the
 * project's mock server v3 view, so a v3 program prints the same text through the compat client
 * as through the v3 client against it. (The upstream v3 description hints at milliseconds for
 * seen-at times; our spec only says `date-time`, and both parse to the same second.)
 * @internal
 */

/** `2022-06-16T10:05:53Z`: whole seconds, fraction dropped (identification `time`, seen-at, proxy). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** `2022-06-16T10:05:53.094Z`: milliseconds (botd `time`). */
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
