import { Router } from 'express'
import { requireRole, requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { originOf } from '../accounts/routes.ts'
import type { CaseworkService } from './service.ts'

export function caseworkRoutes(deps: { casework: CaseworkService }): Router {
  const router = Router()
  const { casework } = deps

  router.get('/cases', requireSignIn, requireRole('caseworker', 'team_manager', 'analyst'), async (_req, res) => {
    const { user, actor } = signedIn(res)
    const own = user.role === 'caseworker'
    const cases = own ? await casework.caseload(actor) : await casework.openCases(actor)
    res.render('features/casework/views/cases.njk', { pageTitle: own ? 'Your caseload' : 'Open cases', cases, own })
  })

  router.get('/cases/:reference', requireSignIn, requireRole('caseworker', 'team_manager', 'analyst'), async (req, res) => {
    const { actor } = signedIn(res)
    const found = await casework.viewCase(actor, String(req.params['reference']), originOf(req))
    if (!found) throw new NotFoundError()
    res.render('features/casework/views/case.njk', { pageTitle: `Case ${found.reference}`, found })
  })

  return router
}
