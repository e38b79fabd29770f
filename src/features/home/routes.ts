import { Router } from 'express'
import { requireSignIn, signedIn } from '../../platform/http/authentication.ts'
import { originOf } from '../../platform/http/origin.ts'
import type { CaseworkService } from '../casework/service.ts'
import type { ReferralService } from '../referrals/service.ts'
import type { AuditService } from '../audit/service.ts'

/** Each role starts from the page that answers its first question of the day. */
export function homeRoutes(deps: { casework: CaseworkService; referrals: ReferralService; audit: AuditService }): Router {
  const router = Router()

  router.get('/', requireSignIn, async (req, res) => {
    const { user, actor } = signedIn(res)
    switch (user.role) {
      case 'caseworker': {
        const cases = await deps.casework.caseload(actor, originOf(req))
        const referrals = (await deps.referrals.list(actor, { limit: 5, open: true }, originOf(req))).filter((r) => r.status === 'received')
        res.render('features/home/views/caseworker.njk', { pageTitle: 'Your caseload', cases, referrals })
        return
      }
      case 'team_manager': {
        const team = await deps.casework.teamCaseloads(actor)
        res.render('features/home/views/team-manager.njk', { pageTitle: 'Your team', team })
        return
      }
      case 'referrer': {
        const referrals = await deps.referrals.list(actor, { limit: 10 }, originOf(req))
        res.render('features/home/views/referrer.njk', { pageTitle: 'Your referrals', referrals })
        return
      }
      case 'analyst': {
        const figures = await deps.casework.figures(actor)
        res.render('features/home/views/analyst.njk', { pageTitle: 'Figures', figures })
        return
      }
      case 'administrator': {
        const recent = await deps.audit.search(actor, { limit: 10 })
        res.render('features/home/views/administrator.njk', { pageTitle: 'Administration', recent })
        return
      }
    }
  })

  return router
}
