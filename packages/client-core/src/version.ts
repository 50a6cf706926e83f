/** Version of @fpapi/client-core, sent in the User-Agent of every client built on it. */
export const VERSION = '0.1.0'
