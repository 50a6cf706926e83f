#!/usr/bin/env node
// fpapi-migrate <dir> [--write]: rewrite Server API v3 client code to @fpapi/server-api-v4.
import { runMigrateCli } from '@fpapi/server-api-v4/migrate'
import { createNodeIo } from './node-io.mjs'

process.exitCode = await runMigrateCli(process.argv.slice(2), createNodeIo())
