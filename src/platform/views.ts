import path from 'node:path'
import nunjucks from 'nunjucks'
import { formatDate, formatDateTime, humanise } from './formatting.ts'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Templates are found by path from src/ (for example `features/home/views/caseworker.njk`), with the
 * GOV.UK and MoJ component macros importable as `govuk/components/...` and `moj/components/...`.
 */
export function createViews(options: { watch?: boolean } = {}): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [
        path.join(root, 'src/platform/views'),
        path.join(root, 'src'),
        path.join(root, 'node_modules/govuk-frontend/dist'),
        path.join(root, 'node_modules/@ministryofjustice/frontend'),
      ],
      { watch: options.watch ?? false, noCache: false },
    ),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  )
  env.addFilter('date', formatDate)
  env.addFilter('dateTime', formatDateTime)
  env.addFilter('humanise', humanise)
  return env
}
