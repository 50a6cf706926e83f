/** Version of @fpapi/server-api-v4, sent in the `User-Agent` header of every request. */
export const VERSION = '0.1.0'
