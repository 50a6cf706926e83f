import type { MigrateCliIo } from '@fpapi/server-api-v4/migrate'

/** Node's file system and standard streams for `runMigrateCli`. */
export declare function createNodeIo(): MigrateCliIo
