import { Router } from 'express'
import { parseQuarter, quarterContaining, triggersIn, type Quarter } from '../../domain/hclic/quarter.ts'
import type { Clock } from '../../platform/clock.ts'
import type { Config } from '../../platform/config.ts'
import { loadHclicConfiguration } from './configuration.ts'
import { buildReturnFiles } from './export-files.ts'
import { requirePermission, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import type { HclicService } from './service.ts'

/** The data team's roles: who prepares the statutory return. */
export const DATA_TEAM = requirePermission('return.prepare')

/** The quarter asked for, or the last complete one; a malformed one is an error message for the page. */
export function quarterAsked(value: unknown, clock: Clock): { quarter: Quarter } | { error: string; quarter: Quarter } {
  const lastComplete = quarterContaining(quarterContaining(clock.today()).firstDay.minusDays(1))
  if (typeof value !== 'string' || value === '') return { quarter: lastComplete }
  const parsed = parseQuarter(value)
  return 'error' in parsed ? { error: parsed.error, quarter: lastComplete } : parsed
}

/** The statutory return's hub: the quarter's cases and why each enters, with the ways to check and send it. */
export function hclicRoutes(deps: { hclic: HclicService; clock: Clock; config: Config }): Router {
  const router = Router()

  router.get('/hclic', requireSignIn, DATA_TEAM, async (req, res) => {
    const { actor } = signedIn(res)
    const code = await deps.hclic.authorityCodeFor(actor)
    if (code === undefined) throw new NotFoundError()
    const asked = quarterAsked(req.query['quarter'], deps.clock)
    const result = await deps.hclic.quarterReturn(actor, code, asked.quarter, originOf(req))
    if ('error' in result) throw new NotFoundError()
    const errors = 'error' in asked ? [{ href: '#quarter', text: asked.error }] : []
    res.status(errors.length > 0 ? 400 : 200).render('features/hclic/views/hub.njk', {
      pageTitle: `Statutory return (H-CLIC): ${asked.quarter.label}`,
      errors,
      quarterValue: typeof req.query['quarter'] === 'string' ? req.query['quarter'] : asked.quarter.label,
      quarter: asked.quarter,
      authority: result.authority,
      cases: result.cases.map((c) => ({ reference: c.reference, stage: c.stage, triggers: triggersIn(c, asked.quarter) })),
    })
  })

  // The files to send, checked against the schema first: a file that fails is not offered at all.
  router.get('/hclic/export/:file', requireSignIn, DATA_TEAM, async (req, res) => {
    const { actor } = signedIn(res)
    const which = req.params['file'] === 'cases.xml' ? 0 : req.params['file'] === 'personal.xml' ? 1 : undefined
    const code = await deps.hclic.authorityCodeFor(actor)
    if (which === undefined || code === undefined) throw new NotFoundError()
    const asked = quarterAsked(req.query['quarter'], deps.clock)
    const loaded = await loadHclicConfiguration(deps.config.dataDir)
    const result = 'error' in asked ? undefined : await deps.hclic.quarterReturn(actor, code, asked.quarter, originOf(req))
    const problems = [
      ...('error' in asked ? [asked.error] : []),
      ...('errors' in loaded ? loaded.errors : []),
      ...(result && 'error' in result ? [result.error] : []),
    ]
    if (problems.length > 0 || !result || 'error' in result || 'errors' in loaded) {
      res.status(400).render('features/hclic/views/export-refused.njk', { pageTitle: 'The file could not be made', problems })
      return
    }
    const built = buildReturnFiles(
      { authorityCode: code, cases: result.cases, personalDetails: result.personalDetails },
      asked.quarter,
      loaded.configuration,
      deps.clock.now(),
    )
    const file = built.files[which]
    if (built.findings.length > 0 || !file) {
      res.status(422).render('features/hclic/views/export-refused.njk', {
        pageTitle: 'The file could not be made',
        problems: built.findings.map((f) => `${f.file}, line ${String(f.line)}: ${f.message}`),
      })
      return
    }
    res.type('application/xml').attachment(file.name).send(file.xml)
  })

  return router
}
