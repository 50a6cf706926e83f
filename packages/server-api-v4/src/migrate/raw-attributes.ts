import { RAW_ATTRIBUTE_KEYS } from './field-map'
import type { V3RawDeviceAttributes, V4RawDeviceAttributes } from './types'

const capitalize = (key: string) => key.charAt(0).toUpperCase() + key.slice(1)

/**
 * v4 `raw_device_attributes` (typed, snake_case keys, bare values) -> the v3 free-form map
 * (camelCase keys, each value wrapped as `{ value }`). Key names follow the name-based table;
 * v4-only keys (no v3 name) are left out. Only `canvas` changes inside (v3 used `Winding`,
 * `Geometry`, `Text`); every other value is passed through as v4 sent it.
 * @internal
 */
export function toV3RawAttributes(raw: V4RawDeviceAttributes): V3RawDeviceAttributes {
  const out: V3RawDeviceAttributes = {}
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue
    // Own names only: a key such as `constructor` or `__proto__` in a server's answer would otherwise
    // find Object.prototype's members and become a key like 'function Object() { [native code] }'.
    const v3Key = Object.hasOwn(RAW_ATTRIBUTE_KEYS, key) ? RAW_ATTRIBUTE_KEYS[key] : undefined
    // v4-only attributes (device_model, font_hash, battery_level, ...) had no v3 name: left out
    if (v3Key === undefined) continue
    const v3Value =
      key === 'canvas' && value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [capitalize(k), v]))
        : value
    out[v3Key] = { value: v3Value }
  }
  return out
}
