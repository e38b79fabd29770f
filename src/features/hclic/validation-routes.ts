import { Router, type Response } from 'express'
import { SECTIONS } from '../../domain/hclic/mapping.ts'
import type { Quarter } from '../../domain/hclic/quarter.ts'
import type { Finding } from '../../domain/hclic/validation.ts'
import type { FormError } from '../../platform/forms.ts'
import { requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../../platform/http/origin.ts'
import { latestValidation, runValidation, type ValidationServices } from './nightly.ts'
import { DATA_TEAM, quarterAsked } from './routes.ts'

/** Findings case by case, in the order the run found them, each with its section's title. */
function byCase(findings: readonly Finding[]) {
  const titles = new Map(SECTIONS.map((s) => [s.id, s.title]))
  const cases = new Map<string, (Finding & { sectionTitle: string })[]>()
  for (const f of findings) {
    const row = { ...f, sectionTitle: titles.get(f.section) ?? f.section }
    const list = cases.get(f.caseReference)
    if (list) list.push(row)
    else cases.set(f.caseReference, [row])
  }
  return [...cases].map(([reference, list]) => ({ reference, findings: list }))
}

/** Checking the statutory return: the latest run's findings for a quarter, and a button to run it now. */
export function hclicValidationRoutes(services: ValidationServices): Router {
  const router = Router()

  async function render(res: Response, quarter: Quarter, quarterValue: string, errors: FormError[]) {
    const { actor } = signedIn(res)
    const code = await services.hclic.authorityCodeFor(actor)
    if (code === undefined) throw new NotFoundError()
    const run = await latestValidation(services, actor, code, quarter)
    res.status(errors.length > 0 ? 400 : 200).render('features/hclic/views/validation.njk', {
      pageTitle: `Check the return (H-CLIC): ${quarter.label}`,
      errors,
      quarter,
      quarterValue,
      authorityCode: code,
      run,
      cases: run ? byCase(run.findings) : [],
    })
  }

  router.get('/hclic/validation', requireSignIn, DATA_TEAM, async (req, res) => {
    const asked = quarterAsked(req.query['quarter'], services.clock)
    const value = typeof req.query['quarter'] === 'string' ? req.query['quarter'] : asked.quarter.label
    await render(res, asked.quarter, value, 'error' in asked ? [{ href: '#quarter', text: asked.error }] : [])
  })

  router.post('/hclic/validation', requireSignIn, DATA_TEAM, async (req, res) => {
    const { actor } = signedIn(res)
    const sent: unknown = (req.body as Record<string, unknown> | undefined)?.['quarter']
    const asked = quarterAsked(typeof sent === 'string' && sent !== '' ? sent : '-', services.clock)
    if ('error' in asked) {
      await render(res, asked.quarter, typeof sent === 'string' ? sent : '', [{ href: '#quarter', text: asked.error }])
      return
    }
    const code = await services.hclic.authorityCodeFor(actor)
    if (code === undefined) throw new NotFoundError()
    const outcome = await runValidation(services, code, asked.quarter, { actor, origin: originOf(req) })
    if ('error' in outcome) throw new NotFoundError()
    res.redirect(303, `/hclic/validation?quarter=${encodeURIComponent(asked.quarter.label)}`)
  })

  return router
}
