/**
 * Runs after `npm install`: compiles the stylesheet and makes the empty embedded-database template, so
 * that the first `npm start` has nothing slow left to do.
 */
import { writeTemplate } from '../src/db/pglite-template.ts'
import { buildAssets } from './build-assets.ts'

await buildAssets()
await writeTemplate()
