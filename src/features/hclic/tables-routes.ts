import { Router, type Request, type Response } from 'express'
import { CODE_LISTS } from '../../domain/hclic/code-lists.ts'
import { officialTables, tablesCsv, type OfficialTable } from '../../domain/hclic/tables.ts'
import type { Quarter } from '../../domain/hclic/quarter.ts'
import type { Clock } from '../../platform/clock.ts'
import { requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { DATA_TEAM, quarterAsked } from './routes.ts'
import type { HclicService } from './service.ts'

/**
 * The official tables for the data team's own authority and a quarter, as a page and as one CSV, so a
 * council sees its published figures before the government does.
 */
export function hclicTableRoutes(deps: { hclic: HclicService; clock: Clock }): Router {
  const router = Router()

  /** The tables, or the page with the quarter's error already sent. */
  async function tablesFor(
    req: Request,
    res: Response,
  ): Promise<{ tables: OfficialTable[]; quarter: Quarter; authority: { name: string; code: string } } | undefined> {
    const { actor } = signedIn(res)
    const code = await deps.hclic.authorityCodeFor(actor)
    if (code === undefined) throw new NotFoundError()
    const asked = quarterAsked(req.query['quarter'], deps.clock)
    if ('error' in asked) {
      res.status(400).render('features/hclic/views/tables.njk', {
        pageTitle: 'Official tables (H-CLIC)',
        errors: [{ href: '#quarter', text: asked.error }],
        quarterValue: typeof req.query['quarter'] === 'string' ? req.query['quarter'] : '',
      })
      return undefined
    }
    const result = await deps.hclic.quarterReturn(actor, code, asked.quarter, originOf(req))
    if ('error' in result) throw new NotFoundError()
    // The lists are the platform's own until the council's official codes are configured; labels are the same either way.
    return { tables: officialTables(result.cases, asked.quarter, CODE_LISTS), quarter: asked.quarter, authority: result.authority }
  }

  router.get('/hclic/tables', requireSignIn, DATA_TEAM, async (req, res) => {
    const found = await tablesFor(req, res)
    if (!found) return
    res.render('features/hclic/views/tables.njk', {
      pageTitle: `Official tables (H-CLIC): ${found.quarter.label}`,
      errors: [],
      quarterValue: found.quarter.label,
      quarter: found.quarter,
      authority: found.authority,
      tables: found.tables,
    })
  })

  router.get('/hclic/tables.csv', requireSignIn, DATA_TEAM, async (req, res) => {
    const found = await tablesFor(req, res)
    if (!found) return
    res
      .type('text/csv; charset=utf-8')
      .attachment(`hclic-tables-${found.authority.code}-${found.quarter.label}.csv`)
      .send(tablesCsv(found.tables))
  })

  return router
}
